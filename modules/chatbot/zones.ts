import type { BotLanguage } from './repositories/chatbot';

/** Russia's eleven zones (no daylight saving), one city each; the patient picks where they are. */
export const zones = [
  { id: 'Europe/Kaliningrad', offset: 2, ru: 'Калининград', en: 'Kaliningrad' },
  { id: 'Europe/Moscow', offset: 3, ru: 'Москва', en: 'Moscow' },
  { id: 'Europe/Samara', offset: 4, ru: 'Самара', en: 'Samara' },
  { id: 'Asia/Yekaterinburg', offset: 5, ru: 'Екатеринбург', en: 'Yekaterinburg' },
  { id: 'Asia/Omsk', offset: 6, ru: 'Омск', en: 'Omsk' },
  { id: 'Asia/Novosibirsk', offset: 7, ru: 'Новосибирск', en: 'Novosibirsk' },
  { id: 'Asia/Irkutsk', offset: 8, ru: 'Иркутск', en: 'Irkutsk' },
  { id: 'Asia/Yakutsk', offset: 9, ru: 'Якутск', en: 'Yakutsk' },
  { id: 'Asia/Vladivostok', offset: 10, ru: 'Владивосток', en: 'Vladivostok' },
  { id: 'Asia/Magadan', offset: 11, ru: 'Магадан', en: 'Magadan' },
  { id: 'Asia/Kamchatka', offset: 12, ru: 'Камчатка', en: 'Kamchatka' },
] as const;

export const defaultZone = 'Europe/Moscow';

export function zoneCity(zoneId: string, language: BotLanguage): string {
  return zones.find((z) => z.id === zoneId)?.[language] ?? zoneId;
}
