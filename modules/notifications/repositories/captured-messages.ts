import type { Tables } from '../../../storage/port';

export interface CapturedMessage {
  id: string;
  channel: string;
  address: string;
  subject: string | null;
  body: string;
  sentAt: string;
}

/** The local cloud's record of what each channel would have sent. */
export class CapturedMessages {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async add(message: { channel: string; address: string; subject: string; body: string }): Promise<void> {
    await this.tables.insert('captured_messages', {
      id: crypto.randomUUID(),
      ...message,
      sent_at: this.now(),
    });
  }

  async latest(limit: number): Promise<CapturedMessage[]> {
    const rows = await this.tables.find('captured_messages', {
      orderBy: [{ column: 'sent_at', direction: 'desc' }],
      limit,
    });
    return rows.map((row) => ({
      id: String(row.id),
      channel: String(row.channel),
      address: String(row.address),
      subject: row.subject === null ? null : String(row.subject),
      body: String(row.body),
      sentAt: new Date(Number(row.sent_at)).toISOString(),
    }));
  }
}
