import { DateTime } from 'luxon';
import type { ConsultationFormat } from '../booking';
import type { BotLanguage } from './repositories/chatbot';
import { zoneCity } from './zones';

/**
 * Everything the bot says. Telegram's servers are abroad, so no text here names a diagnosis,
 * a specialty, a triage outcome or a reading: times, formats and instructions only.
 */
const ru = {
  switchLanguage: 'English',
  languageSet: 'Язык: русский.',
  agree: 'Согласен',
  decline: 'Не согласен',
  declined: 'Без согласия на обработку данных мы не можем записать вас. Если передумаете, отправьте /start.',
  askContact: 'Поделитесь своим номером телефона кнопкой ниже: по нему клиника вас узнает.',
  shareContact: 'Отправить мой номер',
  notOwnContact: 'Нужен ваш собственный номер: нажмите кнопку «Отправить мой номер».',
  contactSaved: 'Спасибо, номер сохранён.',
  askCoverage: 'Есть полис ДМС или код от работодателя? Подключите его, и консультации оплатит программа.',
  coverageCode: 'Ввести код',
  coveragePolicy: 'Подключить полис',
  skip: 'Пропустить',
  askCode: 'Введите код, который вам выдал работодатель.',
  askPolicy: 'Введите номер полиса и дату рождения держателя через пробел, например: 1234-567890 15.04.1985',
  policyFormat: 'Не получилось разобрать. Пример: 1234-567890 15.04.1985',
  coverageNotFound:
    'По этим данным ничего не нашлось. Проверьте их и попробуйте ещё раз или нажмите «Пропустить».',
  coverageRefused: 'Подключить не получилось: программа не действует или уже подключена другим человеком.',
  linked: (name: string) => `Подключено: «${name}».`,
  askZone: 'В каком часовом поясе показывать время? Если не выберете, будет московское.',
  askComplaint: 'Опишите своими словами, что вас беспокоит.',
  complaintTooLong: 'Пожалуйста, короче: до 2000 знаков.',
  askAge: 'Сколько вам полных лет?',
  badAge: 'Напишите возраст числом, например 34.',
  yes: 'Да',
  no: 'Нет',
  dontKnow: 'Не знаю',
  cannotMeasure: 'Не могу измерить',
  badNumber: 'Напишите число или нажмите «Не могу измерить».',
  emergencyStop: 'Онлайн-запись по этому обращению недоступна.',
  chooseSlot: (zone: string) => `Выберите удобное время (время: ${zone}).`,
  noSlots: 'Свободного времени сейчас нет. Попробуйте позже: /start',
  held: (when: string, format: string, minutes: number) =>
    `Время удержано на ${minutes} мин: ${when}, ${format}. Подтвердите запись.`,
  confirm: 'Подтвердить',
  otherTime: 'Другое время',
  booked: (when: string, format: string) =>
    `Вы записаны: ${when}, ${format}. Мы напомним за сутки и за час до начала. Ваши записи: /my`,
  payToBook: (when: string, rubles: number, minutes: number, link: string) =>
    `Осталось оплатить ${rubles} ₽ в течение ${minutes} мин, и ${when} за вами: ${link}`,
  slotTaken: 'Это время уже заняли. Вот что свободно сейчас:',
  holdExpired: 'Время удержания истекло. Выберите время снова:',
  notCovered: 'Программа не покрывает эту запись.',
  paySelf: 'Записаться за свой счёт',
  noAppointments: 'Предстоящих записей нет.',
  yourAppointments: 'Ваши записи:',
  awaitingConfirmation: 'ждёт подтверждения',
  awaitingPayment: 'ждёт оплаты',
  doctorNow: (format: string) => `Врач сейчас · ${format}`,
  pickToCancel: 'Какую запись отменить?',
  cancelled: (when: string) => `Запись на ${when} отменена.`,
  pickToMove: 'Какую запись перенести?',
  moved: (when: string, format: string) => `Запись перенесена: ${when}, ${format}.`,
  cannotChange: 'Эту запись уже нельзя изменить.',
  consentsNeeded:
    'Чтобы записаться, нужно ваше согласие, которое вы отозвали. Отправьте /start, чтобы прочитать и дать его снова.',
  staleButton: 'Эта кнопка уже не действует.',
  startFirst: 'Чтобы начать, отправьте /start.',
  textOnly: 'Я понимаю только текст и кнопки.',
  idle: 'Чтобы записаться, отправьте /start. Ваши записи: /my, отмена: /cancel, перенос: /reschedule. Занятия дома: /rehab.',
  unknownCommand: 'Такой команды нет. Доступны: /start, /my, /cancel, /reschedule, /rehab, /lang.',
  formats: { video: 'видеоконсультация', chat: 'консультация в чате', async: 'письменная консультация' },
  shortFormats: { video: 'видео', chat: 'чат', async: 'письменно' },
};

