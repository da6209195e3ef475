import type { Repositories } from '../../platform/store';
import { refusals } from './domain/coverage';
import { available, type Balance, emptyBalance, type Settlement } from './domain/ledger';
import type { VisitStatus } from './domain/sponsor';
import type { Account } from './repositories/entitlements';

const statusAfter: Record<Settlement, VisitStatus> = {
  consume: 'consumed',
  release: 'released',
  forfeit: 'forfeited',
};

/**
 * Reserves one unit of every account for the appointment, or none of them. Each account's
 * balance row is read and rewritten in the caller's transaction: concurrent reservations of
 * the last unit conflict on that row, the database lets one commit, and the other's retry
 * finds nothing left (LIMIT_REACHED). SQLite runs one writer at a time; YDB aborts the
 * later committer of two transactions that read and wrote the same row.
 */
export async function reserveUnits(
  repos: Repositories,
  accountIds: string[],
  appointmentId: string,
  expiresAt: number | null,
  now: number,
): Promise<void> {
  const accounts: Account[] = [];
  for (const id of accountIds) {
    const account = await repos.entitlements.account(id);
    if (!account) throw refusals.noCoverage('This coverage has no allowance for you.');
    accounts.push(await releaseLapsed(repos, account, now));
  }
  if (accounts.some((account) => available(account) < 1)) throw refusals.limitReached();
  for (const account of accounts) await repos.entitlements.reserve(account, appointmentId, expiresAt, now);
}

/** Reservations of holds that lapsed: they carry the hold's expiry and no longer count. */
async function lapsedReservations(repos: Repositories, accountId: string, now: number) {
  const reservations = await repos.entitlements.reservations(accountId);
  return reservations.filter((r) => r.expiresAt !== null && r.expiresAt <= now);
}

/** A lapsed hold's unit is released, with a ledger entry, the next time its account is drawn on. */
async function releaseLapsed(repos: Repositories, account: Account, now: number): Promise<Account> {
  const lapsed = await lapsedReservations(repos, account.id, now);
  for (const reservation of lapsed) {
    await settleVisit(repos, reservation.appointmentId, 'release', 'hold_expired', now);
  }
  return lapsed.length ? ((await repos.entitlements.account(account.id)) ?? account) : account;
}

/** Settles every reservation of a sponsored visit; a visit already settled is left alone. */
export async function settleVisit(
  repos: Repositories,
  appointmentId: string,
  kind: Settlement,
  reason: string,
  now: number,
): Promise<void> {
  const visit = await repos.entitlements.visit(appointmentId);
  if (visit?.status !== 'reserved') return;
  for (const accountId of visit.accountIds) {
    await repos.entitlements.settle(accountId, appointmentId, kind, reason, now);
  }
  await repos.entitlements.setVisitStatus(appointmentId, statusAfter[kind], now);
}

/** An account's balance as of `now`, with what is left: reservations of lapsed holds no longer count. */
export async function currentBalance(repos: Repositories, accountId: string, now: number) {
  const account = await repos.entitlements.account(accountId);
  if (!account) return { ...emptyBalance, left: 0 };
  const lapsed = await lapsedReservations(repos, account.id, now);
  const balance: Balance = {
    granted: account.granted,
    reserved: account.reserved - lapsed.length,
    consumed: account.consumed,
    forfeited: account.forfeited,
  };
  return { ...balance, left: available(balance) };
}
