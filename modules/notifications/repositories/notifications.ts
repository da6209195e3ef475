import type { Tables } from '../../../storage/port';

export interface NotificationRecord {
  id: string;
  tenantId: string;
  recipientId: string;
  template: string;
  channel: string;
  status: 'sent' | 'failed' | 'deferred' | 'rate_limited' | 'undeliverable' | 'no_contact' | 'stale';
  sourceEventId: string;
  createdAt: string;
}

/** Notifications decided for a recipient; the channel adapters deliver them. */
export class NotificationLog {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async record(entry: Omit<NotificationRecord, 'id' | 'createdAt'>): Promise<void> {
    await this.tables.insert('notifications', {
      id: crypto.randomUUID(),
      tenant_id: entry.tenantId,
      recipient_id: entry.recipientId,
      template: entry.template,
      channel: entry.channel,
      status: entry.status,
      source_event_id: entry.sourceEventId,
      created_at: this.now(),
    });
  }

  /** Delivery records for a recipient since `since`: the per-recipient rate limit counts them. */
  async countSince(recipientId: string, since: number): Promise<number> {
    const rows = await this.tables.find('notifications', {
      where: { recipient_id: recipientId },
      range: { column: 'created_at', from: since },
    });
    return rows.filter((row) => row.status === 'sent').length;
  }

  async forRecipient(recipientId: string): Promise<NotificationRecord[]> {
    const rows = await this.tables.find('notifications', {
      where: { recipient_id: recipientId },
      orderBy: [{ column: 'created_at' }],
    });
    return rows.map((row) => ({
      id: String(row.id),
      tenantId: String(row.tenant_id),
      recipientId: String(row.recipient_id),
      template: String(row.template),
      channel: String(row.channel),
      status: row.status as NotificationRecord['status'],
      sourceEventId: String(row.source_event_id),
      createdAt: new Date(Number(row.created_at)).toISOString(),
    }));
  }
}
