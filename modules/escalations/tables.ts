import { defineTables, type TablesOf } from '../../storage/catalog';
import { int, json, optional, text, timestamp } from '../../storage/columns';

/** Critical events that someone must acknowledge, and each step of their escalation. */
export const escalationsTables = defineTables({
  escalations: {
    columns: {
      id: text,
      kind: text,
      subject_id: text,
      tenant_id: text,
      level: int,
      /** When to go one level up if nobody has acknowledged; null once acknowledged or at the top. */
      next_at: optional(timestamp),
      acknowledged_at: optional(timestamp),
      acknowledged_by: optional(text),
      created_at: timestamp,
      /** The code the messages carry (the id's first 8 characters), looked up by the clinician. */
      code: optional(text),
      /** The duty clinic (CRISIS_DUTY_TENANT) brought in when a level had nobody to tell. */
      duty_tenant_id: optional(text),
      /** The recipients of each level, when the escalation was asked for with its own ladder. */
      ladder: optional(json),
    },
    primaryKey: ['id'],
    indexes: {
      escalations_due: { columns: ['next_at'] },
      escalations_by_code: { columns: ['code'] },
    },
  },
  /** Every message of an escalation, numbered: the last level repeats until acknowledged. */
  escalation_step_log: {
    columns: {
      escalation_id: text,
      seq: int,
      level: int,
      recipient_id: text,
      status: text,
      at: timestamp,
    },
    primaryKey: ['escalation_id', 'seq'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof escalationsTables> {}
}
