import type { Repositories, Store } from '../../../platform/store';

/** Longer than the function's timeout: a run still holding an upload after this has died. */
const leaseMs = 10 * 60_000;
/** Rows applied per transaction: thousands of rows in one invocation, no transaction too large. */
const chunkRows = 500;

export const csvType = 'text/csv; charset=utf-8';

export interface UploadRun {
  status: 'pending' | 'running' | 'done' | 'failed';
  claimedAt: number | null;
}

/**
 * The upload taken by this run, or undefined when another run has it or had it. An upload is
 * imported once, however often the trigger fires; one whose run died is taken over.
 */
export function claim<T extends UploadRun>(found: T | undefined, now: number): T | undefined {
  const free =
    found?.status === 'pending' || (found?.status === 'running' && (found.claimedAt ?? 0) < now - leaseMs);
  return found && free ? { ...found, status: 'running', claimedAt: now } : undefined;
}

/** Applies each row in its turn, a chunk of rows a transaction; the outcomes come back in row order. */
export async function applyInChunks<Row, Outcome>(
  store: Store,
  rows: Row[],
  apply: (repos: Repositories, row: Row) => Promise<Outcome>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < rows.length; i += chunkRows) {
    const chunk = rows.slice(i, i + chunkRows);
    const done = await store.transaction(async (r) => {
      const results = [];
      for (const row of chunk) results.push(await apply(r, row));
      return results;
    });
    outcomes.push(...done);
  }
  return outcomes;
}
