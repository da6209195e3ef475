/** One audit record about the patient, as the access history gets it. */
export interface Touch {
  at: string;
  actor: string;
  actorRole: string;
  action: 'read' | 'create' | 'update' | 'delete';
  resourceType: string;
  tenantId: string;
}

export interface HistoryItem {
  at: string;
  action: Touch['action'];
  /** Who, by role only: staff are never named to the patient. */
  actorRole: string;
  /** The clinic whose record it is; null when none is (an app or chatbot user's own data). */
  clinicId: string | null;
  resourceType: string;
  text: string;
}

type Language = 'ru' | 'en';

const what: Record<string, { ru: string; en: string }> = {
  patient: { ru: 'вашу карту', en: 'your record' },
  readings: { ru: 'ваши показания', en: 'your readings' },
  readings_upload: { ru: 'файл ваших показаний', en: 'a file of your readings' },
  consultation: { ru: 'вашу переписку с врачом', en: 'your written consultation' },
  triage_decision: { ru: 'результат оценки ваших симптомов', en: 'your symptom triage' },
  rehab_plan: { ru: 'ваш план реабилитации', en: 'your rehabilitation plan' },
  teleconsultation: { ru: 'телеконсультацию по вашему случаю', en: 'a teleconsultation on your case' },
  escalation_patient: { ru: 'ваши данные в экстренном оповещении', en: 'your details in an urgent alert' },
  data_export: { ru: 'выгрузку ваших данных', en: 'the export of your data' },
  erasure_request: { ru: 'ваш запрос на удаление данных', en: 'your erasure request' },
  consent: { ru: 'запись о вашем согласии', en: 'a record of your consent' },
  patient_document: { ru: 'ваш документ', en: 'your document' },
  patient_documents: { ru: 'список ваших документов', en: 'the list of your documents' },
  patient_observations: { ru: 'ваши результаты анализов', en: 'your lab results' },
};
const anything = { ru: 'ваши данные', en: 'your data' };

const verbs: Record<Touch['action'], { ru: string; ruYou: string; en: string }> = {
  read: { ru: 'прочитал', ruYou: 'прочитали', en: 'read' },
  create: { ru: 'создал', ruYou: 'создали', en: 'created' },
  update: { ru: 'изменил', ruYou: 'изменили', en: 'changed' },
  delete: { ru: 'удалил', ruYou: 'удалили', en: 'deleted' },
};

const roles: Record<string, { ru: string; en: string }> = {
  doctor: { ru: 'Врач', en: 'A doctor' },
  clinic_admin: { ru: 'Администратор', en: 'An administrator' },
  service: { ru: 'Автоматический сервис', en: 'An automated service' },
  patient: { ru: 'Пользователь', en: 'A user' },
};
const someone = { ru: 'Сотрудник', en: 'A staff member' };

/**
 * A patient's view of who touched their data: role and clinic, what and when, in their language.
 * No actor id, route or request id leaves: staff stay unnamed, and nothing of anyone else shows.
 */
export function describeTouch(patientId: string, touch: Touch, language: Language): HistoryItem {
  const clinicId = touch.tenantId === 'unaffiliated' ? null : touch.tenantId;
  const object = (what[touch.resourceType] ?? anything)[language];
  const verb = verbs[touch.action];
  const self = touch.actorRole === 'patient' && touch.actor === patientId;
  let text: string;
  if (self) text = language === 'ru' ? `Вы ${verb.ruYou} ${object}` : `You ${verb.en} ${object}`;
  else {
    const role = (roles[touch.actorRole] ?? someone)[language];
    const whose = clinicId ? (language === 'ru' ? ` клиники ${clinicId}` : ` of clinic ${clinicId}`) : '';
    text = `${role}${whose} ${language === 'ru' ? verb.ru : verb.en} ${object}`;
  }
  return {
    at: touch.at,
    action: touch.action,
    actorRole: self ? 'patient' : touch.actorRole,
    clinicId,
    resourceType: touch.resourceType,
    text,
  };
}
