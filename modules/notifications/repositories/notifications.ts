import type { Tables } from '../../../storage/port';

export interface NotificationRecord {
  id: string;
  tenantId: string;
  recipientId: string;
  template: string;
  channel: string;
  /** queued: decided and claimed for sending after commit; its outcome replaces it. */
  status:
    | 'queued'
    | 'sent'
    | 'failed'
    | 'deferred'
    | 'rate_limited'
    | 'undeliverable'
    | 'no_contact'
    | 'stale'
    /** Not sent: the recipient withdrew the notifications consent and the message is not critical. */
    | 'withdrawn';
  sourceEventId: string;
  createdAt: string;
}

/** Notifications decided for a recipient; the channel adapters deliver them. */
export class NotificationLog {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async record(entry: Omit<NotificationRecord, 'id' | 'createdAt'> & { id?: string }): Promise<void> {
    await this.tables.insert('notifications', {
      id: entry.id ?? crypto.randomUUID(),
      tenant_id: entry.tenantId,
      recipient_id: entry.recipientId,
      template: entry.template,
      channel: entry.channel,
      status: entry.status,
      source_event_id: entry.sourceEventId,
      created_at: this.now(),
    });
  }

  /**
   * What came of a queued message once sent: its record takes the outcome and the channel that
   * took it, and each channel that refused it for good gets a `failed` record of its own.
   */
  async settle(
    id: string,
    status: 'sent' | 'undeliverable',
    channel: string,
    failed: string[],
  ): Promise<void> {
    const queued = await this.tables.get('notifications', { id });
    if (!queued) return;
    await this.tables.update('notifications', { id }, { status, channel });
    for (const refused of failed) {
      await this.tables.insert('notifications', {
        ...queued,
        id: crypto.randomUUID(),
        channel: refused,
        status: 'failed',
      });
    }
  }

  /** Messages sent or on their way to a recipient since `since`: the per-recipient rate limit counts them. */
  async countSince(recipientId: string, since: number): Promise<number> {
    const rows = await this.tables.find('notifications', {
      where: { recipient_id: recipientId },
      range: { column: 'created_at', from: since },
    });
    return rows.filter((row) => row.status === 'sent' || row.status === 'queued').length;
  }

  /** What came of the message a source queued for a recipient at `since` or later (sent, undeliverable, still queued). */
  async outcomeOf(recipientId: string, sourceEventId: string, since: number): Promise<string | undefined> {
    const rows = await this.tables.find('notifications', {
      where: { recipient_id: recipientId },
      range: { column: 'created_at', from: since },
      orderBy: [{ column: 'created_at' }],
      limit: 20,
    });
    const mine = rows.filter((row) => row.source_event_id === sourceEventId && row.status !== 'failed');
    return mine.length ? String(mine[0]?.status) : undefined;
  }

  /** Erasure: the record of which messages went to the person, by which channel. */
  async forget(recipientId: string): Promise<number> {
    let removed = 0;
    for (const row of await this.tables.find('notifications', { where: { recipient_id: recipientId } }))
      if (await this.tables.remove('notifications', { id: row.id })) removed++;
    return removed;
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
