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

/**
 * The transactional outbox: events are written in the same transaction as the state
 * change that caused them, and the relay publishes them after commit. It holds only what is
 * still to be published: an entry is deleted once the queue took it (or it was quarantined),
 * so a poll reads the pending entries and nothing that grows with the events sent.
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

  /**
   * Unsent entries, oldest first, in the order their transactions created them: the first
   * `limit` entries of outbox_by_created (the range from 0 makes YDB read through that index
   * rather than scan the table), all of them pending.
   */
  async pending(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.tables.find('outbox', {
      range: { column: 'created_at', from: 0 },
      orderBy: [{ column: 'created_at' }, { column: 'seq' }],
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

  /** The queue took it: it leaves the outbox (the queue and the consumers' records are its history). */
  async markSent(id: string): Promise<void> {
    await this.tables.remove('outbox', { id });
  }
}
