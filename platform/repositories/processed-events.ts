import { UniqueConflict } from '../../storage/errors';
import type { Tables } from '../../storage/port';

/** Long enough to outlive any redelivery: queue retention is at most 14 days. */
const rememberMs = 15 * 24 * 60 * 60 * 1000;

/** Event ids a consumer has already applied; makes at-least-once delivery effect-once. */
export class ProcessedEvents {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  /** Records the event as processed; false when it already was (a redelivery). */
  async claim(consumer: string, eventId: string): Promise<boolean> {
    const at = this.now();
    try {
      await this.tables.insert('processed_events', {
        consumer,
        event_id: eventId,
        processed_at: at,
        expires_at: at + rememberMs,
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConflict) return false;
      throw error;
    }
  }
}
