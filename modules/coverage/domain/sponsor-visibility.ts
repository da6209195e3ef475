import { calendarDate, calendarMonth } from './dates';
import type { SponsoredVisit } from './sponsor';

/**
 * What an insurer may see of one visit under a policy. Only settled visits (consumed, or forfeited
 * by a late cancellation or no-show) are billed and shown; a hold or a future visit is not. For a
 * sensitive specialty (psychiatry, psychotherapy, narcology, venereology, infectious diseases,
 * oncology, and whatever the operator adds), the visit shows only its month and cost: the date,
 * service, specialty and clinic of such a visit are health data about a named holder.
 */
export interface VisitForSponsor {
  month: string;
  date?: string;
  service?: string;
  specialty?: string;
  clinicId?: string;
  costRub: number;
  status: 'consumed' | 'forfeited';
  protected: boolean;
}

const billed = new Set(['consumed', 'forfeited']);

export function isBilled(
  visit: SponsoredVisit,
): visit is SponsoredVisit & { status: 'consumed' | 'forfeited' } {
  return billed.has(visit.status);
}

export function visitForSponsor(
  visit: SponsoredVisit & { status: 'consumed' | 'forfeited' },
  sensitive: ReadonlySet<string>,
): VisitForSponsor {
  const common = {
    month: calendarMonth(visit.start),
    costRub: visit.priceKopecks / 100,
    status: visit.status,
  };
  if (sensitive.has(visit.specialty)) return { ...common, protected: true };
  return {
    ...common,
    date: calendarDate(visit.start),
    service: visit.serviceName,
    specialty: visit.specialty,
    clinicId: visit.clinicId,
    protected: false,
  };
}
