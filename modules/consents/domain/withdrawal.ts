import type { Purpose } from './purposes';
import type { ConsentLanguage } from './texts';

/** What a withdrawal changes, said to the person who withdrew, in their language. */
export interface WithdrawalEffects {
  /** Refused or no longer sent from the moment the withdrawal is recorded. */
  stopsNow: string[];
  /** What goes on regardless, and why. */
  continues: string[];
  /** What the clinic keeps because the law makes it (152-FZ art. 9 part 2, art. 10 part 2). */
  kept: string[];
}

type Said = Record<ConsentLanguage, string>;

const medicalRecordsKept: Said = {
  ru: 'Медицинская документация о уже оказанной помощи: клиника обязана её хранить (323-ФЗ), а обработка для оказания медицинской помощи лицом, обязанным хранить врачебную тайну, допускается без согласия (152-ФЗ, ст. 10 ч. 2).',
  en: 'Medical records of care already given: the clinic must keep them (323-FZ), and processing them to provide care by people bound by medical secrecy needs no consent (152-FZ art. 10 part 2).',
};
const consentRecordsKept: Said = {
  ru: 'Запись о согласии и его отзыве: она доказывает, на каком основании данные обрабатывались.',
  en: 'The record of the consent and of this withdrawal: it proves on what basis the data were processed.',
};
const bookedVisits: Said = {
  ru: 'Уже назначенные визиты не отменяются сами: отмените их или попросите клинику.',
  en: 'Visits already booked are not cancelled by this: cancel them, or ask the clinic to.',
};
const newCare: Said = {
  ru: 'Новые записи на консультации, новые переписки с врачом и запросы консультаций в медицинские центры.',
  en: 'New bookings, new consultations by messages, and new requests to medical centres about you.',
};
const criticalGo: Said = {
  ru: 'Сообщения о безопасности (кризисная помощь, опасные показания, остановка занятия) и об отмене визита.',
  en: 'Safety messages (crisis help, dangerous readings, a stopped session) and news of a cancelled visit.',
};

const effects: Record<Purpose, { stopsNow: Said[]; continues: Said[]; kept: Said[] }> = {
  personal_data: {
    stopsNow: [
      newCare,
      {
        ru: 'Напоминания и подсказки; данные, не нужные для уже оказанной помощи, удаляются по запросу на удаление.',
        en: 'Reminders and nudges; data not needed for care already given are erased on an erasure request.',
      },
    ],
    continues: [criticalGo, bookedVisits],
    kept: [medicalRecordsKept, consentRecordsKept],
  },
  health_data: {
    stopsNow: [newCare],
    continues: [bookedVisits],
    kept: [medicalRecordsKept, consentRecordsKept],
  },
  telemedicine: {
    stopsNow: [
      {
        ru: 'Новые записи на дистанционные консультации и новые переписки с врачом.',
        en: 'New bookings of remote consultations and new consultations by messages.',
      },
    ],
    continues: [bookedVisits],
    kept: [medicalRecordsKept, consentRecordsKept],
  },
  sharing: {
    stopsNow: [
      {
        ru: 'Новая передача сведений этому получателю.',
        en: 'Any further sharing with this recipient.',
      },
    ],
    continues: [],
    kept: [
      {
        ru: 'То, что получатель уже получил: это часть его медицинской документации или отчётности.',
        en: 'What the recipient already received: it is part of its medical records or accounts.',
      },
      consentRecordsKept,
    ],
  },
  notifications: {
    stopsNow: [
      {
        ru: 'Напоминания о визитах, подсказки, новости и приглашения.',
        en: 'Reminders of visits, nudges, news and invitations.',
      },
    ],
    continues: [criticalGo],
    kept: [
      {
        ru: 'Журнал отправленных сообщений.',
        en: 'The log of messages already sent.',
      },
      consentRecordsKept,
    ],
  },
};

export function withdrawalEffects(purpose: Purpose, language: ConsentLanguage): WithdrawalEffects {
  const said = effects[purpose];
  const say = (items: Said[]) => items.map((item) => item[language]);
  return { stopsNow: say(said.stopsNow), continues: say(said.continues), kept: say(said.kept) };
}
