import type { Tables } from '../../../storage/port';

export interface DeferredNotification {
  id: string;
  tenantId: string;
  recipientId: string;
  template: string;
  variables: Record<string, string>;
  sourceEventId: string;
  sendAfter: number;
}

/** Messages held back by the recipient's quiet hours, sent by the deferred-notifications timer. */
export class DeferredNotifications {
  constructor(private readonly tables: Tables) {}

  async add(entry: Omit<DeferredNotification, 'id'>): Promise<void> {
    await this.tables.insert('deferred_notifications', {
      id: crypto.randomUUID(),
      tenant_id: entry.tenantId,
      recipient_id: entry.recipientId,
      template: entry.template,
      variables: entry.variables,
      source_event_id: entry.sourceEventId,
      send_after: entry.sendAfter,
    });
  }

  async due(now: number, limit: number): Promise<DeferredNotification[]> {
    const rows = await this.tables.find('deferred_notifications', {
      range: { column: 'send_after', to: now + 1 },
      orderBy: [{ column: 'send_after' }],
      limit,
    });
    return rows.map((row) => ({
      id: String(row.id),
      tenantId: String(row.tenant_id),
      recipientId: String(row.recipient_id),
      template: String(row.template),
      variables: row.variables as Record<string, string>,
      sourceEventId: String(row.source_event_id),
      sendAfter: Number(row.send_after),
    }));
  }

  /** False when another run already took it. */
  async remove(id: string): Promise<boolean> {
    return this.tables.remove('deferred_notifications', { id });
  }
}
