import type { BotLanguage } from './repositories/chatbot';

/**
 * The consent to personal data processing (152-FZ) the bot asks for before anything else.
 * A new wording gets a new version: patients who agreed to an older one are asked again,
 * and each consent is recorded with the version and the time it was given.
 */
export const consentVersion = '2026-12-03';

export const consentText: Record<BotLanguage, string> = {
  ru: [
    `Согласие на обработку персональных данных (152-ФЗ), редакция ${consentVersion}.`,
    '',
    'Нажимая «Согласен», вы разрешаете клинике обрабатывать ваши персональные данные, в том числе сведения о здоровье: номер телефона, идентификатор Telegram, описание жалоб и ответы на вопросы, — чтобы записать вас на консультацию и оказать медицинскую помощь с применением телемедицинских технологий.',
    'Напоминания о записях и сообщения о них бот присылает в этот чат, а если указан телефон, при необходимости и SMS.',
    'Данные хранятся в России. Сообщения Telegram проходят через серверы за рубежом, поэтому бот не пишет в них ничего о вашем здоровье сверх того, что написали вы.',
    'Согласие действует до его отзыва; отозвать его можно, обратившись в клинику.',
  ].join('\n'),
  en: [
    `Consent to personal data processing (Federal Law 152-FZ), version ${consentVersion}.`,
    '',
    'By tapping "I agree" you allow the clinic to process your personal data, including health data: your phone number, Telegram id, the description of your complaint and your answers, to book a consultation for you and to provide care by telemedicine.',
    'Reminders and news of your bookings come to this chat, and by SMS where needed if you shared your phone.',
    "The data are stored in Russia. Telegram's servers are abroad, so the bot never writes anything about your health beyond what you wrote yourself.",
    'The consent lasts until you withdraw it, which you can do by contacting the clinic.',
  ].join('\n'),
};
