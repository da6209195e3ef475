import type { Tables } from '../../../storage/port';
import type { LinkAttempts } from '../domain/link-throttle';

/** Failed coverage links by key (a caller or a policy); see domain/link-throttle.ts. */
export class LinkAttemptsRepository {
  constructor(private readonly tables: Tables) {}

  async get(key: string): Promise<LinkAttempts | undefined> {
    const row = await this.tables.get('coverage_link_attempts', { attempt_key: key });
    if (!row) return undefined;
    return {
      failures: Number(row.failures),
      windowStart: Number(row.window_start),
      lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    };
  }

  async save(key: string, attempts: LinkAttempts): Promise<void> {
    await this.tables.upsert('coverage_link_attempts', {
      attempt_key: key,
      failures: attempts.failures,
      window_start: attempts.windowStart,
      locked_until: attempts.lockedUntil,
    });
  }

  async clear(key: string): Promise<void> {
    await this.tables.remove('coverage_link_attempts', { attempt_key: key });
  }
}