const en: typeof ru = {
  switchLanguage: 'Русский',
  languageSet: 'Language: English.',
  agree: 'I agree',
  decline: 'I do not agree',
  declined:
    'Without your consent to data processing we cannot book for you. If you change your mind, send /start.',
  askContact: 'Please share your phone number with the button below: the clinic knows you by it.',
  shareContact: 'Share my number',
  notOwnContact: 'We need your own number: tap "Share my number".',
  contactSaved: 'Thank you, your number is saved.',
  askCoverage:
    'Do you have a health insurance policy or a code from your employer? Link it and the programme pays.',
  coverageCode: 'Enter a code',
  coveragePolicy: 'Link a policy',
  skip: 'Skip',
  askCode: 'Enter the code your employer gave you.',
  askPolicy:
    "Enter the policy number and the holder's date of birth, separated by a space, e.g. 1234-567890 15.04.1985",
  policyFormat: 'That did not parse. Example: 1234-567890 15.04.1985',
  coverageNotFound: 'Nothing matches these details. Check them and try again, or tap "Skip".',
  coverageRefused: 'This could not be linked: the programme is not in force or is linked to someone else.',
  linked: (name: string) => `Linked: "${name}".`,
  askZone: 'Which time zone should times be shown in? If you do not choose, Moscow time is used.',
  askComplaint: 'Describe in your own words what troubles you.',
  complaintTooLong: 'Please keep it under 2000 characters.',
  askAge: 'How old are you (full years)?',
  badAge: 'Please write your age as a number, e.g. 34.',
  yes: 'Yes',
  no: 'No',
  dontKnow: 'Not sure',
  cannotMeasure: 'Cannot measure',
  badNumber: 'Write a number or tap "Cannot measure".',
  emergencyStop: 'Online booking is not available for this request.',
  chooseSlot: (zone: string) => `Choose a time (${zone} time).`,
  noSlots: 'No free time right now. Please try again later: /start',
  held: (when: string, format: string, minutes: number) =>
    `Held for ${minutes} min: ${when}, ${format}. Please confirm.`,
  confirm: 'Confirm',
  otherTime: 'Another time',
  booked: (when: string, format: string) =>
    `You are booked: ${when}, ${format}. We will remind you a day and an hour before. Your bookings: /my`,
  payToBook: (when: string, rubles: number, minutes: number, link: string) =>
    `Pay ${rubles} RUB within ${minutes} min and ${when} is yours: ${link}`,
  slotTaken: 'Someone has just taken this time. Here is what is free now:',
  holdExpired: 'The hold has expired. Please choose a time again:',
  notCovered: 'Your programme does not cover this booking.',
  paySelf: 'Book and pay myself',
  noAppointments: 'You have no upcoming bookings.',
  yourAppointments: 'Your bookings:',
  awaitingConfirmation: 'awaiting confirmation',
  awaitingPayment: 'awaiting payment',
  doctorNow: (format: string) => `Doctor now · ${format}`,
  pickToCancel: 'Which booking should be cancelled?',
  cancelled: (when: string) => `Your booking for ${when} is cancelled.`,
  pickToMove: 'Which booking should be moved?',
  moved: (when: string, format: string) => `Your booking is moved: ${when}, ${format}.`,
  cannotChange: 'This booking can no longer be changed.',
  consentsNeeded: 'Booking needs a consent you have withdrawn. Send /start to read it and give it again.',
  staleButton: 'This button no longer works.',
  startFirst: 'To begin, send /start.',
  textOnly: 'I understand only text and buttons.',
  idle: 'To book, send /start. Your bookings: /my, cancel: /cancel, move: /reschedule. Exercises at home: /rehab.',
  unknownCommand: 'No such command. Try /start, /my, /cancel, /reschedule, /rehab, /lang.',
  formats: { video: 'video call', chat: 'chat consultation', async: 'written consultation' },
  shortFormats: { video: 'video', chat: 'chat', async: 'written' },
};

export type Texts = typeof ru;
export const texts: Record<BotLanguage, Texts> = { ru, en };

/** "ср, 2 декабря, 11:00 (Москва)": a time as the patient's clock reads it, with their city. */
export function when(ms: number, zone: string, language: BotLanguage): string {
  const local = DateTime.fromMillis(ms, { zone }).setLocale(language);
  return `${local.toFormat('ccc, d MMMM, HH:mm')} (${zoneCity(zone, language)})`;
}

/** A slot button: "ср 02.12 11:00 · видео". */
export function slotLabel(
  ms: number,
  zone: string,
  format: ConsultationFormat,
  language: BotLanguage,
): string {
  const local = DateTime.fromMillis(ms, { zone }).setLocale(language);
  return `${local.toFormat('ccc dd.MM HH:mm')} · ${texts[language].shortFormats[format]}`;
}
