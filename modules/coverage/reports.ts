import { DateTime } from 'luxon';
import { toCsv } from '../../platform/csv';
import type { Repositories } from '../../platform/store';
import { contractUsage } from './corporate';
import { sponsorZone } from './domain/dates';
import type { CorporateContract } from './domain/sponsor';
import { visitForSponsor } from './domain/sponsor-visibility';
import { sensitiveSpecialties } from './settings';

export interface Report {
  key: string;
  csv: string;
  rows: number;
}

export const lastMonth = (now: number) =>
  DateTime.fromMillis(now, { zone: sponsorZone }).minus({ months: 1 }).toFormat('yyyy-MM');

export const monthStart = (month: string) => DateTime.fromISO(`${month}-01`, { zone: sponsorZone });

export const thisMonth = (now: number) => DateTime.fromMillis(now, { zone: sponsorZone }).toFormat('yyyy-MM');

const protectedMark = 'protected';
type BilledVisit = Parameters<typeof visitForSponsor>[0];

/**
 * An insurer's register of the services rendered under its policies in a month: policy
 * number, date, service, specialty, clinic and cost; for a sensitive specialty the month, cost
 * and `protected` in place of the rest. Never a diagnosis, complaint or message.
 */
export async function insurerRegister(
  repos: Repositories,
  insurerId: string,
  month: string,
): Promise<Report> {
  const start = monthStart(month);
  const visits = (
    await repos.entitlements.visitsOfTenant(insurerId, start.toMillis(), start.plus({ months: 1 }).toMillis())
  ).filter((v) => v.payerType === 'policy' && v.status === 'consumed');
  const sensitive = sensitiveSpecialties();
  const numbers = new Map<string, string>();
  for (const payerId of new Set(visits.map((v) => v.payerId))) {
    numbers.set(payerId, (await repos.insurers.policy(payerId))?.number ?? '');
  }
  // A sensitive visit is a month and a cost; see domain/sponsor-visibility.ts.
  const rows = visits
    .map((v) => ({ number: numbers.get(v.payerId) ?? '', ...visitForSponsor(v as BilledVisit, sensitive) }))
    .map((v) => [
      v.number,
      v.date ?? v.month,
      v.service ?? protectedMark,
      v.specialty ?? protectedMark,
      v.clinicId ?? protectedMark,
      v.costRub.toFixed(2),
    ])
    .sort(
      (a, b) =>
        (a[0] as string).localeCompare(b[0] as string) || (a[1] as string).localeCompare(b[1] as string),
    );
  return {
    key: `reports/insurer/${encodeURIComponent(insurerId)}/${month}.csv`,
    csv: toCsv(['policy_number', 'date', 'service', 'specialty', 'clinic', 'cost_rub'], rows),
    rows: rows.length,
  };
}

const hidden = 'suppressed';

/**
 * An employer's usage of a contract to date: sessions used by month and format, the total,
 * and what is left. Every figure about fewer than 5 people reads "suppressed"; no names, no scores.
 */
export async function employerReport(
  repos: Repositories,
  contract: CorporateContract,
  now: number,
): Promise<Report> {
  const usage = await contractUsage(repos, contract, now);
  const shown = (value: number | null) => value ?? hidden;
  const rows: (string | number)[][] = [
    ...usage.cells.map((c) => [c.month, c.format, shown(c.people), shown(c.sessions)]),
    ['total', 'all', shown(usage.totalPeople), shown(usage.sessionsUsed)],
    ['granted', 'all', '', usage.sessionsGranted],
    ['left', 'all', '', shown(usage.sessionsLeft)],
  ];
  return {
    key: `reports/employer/${encodeURIComponent(contract.employerId)}/${contract.id}/${thisMonth(now)}.csv`,
    csv: toCsv(['month', 'format', 'people', 'sessions'], rows),
    rows: rows.length,
  };
}
