import type { EffectClaim } from './repositories/effects';
import type { Repositories, Store } from './store';

/**
 * A kind of effect outside the database. `perform` runs after the transaction that claimed it
 * committed, outside any transaction; `settle` records what came of it in the transaction that
 * marks it done. A thrown error is a failure worth retrying: the effect stays pending and is
 * performed on the next delivery of its source.
 */
export interface EffectKind<P, O> {
  kind: string;
  /** `store` is the one the effect was claimed in, for effects that write somewhere of their own. */
  perform(payload: P, context: { store: Store }): Promise<O>;
  settle?(repos: Repositories, payload: P, outcome: O): Promise<void>;
}

const kinds = new Map<string, EffectKind<never, unknown>>();

/** Declares a kind of effect; the module that claims effects of it declares it when it loads. */
export function defineEffect<P, O>(effect: EffectKind<P, O>): EffectKind<P, O> {
  kinds.set(effect.kind, effect as unknown as EffectKind<never, unknown>);
  return effect;
}

/**
 * Claims an effect of a kind, in the caller's transaction, for after its commit; keyed within
 * the transaction's source (the event a consumer applies, a timer's entry: `withEffects`).
 */
export function claimEffect<P>(
  repos: Repositories,
  kind: EffectKind<P, unknown>,
  claim: { key: string; payload: P },
): Promise<boolean> {
  return repos.effects.claim({ ...claim, kind: kind.kind });
}

/** Some effects failed in a way worth retrying; they stay pending for the next delivery. */
export class EffectsFailed extends Error {
  constructor(readonly failures: unknown[]) {
    super(`${failures.length} effect(s) failed: ${String((failures[0] as Error)?.message ?? failures[0])}`, {
      cause: failures[0],
    });
    this.name = 'EffectsFailed';
  }
}

/**
 * Performs committed effects, each then marked done with its outcome. A crash between the
 * perform and the mark leaves it pending: it is performed once more when its source is
 * delivered again after the lease (platform/repositories/effects.ts). Throws `EffectsFailed`
 * after trying all of them when any failed.
 */
export async function performEffects(store: Store, claims: readonly EffectClaim[]): Promise<void> {
  const failures: unknown[] = [];
  for (const claim of claims) {
    const kind = kinds.get(claim.kind);
    if (!kind) {
      failures.push(new Error(`No effect kind ${claim.kind} in this function`));
      continue;
    }
    let outcome: unknown;
    try {
      outcome = await kind.perform(claim.payload as never, { store });
    } catch (error) {
      failures.push(error);
      await store.transaction((r) => r.effects.release(claim)).catch(() => undefined);
      continue;
    }
    await store.transaction(async (r) => {
      await r.effects.done(claim, outcome);
      await kind.settle?.(r, claim.payload as never, outcome);
    });
  }
  if (failures.length) throw new EffectsFailed(failures);
}

/**
 * Runs `work` in one transaction and then performs the effects it claimed: for timers, whose
 * work has no queue delivery to fall back on. An effect whose perform failed stays pending for
 * `resumeStaleEffects`.
 */
export async function withEffects<T>(
  store: Store,
  source: string,
  work: (repos: Repositories) => Promise<T>,
): Promise<T> {
  const { result, claims } = await store.transaction(async (repos) => {
    repos.effects.useSource(source);
    return { result: await work(repos), claims: repos.effects.claimed() };
  });
  await performEffects(store, claims);
  return result;
}

/** Takes over a source's pending effects whose performer let go or died, and performs them. */
export async function resumeEffects(store: Store, source: string): Promise<{ held: number }> {
  const { taken, held } = await store.transaction((r) => r.effects.takeOver(source));
  await performEffects(store, taken);
  return { held };
}

/**
 * The sweep (a timer's): pending effects of the kinds this function knows, left by a performer
 * that crashed or failed and whose source will not come again (a timer's entry, a dead-lettered
 * message), performed now. Returns how many were taken.
 */
export async function resumeStaleEffects(store: Store, limit = 100): Promise<number> {
  const taken = await store.transaction((r) => r.effects.takeOverStale([...kinds.keys()], limit));
  await performEffects(store, taken);
  return taken.length;
}
