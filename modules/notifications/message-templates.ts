/**
 * What each notification says, in Russian and English. `{name}` placeholders are filled
 * from the variables; an unknown placeholder fails loudly rather than sending a hole.
 * `healthData` marks a template that reveals something about the person's health; the
 * channel policy keeps those off SMS and off channels whose servers are abroad.
 */
export interface MessageTemplate {
  healthData: boolean;
  /** Critical messages bypass quiet hours and rate limits. */
  critical: boolean;
  ru: { subject: string; text: string };
  en: { subject: string; text: string };
}

const routineTemplates: Record<string, MessageTemplate> = {
  'reading.alert_sustained': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Показатели пациента',
      text: 'Показатели пациента требуют внимания. Откройте приложение (код {ref}).',
    },
    en: {
      subject: 'A patient’s readings',
      text: 'A patient’s readings need attention. Open the app (code {ref}).',
    },
  },
  'patient.welcome': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Добро пожаловать',
      text: 'Вы зарегистрированы в клинике. Записаться на консультацию можно в приложении или в чат-боте.',
    },
    en: {
      subject: 'Welcome',
      text: 'You are registered with the clinic. Book a consultation in the app or the chatbot.',
    },
  },
  'appointment.booked': {
    healthData: false,
    critical: false,
    ru: { subject: 'Запись подтверждена', text: 'Вы записаны на консультацию {time} ({format}).' },
    en: { subject: 'Booking confirmed', text: 'Your consultation is booked for {time} ({format}).' },
  },
  'appointment.cancelled': {
    healthData: false,
    critical: false,
    ru: { subject: 'Запись отменена', text: 'Консультация {time} отменена.' },
    en: { subject: 'Booking cancelled', text: 'Your consultation at {time} is cancelled.' },
  },
  'appointment.rescheduled': {
    healthData: false,
    critical: false,
    ru: { subject: 'Запись перенесена', text: 'Консультация перенесена на {time} ({format}).' },
    en: { subject: 'Booking moved', text: 'Your consultation is moved to {time} ({format}).' },
  },
  'appointment.reminder_24h': {
    healthData: false,
    critical: false,
    ru: { subject: 'Напоминание', text: 'Завтра в {time} у вас консультация ({format}).' },
    en: { subject: 'Reminder', text: 'You have a consultation tomorrow at {time} ({format}).' },
  },
  'appointment.reminder_1h': {
    healthData: false,
    critical: false,
    ru: { subject: 'Напоминание', text: 'Через час, в {time}, у вас консультация ({format}).' },
    en: { subject: 'Reminder', text: 'Your consultation starts in an hour, at {time} ({format}).' },
  },
  // A reminder held back by quiet hours past the point where "tomorrow" or "in an hour" is true.
  'appointment.upcoming': {
    healthData: false,
    critical: false,
    ru: { subject: 'Напоминание', text: 'Напоминаем: у вас консультация {time} ({format}).' },
    en: { subject: 'Reminder', text: 'A reminder: your consultation is at {time} ({format}).' },
  },
  'appointment.starting': {
    healthData: false,
    critical: false,
    ru: { subject: 'Консультация начинается', text: 'Скоро начнётся ваша консультация: {time} ({format}).' },
    en: {
      subject: 'Your consultation starts soon',
      text: 'Your consultation starts soon: {time} ({format}).',
    },
  },
  // The room's link is a key to the visit, not a fact about health: it may go by SMS and Telegram.
  'appointment.starting_video': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Консультация начинается',
      text: 'Скоро начнётся ваша видеоконсультация ({time}). Подключиться: {link}',
    },
    en: {
      subject: 'Your consultation starts soon',
      text: 'Your video consultation starts soon ({time}). Join: {link}',
    },
  },
  'consultation.new_message': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Новое сообщение',
      text: 'У вас новое сообщение в консультации. Откройте приложение, чтобы прочитать.',
    },
    en: {
      subject: 'New message',
      text: 'You have a new message in your consultation. Open the app to read it.',
    },
  },
  'consultation.answer_overdue': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Ответ просрочен',
      text: 'Пациент ждёт ответа врача дольше положенного (срок истёк {time}).',
    },
    en: {
      subject: 'Answer overdue',
      text: 'A patient has waited for a doctor’s answer past the deadline ({time}).',
    },
  },
  'payment.refund_refused': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Возврат оплаты не проходит',
      text: 'Платёжная система не принимает возврат {amount} ₽ за консультацию {time}. Верните деньги пациенту вручную (платёж {ref}).',
    },
    en: {
      subject: 'A refund keeps failing',
      text: 'The payment provider refuses to refund {amount} RUB for the consultation at {time}. Return the money to the patient by hand (payment {ref}).',
    },
  },
  'rehab.plan_started': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Программа реабилитации',
      text: 'Врач составил для вас программу занятий дома. Откройте приложение (код {ref}).',
    },
    en: {
      subject: 'Rehabilitation programme',
      text: 'Your clinician has made you a programme of exercises at home. Open the app (code {ref}).',
    },
  },
  'rehab.plan_changed': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Программа изменена',
      text: 'Врач изменил вашу программу занятий. Откройте приложение (код {ref}).',
    },
    en: {
      subject: 'Programme changed',
      text: 'Your clinician has changed your programme. Open the app (code {ref}).',
    },
  },
  'rehab.sessions_missed': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Занятия пропущены',
      text: 'На прошлой неделе вы сделали меньше занятий, чем запланировано. Продолжите программу в приложении (код {ref}).',
    },
    en: {
      subject: 'Sessions missed',
      text: 'Last week you did fewer sessions than planned. Carry on with your programme in the app (code {ref}).',
    },
  },
  'rehab.session_stopped': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Занятие остановлено',
      text: 'Занятие пациента по программе реабилитации остановлено проверкой безопасности. Откройте приложение (код {ref}).',
    },
    en: {
      subject: 'Session stopped',
      text: 'A patient’s rehabilitation session was stopped by a safety check. Open the app (code {ref}).',
    },
  },
  'rehab.measure_worsened': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Показатель ухудшился',
      text: 'Результат пациента по программе реабилитации ухудшился. Откройте очередь на пересмотр (код {ref}).',
    },
    en: {
      subject: 'A measure worsened',
      text: 'A patient’s rehabilitation outcome has worsened. Open the review queue (code {ref}).',
    },
  },
  // Doctor-to-doctor teleconsultations: no patient, profile or clinical text, only a reference and a time.
  'teleconsultation.requested': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Новый запрос на консультацию',
      text: 'В центр поступил запрос на телемедицинскую консультацию (код {ref}). Срок ответа: {time}.',
    },
    en: {
      subject: 'A new consultation request',
      text: 'The centre has a new teleconsultation request (code {ref}). Answer due: {time}.',
    },
  },
  'teleconsultation.accepted': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Запрос принят',
      text: 'Центр принял ваш запрос на консультацию (код {ref}). Заключение ожидается до {time}.',
    },
    en: {
      subject: 'Request accepted',
      text: 'The centre accepted your consultation request (code {ref}). The conclusion is due by {time}.',
    },
  },
  'teleconsultation.info_requested': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Нужны дополнительные данные',
      text: 'Центр просит дополнительные данные по запросу {ref}. Срок приостановлен до вашего ответа.',
    },
    en: {
      subject: 'More data needed',
      text: 'The centre asks for more data on request {ref}. The deadline is paused until you answer.',
    },
  },
  'teleconsultation.concluded': {
    healthData: false,
    critical: false,
    ru: { subject: 'Заключение готово', text: 'Готово заключение по запросу {ref}. Откройте его в системе.' },
    en: {
      subject: 'Conclusion ready',
      text: 'The conclusion on request {ref} is ready. Open it in the system.',
    },
  },
  'teleconsultation.declined': {
    healthData: false,
    critical: false,
    ru: { subject: 'Запрос отклонён', text: 'Центр отклонил запрос {ref}. Причина указана в запросе.' },
    en: {
      subject: 'Request declined',
      text: 'The centre declined request {ref}. The reason is in the request.',
    },
  },
  'teleconsultation.overdue': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Запрос просрочен',
      text: 'Запрос на консультацию {ref} не закрыт в срок ({time}). Назначьте консультантов или ответьте.',
    },
    en: {
      subject: 'Request overdue',
      text: 'Consultation request {ref} was not closed by its deadline ({time}). Assign consultants or answer.',
    },
  },
  'teleconsultation.scheduled': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Назначен видеосеанс',
      text: 'Центр назначил видеосеанс по запросу {ref} на {time}. Ссылка — в запросе.',
    },
    en: {
      subject: 'Video session scheduled',
      text: 'The centre scheduled a video session on request {ref} for {time}. The link is in the request.',
    },
  },
  'teleconsultation.overdue_head': {
    healthData: false,
    critical: false,
    ru: {
      subject: 'Запрос просрочен: нужна ваша помощь',
      text: 'Запрос на консультацию {ref} не закрыт в срок ({time}), координаторы уведомлены. Проверьте работу центра.',
    },
    en: {
      subject: 'Request overdue: your help is needed',
      text: 'Consultation request {ref} was not closed by its deadline ({time}); the coordinators were told. Please look into it.',
    },
  },
};

