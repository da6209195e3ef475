import { DateTime } from 'luxon';
import { toCsv } from '../../platform/csv';
import type { Repositories } from '../../platform/store';
import type { Centre } from './domain/centre';
import { type RequestFacts, summarize } from './domain/stats';

/** A month of the centre's own calendar: the one named, or the one `now` falls in. */
export function monthOf(centre: Centre, month: string | undefined, now: number): DateTime {
  return month
    ? DateTime.fromISO(`${month}-01`, { zone: centre.timeZone })
    : DateTime.fromMillis(now, { zone: centre.timeZone }).startOf('month');
}

/** What monitoring reads of the centre's requests made in the month starting at `start`. */
export function factsOfMonth(repos: Repositories, centre: Centre, start: DateTime): Promise<RequestFacts[]> {
  return repos.teleconsultations.factsOf(centre.id, start.toMillis(), start.plus({ months: 1 }).toMillis());
}

/** Where a centre's monthly report lies: its own prefix, one file a month, rewritten by a re-run. */
export const reportKey = (centreId: string, month: string) =>
  `reports/teleconsultation-centres/${encodeURIComponent(centreId)}/${month}.csv`;

/**
 * The month's report for the network: one row per profile, form, requesting region and clinic,
 * counts and durations only. No patient, question, text or person is in it.
 */
export function monthlyCsv(centre: Centre, month: string, facts: RequestFacts[]): string {
  const rows = summarize(facts)
    .map((g) => [
      month,
      centre.id,
      g.profile,
      g.form,
      g.requesterRegion,
      g.requesterClinicId,
      g.requests,
      g.accepted,
      g.declined,
      g.concluded,
      g.medianMinutesToConclusion,
      g.p90MinutesToConclusion,
      g.shareInTime === null ? null : g.shareInTime.toFixed(3),
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return toCsv(
    [
      'month',
      'centre_id',
      'profile',
      'form',
      'requester_region',
      'requester_clinic_id',
      'requests',
      'accepted',
      'declined',
      'concluded',
      'median_minutes_to_conclusion',
      'p90_minutes_to_conclusion',
      'share_in_time',
    ],
    rows,
  );
}
