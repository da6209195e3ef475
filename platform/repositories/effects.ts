import { UniqueConflict } from '../../storage/errors';
import type { Tables } from '../../storage/port';

/** One effect to perform after commit: where it came from, its key within that, what to do. */
export interface EffectClaim {
  source: string;
  key: string;
  kind: string;
  payload: unknown;
}

/** As long as a queue may redeliver the event that caused it (retention is at most 14 days). */
const rememberMs = 15 * 24 * 60 * 60 * 1000;
/**
 * How long a performer holds an effect before another may take it over: longer than any send
 * takes (the channels time out sooner), short enough that a crashed performer's effect is taken
 * over on the event's next delivery.
 */
export const leaseMs = 30_000;

/**
 * Effects outside the database, claimed by a row in the transaction that decided them. A
 * transaction that is re-run (YDB does on abort) claims them again in its new attempt; only the
 * claims of the attempt that committed are handed back by `claimed()`, so nothing is performed
 * for an attempt that was undone.
 */
export class Effects {
  private readonly claims: EffectClaim[] = [];
  private source: string | undefined;

  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  /** What this transaction's claims are keyed under: the event applied, the timer's entry. */
  useSource(source: string): void {
    this.source = source;
  }

  /** Claims an effect for this transaction's caller to perform after commit; false if already claimed. */
  async claim(claim: Omit<EffectClaim, 'source'>): Promise<boolean> {
    if (!this.source) throw new Error('Effects claimed outside a source: run the work with withEffects');
    const effect: EffectClaim = { ...claim, source: this.source };
    const at = this.now();
    try {
      await this.tables.insert('effects', {
        source: effect.source,
        key: effect.key,
        kind: effect.kind,
        payload: effect.payload,
        state: 'pending',
        lease_until: at + leaseMs,
        outcome: null,
        created_at: at,
        expires_at: at + rememberMs,
      });
    } catch (error) {
      if (error instanceof UniqueConflict) return false;
      throw error;
    }
    this.claims.push(effect);
    return true;
  }

  /** The effects this transaction claimed, to perform once it has committed. */
  claimed(): EffectClaim[] {
    return [...this.claims];
  }

  /**
   * A source's effects still pending whose performer let go or is gone (lease over), taken over
   * by the caller; `held` counts those another performer still holds.
   */
  async takeOver(source: string): Promise<{ taken: EffectClaim[]; held: number }> {
    const at = this.now();
    const rows = await this.tables.find('effects', { where: { source, state: 'pending' } });
    const taken: EffectClaim[] = [];
    let held = 0;
    for (const row of rows) {
      if (row.lease_until !== null && Number(row.lease_until) > at) {
        held++;
        continue;
      }
      await this.tables.update('effects', { source, key: row.key }, { lease_until: at + leaseMs });
      taken.push({ source, key: String(row.key), kind: String(row.kind), payload: row.payload });
    }
    return { taken, held };
  }

  /**
   * Pending effects of these kinds, oldest first, whose performer let go or is gone, taken over
   * by the caller: what a crash after commit or a failed send left. Reads only pending ones.
   */
  async takeOverStale(kinds: readonly string[], limit: number): Promise<EffectClaim[]> {
    const at = this.now();
    const rows = await this.tables.find('effects', {
      where: { state: 'pending' },
      range: { column: 'created_at', to: at - leaseMs },
      orderBy: [{ column: 'created_at' }],
      limit,
    });
    const taken: EffectClaim[] = [];
    for (const row of rows) {
      if (!kinds.includes(String(row.kind))) continue;
      if (row.lease_until !== null && Number(row.lease_until) > at) continue;
      await this.tables.update(
        'effects',
        { source: row.source, key: row.key },
        { lease_until: at + leaseMs },
      );
      taken.push({
        source: String(row.source),
        key: String(row.key),
        kind: String(row.kind),
        payload: row.payload,
      });
    }
    return taken;
  }

  /** Marks it performed, with what came of it. */
  async done(effect: EffectClaim, outcome: unknown): Promise<void> {
    await this.tables.update(
      'effects',
      { source: effect.source, key: effect.key },
      { state: 'done', outcome: outcome ?? null, lease_until: null },
    );
  }

  /** Lets go of it after a failure worth retrying, so the next delivery of its source takes it at once. */
  async release(effect: EffectClaim): Promise<void> {
    await this.tables.update('effects', { source: effect.source, key: effect.key }, { lease_until: null });
  }
}
