import { defineTables, type TablesOf } from '../../storage/catalog';
import { int, optional, text, timestamp } from '../../storage/columns';

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
    },
    primaryKey: ['id'],
    indexes: { escalations_due: { columns: ['next_at'] } },
  },
  escalation_steps: {
    columns: { escalation_id: text, level: int, recipient_id: text, status: text, at: timestamp },
    primaryKey: ['escalation_id', 'level'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof escalationsTables> {}
}
