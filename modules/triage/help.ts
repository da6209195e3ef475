import type { CrisisSeverity } from './concepts';
import type { Disposition, Language, Localized } from './vocabulary';

/** Emergency numbers in Russia: 112 (all services) and 103 (ambulance). Russian first, always. */
export const callNow: string[] = ['Позвоните 103 или 112 прямо сейчас.', 'Call 103 or 112 now.'];

const advice: Record<Disposition, Localized> = {
  emergency_ambulance: {
    ru: 'Не садитесь за руль и не оставайтесь одни до приезда скорой. Онлайн-запись для этого случая недоступна.',
    en: 'Do not drive and do not stay alone until the ambulance arrives. Online booking is not available for this episode.',
  },
  emergency: {
    ru: 'Нужна помощь в приёмном отделении больницы сегодня; не ждите онлайн-консультации.',
    en: 'You need an emergency department today; do not wait for an online consultation.',
  },
  consultation_24: {
    ru: 'Запишитесь к врачу в ближайшие 24 часа. Если станет хуже — звоните 103 или 112.',
    en: 'Book a doctor within the next 24 hours. If things get worse, call 103 or 112.',
  },
  consultation: {
    ru: 'Запишитесь на плановую консультацию. Если появятся новые симптомы, пройдите опрос снова.',
    en: 'Book a planned consultation. If new symptoms appear, take this check again.',
  },
  self_care: {
    ru: 'Можно лечиться дома: отдых, питьё, средства из аптечки по инструкции. Если лучше не станет или появятся новые симптомы — запишитесь к врачу.',
    en: 'You can look after yourself at home: rest, fluids, over-the-counter remedies as directed. If you do not improve or new symptoms appear, book a doctor.',
  },
};

export function instructionsFor(disposition: Disposition, language: Language): string[] {
  const own = advice[disposition][language];
  return disposition.startsWith('emergency') ? [...callNow, own] : [own];
}

/** Consequences for booking: no booking in an emergency; urgent ones only within 24 h. */
export function bookingFor(disposition: Disposition): { allowed: boolean; withinHours: number | null } {
  if (disposition.startsWith('emergency')) return { allowed: false, withinHours: null };
  return { allowed: true, withinHours: disposition === 'consultation_24' ? 24 : null };
}

export interface CrisisHelp {
  /** How grave the reading is (concepts.ts): the on-call clinician sees it with the summary. */
  severity: CrisisSeverity;
  message: string;
  lines: { name: string; phone: string }[];
}

/** Shown at once on the crisis path (PHQ-9 item 9 above zero, or thoughts of self-harm). */
export function crisisHelp(language: Language, severity: CrisisSeverity): CrisisHelp {
  const ru = language === 'ru';
  return {
    severity,
    message: ru
      ? 'Вы не одни. Если вы в опасности или думаете причинить себе вред прямо сейчас, позвоните 112 или 103. Дежурный специалист свяжется с вами в ближайшие минуты.'
      : 'You are not alone. If you are in danger or thinking of harming yourself right now, call 112 or 103. The on-call clinician will contact you within minutes.',
    lines: [
      { name: ru ? 'Единый номер экстренных служб' : 'Emergency services', phone: '112' },
      { name: ru ? 'Скорая помощь' : 'Ambulance', phone: '103' },
      {
        name: ru
          ? 'Телефон доверия для детей, подростков и родителей (бесплатно, анонимно)'
          : 'Helpline for children, teenagers and parents (free, anonymous)',
        phone: '8-800-2000-122',
      },
      {
        name: ru
          ? 'Экстренная психологическая помощь, Москва (с мобильного 8-495-051)'
          : 'Emergency psychological help, Moscow (from a mobile 8-495-051)',
        phone: '051',
      },
    ],
  };
}
