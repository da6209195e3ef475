import type { Form } from './centre';
import type { Status } from './request';

/** What monitoring needs of a request: no patient, question or text. */
export interface RequestFacts {
  profile: string;
  form: Form;
  requesterClinicId: string;
  /** The requesting clinic's region (ISO 3166-2), when its doctor gave it. */
  requesterRegion: string | null;
  status: Status;
  accepted: boolean;
  createdAt: number;
  closedAt: number | null;
  /** For a concluded request: whether it was concluded by its deadline. */
  metDeadline: boolean | null;
}

export interface Counts {
  requests: number;
  accepted: number;
  declined: number;
  concluded: number;
  medianMinutesToConclusion: number | null;
  p90MinutesToConclusion: number | null;
  /** Of the concluded ones, the share concluded within the promised time (0..1). */
  shareInTime: number | null;
}

export type GroupStats = {
  profile: string;
  form: Form;
  requesterRegion: string | null;
  requesterClinicId: string;
} & Counts;
export type RegionStats = { profile: string; form: Form; requesterRegion: string | null } & Counts;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function counts(group: RequestFacts[]): Counts {
  const concluded = group.filter((r) => r.status === 'concluded' && r.closedAt !== null);
  const minutes = concluded
    .map((r) => Math.round(((r.closedAt as number) - r.createdAt) / 60_000))
    .sort((a, b) => a - b);
  return {
    requests: group.length,
    accepted: group.filter((r) => r.accepted).length,
    declined: group.filter((r) => r.status === 'declined').length,
    concluded: concluded.length,
    medianMinutesToConclusion: percentile(minutes, 50),
    p90MinutesToConclusion: percentile(minutes, 90),
    shareInTime: concluded.length ? concluded.filter((r) => r.metDeadline).length / concluded.length : null,
  };
}

function groupBy(requests: RequestFacts[], key: (r: RequestFacts) => unknown[]): RequestFacts[][] {
  const groups = new Map<string, RequestFacts[]>();
  for (const r of requests) {
    const k = JSON.stringify(key(r));
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()];
}

/** Requests grouped by profile, form and requesting clinic (with its region), as the network watches its centres. */
export function summarize(requests: RequestFacts[]): GroupStats[] {
  return groupBy(requests, (r) => [r.profile, r.form, r.requesterRegion, r.requesterClinicId]).map(
    (group) => {
      const first = group[0] as RequestFacts;
      return {
        profile: first.profile,
        form: first.form,
        requesterRegion: first.requesterRegion,
        requesterClinicId: first.requesterClinicId,
        ...counts(group),
      };
    },
  );
}

/** The same, per requesting region: where in the country the centre's work comes from. */
export function summarizeByRegion(requests: RequestFacts[]): RegionStats[] {
  return groupBy(requests, (r) => [r.profile, r.form, r.requesterRegion]).map((group) => {
    const first = group[0] as RequestFacts;
    return {
      profile: first.profile,
      form: first.form,
      requesterRegion: first.requesterRegion,
      ...counts(group),
    };
  });
}
