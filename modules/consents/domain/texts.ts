import type { Purpose } from './purposes';

export type ConsentLanguage = 'ru' | 'en';

/** One wording of a purpose. A changed wording is a new version; old ones stay for old records. */
export interface ConsentTextVersion {
  version: string;
  ru: string;
  en: string;
}

/**
 * The consent texts, oldest version first, the last one current. Records name the version and the
 * hash of the text shown (see catalogue.ts), so what a patient agreed to can be proven later.
 */
export const consentTexts: Record<Purpose, readonly ConsentTextVersion[]> = {
  personal_data: [
    {
      version: '2026-12-03',
      ru: [
        'Согласие на обработку персональных данных (152-ФЗ), редакция 2026-12-03.',
        'Я разрешаю клинике, в которой получаю помощь, обрабатывать мои персональные данные — ФИО, дату рождения, номер телефона, идентификаторы в приложении и мессенджере — чтобы записывать меня на консультации, вести мою запись и связываться со мной. Действия: сбор, запись, хранение, уточнение, использование, передача в пределах этих целей, удаление. Данные хранятся в России.',
        'Согласие действует до его отзыва. Отозвать его можно в приложении или обратившись в клинику.',
      ].join('\n'),
      en: [
        'Consent to personal data processing (Federal Law 152-FZ), version 2026-12-03.',
        'I allow the clinic that cares for me to process my personal data (name, date of birth, phone number, app and messenger ids) to book consultations for me, keep my record and contact me. Actions: collection, recording, storage, correction, use, transfer within these purposes, erasure. The data are stored in Russia.',
        'The consent lasts until I withdraw it, in the app or by contacting the clinic.',
      ].join('\n'),
    },
  ],
  health_data: [
    {
      version: '2026-12-03',
      ru: [
        'Согласие на обработку сведений о состоянии здоровья, редакция 2026-12-03.',
        'Я разрешаю клинике обрабатывать сведения о моём здоровье — жалобы, ответы на вопросы, показания приборов, документы и заключения — для оказания мне медицинской помощи, в том числе с применением телемедицинских технологий. Эти сведения составляют врачебную тайну и хранятся зашифрованными.',
        'Я знаю, что после отзыва согласия медицинская документация сохраняется столько, сколько требует закон.',
      ].join('\n'),
      en: [
        'Consent to processing of health data, version 2026-12-03.',
        'I allow the clinic to process data about my health (complaints, answers, device readings, documents and conclusions) to provide me care, including by telemedicine. These data are protected by medical secrecy and stored encrypted.',
        'I understand that after I withdraw this consent, my medical records are kept as long as the law requires.',
      ].join('\n'),
    },
  ],
  telemedicine: [
    {
      version: '2026-12-03',
      ru: [
        'Информированное добровольное согласие на медицинское вмешательство с применением телемедицинских технологий (323-ФЗ), редакция 2026-12-03.',
        'Мне объяснено: консультация проходит дистанционно (видео, чат или переписка); без очного приёма у этого врача или в этой клинике врач не устанавливает заболевание и не назначает лечение — консультация носит информационный характер; врач может рекомендовать очный приём; при угрозе жизни нужно звонить 103 или 112, а не ждать ответа. Я вправе отказаться от консультации или прервать её.',
      ].join('\n'),
      en: [
        'Informed voluntary consent to medical intervention by telemedicine (Federal Law 323-FZ), version 2026-12-03.',
        'It was explained to me: the consultation is held remotely (video, chat or messages); without an in-person visit to this doctor or clinic the doctor establishes no disease and prescribes no treatment, so the consultation is informational; the doctor may advise an in-person visit; in a life-threatening situation I call 103 or 112 rather than wait for an answer. I may refuse or stop the consultation.',
      ].join('\n'),
    },
  ],
  sharing: [
    {
      version: '2026-12-03',
      ru: [
        'Согласие на передачу сведений, составляющих врачебную тайну, названному получателю, редакция 2026-12-03.',
        'Я разрешаю клинике передавать получателю, указанному в этом согласии (медицинскому центру для консультации или плательщику моих консультаций), сведения, нужные ему для его цели: центру — медицинские документы, плательщику — только факт и дату оказанной услуги, без диагноза и жалоб.',
        'Согласие действует до его отзыва; отзыв не затрагивает уже переданного.',
      ].join('\n'),
      en: [
        'Consent to sharing data protected by medical secrecy with a named recipient, version 2026-12-03.',
        'I allow the clinic to give the recipient named in this consent (a medical centre asked for an opinion, or the sponsor paying for my consultations) what it needs for its purpose: the centre my medical documents, the sponsor only that a service was given and when, never a diagnosis or a complaint.',
        'The consent lasts until I withdraw it; a withdrawal does not recall what was already shared.',
      ].join('\n'),
    },
  ],
  notifications: [
    {
      version: '2026-12-03',
      ru: [
        'Согласие на уведомления, редакция 2026-12-03.',
        'Напоминания о записях, новости о консультациях и подсказки приходят мне по выбранным каналам (SMS, мессенджер, почта, push). В мессенджерах и push нет сведений о здоровье — только «у вас новое сообщение».',
        'Отозвав согласие, я перестаю получать напоминания и подсказки; сообщения о безопасности и об отмене визита приходят всегда.',
      ].join('\n'),
      en: [
        'Consent to notifications, version 2026-12-03.',
        'Reminders of bookings, news of consultations and nudges come to me through the channels I chose (SMS, messenger, email, push). Messengers and push carry no health data, only "you have a new message".',
        'If I withdraw this consent, reminders and nudges stop; safety messages and news of a cancelled visit always come.',
      ].join('\n'),
    },
  ],
};
