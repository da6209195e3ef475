import type { Localized } from '../../../platform/person-data';

/** How a rule is enforced: a database TTL, the retention sweep, or kept (never deleted by the system). */
export type Enforcement = 'ttl' | 'sweep' | 'kept';

export interface RetentionRule {
  kind: string;
  /** ISO 8601 duration, or `while-used` (until the person asks for erasure or stops using the service). */
  keepFor: string;
  enforcedBy: Enforcement;
  basis: Localized;
}

/**
 * Each kind of record and how long it is kept, with the basis (our reading of the law: README
 * "Retention", where this table is spelled out). Medical records are never deleted by the system:
 * their end is an archival decision of the clinic, not a timer's.
 */
export const retentionRules: readonly RetentionRule[] = [
  {
    kind: 'medical_records',
    keepFor: 'P25Y',
    enforcedBy: 'kept',
    basis: {
      en: '323-FZ art. 79 part 1 item 11 (a medical organisation keeps medical documentation); 25 years for an outpatient record is our reading of the archival list (verify with the clinic’s archivist)',
      ru: '323-ФЗ ст. 79 ч. 1 п. 11; 25 лет для амбулаторной карты — наше прочтение перечня архивных документов (уточнить)',
    },
  },
  {
    kind: 'consents',
    keepFor: 'P25Y',
    enforcedBy: 'kept',
    basis: {
      en: '152-FZ art. 9 part 3: the operator proves consent was given, for as long as the data it covers is kept',
      ru: '152-ФЗ ст. 9 ч. 3: оператор доказывает получение согласия, пока хранит данные',
    },
  },
  {
    kind: 'audit',
    keepFor: 'P25Y',
    enforcedBy: 'kept',
    basis: {
      en: 'who read or changed a record is kept with the record (append-only; 152-FZ art. 19 measures, our reading)',
      ru: 'журнал доступа хранится вместе с картой (только дополнение; меры 152-ФЗ ст. 19, наше прочтение)',
    },
  },
  {
    kind: 'messages',
    keepFor: 'P25Y',
    enforcedBy: 'kept',
    basis: {
      en: 'written consultations are documented telemedicine care (323-FZ art. 36.2): part of the medical record',
      ru: 'переписка с врачом — документированная телемедицинская помощь (323-ФЗ ст. 36.2)',
    },
  },
  {
    kind: 'readings',
    keepFor: 'P25Y',
    enforcedBy: 'kept',
    basis: {
      en: 'readings a doctor monitors are part of the medical record (our reading)',
      ru: 'показания под наблюдением врача — часть медицинской документации (наше прочтение)',
    },
  },
  {
    kind: 'chatbot_state',
    keepFor: 'PT2H',
    enforcedBy: 'ttl',
    basis: {
      en: '152-FZ art. 5 part 7: kept no longer than its purpose (a dialogue in progress); replies queued 30 days; the link until erasure',
      ru: '152-ФЗ ст. 5 ч. 7: не дольше цели обработки (незавершённый диалог); очередь ответов 30 дней; привязка до удаления',
    },
  },
  {
    kind: 'notification_contacts',
    keepFor: 'while-used',
    enforcedBy: 'kept',
    basis: {
      en: '152-FZ art. 21 part 5: removed on the person’s erasure request (consent withdrawn)',
      ru: '152-ФЗ ст. 21 ч. 5: удаляются по запросу субъекта (отзыв согласия)',
    },
  },
  {
    kind: 'exports',
    keepFor: 'P7D',
    enforcedBy: 'sweep',
    basis: {
      en: '152-FZ art. 5 part 7: a copy made for the patient is kept only until they have fetched it (EXPORT_KEEP_DAYS)',
      ru: '152-ФЗ ст. 5 ч. 7: копия для пациента хранится, пока он её не скачал (EXPORT_KEEP_DAYS)',
    },
  },
];
