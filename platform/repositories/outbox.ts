import { type Envelope, serializeEvent } from '../../events/envelope';
import type { Tables } from '../../storage/port';

export interface OutboxEntry {
  id: string;
  queue: string;
  eventId: string;
  eventType: string;
  body: string;
  createdAt: number;
  seq: number;
}

/** How long a sent entry stays for inspection before TTL/sweep removes it. */
const keepSentMs = 24 * 60 * 60 * 1000;

/**
 * The transactional outbox: events are written in the same transaction as the state
 * change that caused them, and the relay publishes them after commit.
 */
export class OutboxStore {
  private seq = 0;

  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async add(queue: string, event: Envelope): Promise<void> {
    await this.tables.insert('outbox', {
      id: crypto.randomUUID(),
      created_at: this.now(),
      seq: this.seq++,
      queue,
      event_id: event.id,
      event_type: event.type,
      body: serializeEvent(event),
      sent_at: null,
      expires_at: null,
    });
  }

  /** Unsent entries, oldest first, in the order their transactions created them. */
  async pending(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.tables.find('outbox', {
      isNull: ['sent_at'],
      orderBy: [{ column: 'created_at' }, { column: 'seq' }, { column: 'id' }],
      limit,
    });
    return rows.map((row) => ({
      id: String(row.id),
      queue: String(row.queue),
      eventId: String(row.event_id),
      eventType: String(row.event_type),
      body: String(row.body),
      createdAt: Number(row.created_at),
      seq: Number(row.seq),
    }));
  }

  /**
   * Sets an entry aside that a queue refused: kept with the reason for an operator, and no longer
   * pending, so the entries after it are published.
   */
  async quarantine(entry: OutboxEntry, reason: string): Promise<void> {
    await this.tables.upsert('outbox_quarantine', {
      event_id: entry.eventId,
      queue: entry.queue,
      event_type: entry.eventType,
      body: entry.body,
      reason: reason.slice(0, 500),
      quarantined_at: this.now(),
    });
    await this.markSent(entry.id);
  }

  async markSent(id: string): Promise<void> {
    const at = this.now();
    await this.tables.update('outbox', { id }, { sent_at: at, expires_at: at + keepSentMs });
  }
}