export const criticalTemplates: Record<string, MessageTemplate> = {
  'escalation.crisis': {
    healthData: false,
    critical: true,
    ru: {
      subject: 'Срочно: нужна реакция дежурного',
      text: 'Пациенту нужна срочная помощь специалиста. Найдите его в приложении по коду, свяжитесь с ним и подтвердите получение (код {ref}).',
    },
    en: {
      subject: 'Urgent: on-call response needed',
      text: 'A patient needs urgent help from a specialist. Find them in the app by the code, reach them and acknowledge (code {ref}).',
    },
  },
  'escalation.reading_alert': {
    healthData: false,
    critical: true,
    ru: {
      subject: 'Срочно: показатели пациента',
      text: 'Показатели пациента требуют немедленной реакции врача. Найдите его в приложении по коду, свяжитесь с ним и подтвердите получение (код {ref}).',
    },
    en: {
      subject: 'Urgent: a patient’s readings',
      text: 'A patient’s readings need a doctor’s immediate attention. Find them in the app by the code, reach them and acknowledge (code {ref}).',
    },
  },
  'escalation.teleconsultation': {
    healthData: false,
    critical: true,
    ru: {
      subject: 'Срочно: экстренная телемедицинская консультация',
      text: 'Экстренный запрос телемедицинской консультации ждёт дежурного консультанта. Откройте систему, подтвердите получение и примите запрос (код {ref}).',
    },
    en: {
      subject: 'Urgent: an emergency teleconsultation',
      text: 'An emergency teleconsultation request is waiting for the consultant on duty. Open the system, acknowledge and accept it (code {ref}).',
    },
  },
  'rehab.emergency_stop': {
    healthData: false,
    critical: true,
    ru: {
      subject: 'Срочно: занятие остановлено',
      text: 'Занятие пациента остановлено: признаки неотложного состояния, пациенту сказано звонить 103/112. Откройте приложение (код {ref}).',
    },
    en: {
      subject: 'Urgent: session stopped',
      text: 'A patient’s session was stopped with signs of an emergency; they were told to call 103/112. Open the app (code {ref}).',
    },
  },
};

export const messageTemplates: Record<string, MessageTemplate> = {
  ...routineTemplates,
  ...criticalTemplates,
};

export class UnknownPlaceholder extends Error {}

export function render(template: MessageTemplate, language: 'ru' | 'en', variables: Record<string, string>) {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = variables[name];
      if (value === undefined) throw new UnknownPlaceholder(`no value for {${name}}`);
      return value;
    });
  const localized = template[language];
  return { subject: fill(localized.subject), text: fill(localized.text) };
}
