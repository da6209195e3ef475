import { DateTime } from 'luxon';
import { RuleBroken } from '../../../platform/rule-broken';

/** How urgent a request is, in the telemedicine order's terms. */
export const forms = ['emergency', 'urgent', 'planned'] as const;
export type Form = (typeof forms)[number];

/**
 * A centre's response promises per form: minutes for an emergency, hours for an urgent request,
 * calendar days (in the centre's zone) for a planned one.
 */
export interface Promises {
  emergencyMinutes: number;
  urgentHours: number;
  plannedDays: number;
}

/**
 * The longest the order allows (Minzdrav order 193n of 11.04.2025, which replaced 965n; figures as
 * the README cites them): a centre may promise faster, never slower.
 */
export const orderLimits: Promises = { emergencyMinutes: 120, urgentHours: 24, plannedDays: 30 };

export interface Consultant {
  id: string;
  profiles: string[];
}

/** A consulting centre: a tenant of its own, run by its coordinators (its clinic admins). */
export interface Centre {
  id: string;
  name: string;
  timeZone: string;
  profiles: string[];
  consultants: Consultant[];
  promises: Promises;
  /** Who an overdue request reaches after the coordinators; null when the centre named none. */
  headId: string | null;
  updatedAt: number;
}

export const centreRules = {
  promiseTooSlow: (form: Form) =>
    new RuleBroken(
      'PROMISE_BEYOND_ORDER',
      422,
      `The ${form} promise is longer than the telemedicine order allows (${describeLimit(form)}).`,
    ),
  consultantProfileUnknown: (id: string) =>
    new RuleBroken('UNKNOWN_PROFILE', 422, `Consultant ${id} names a profile the centre does not offer.`),
};

function describeLimit(form: Form): string {
  if (form === 'emergency') return `${orderLimits.emergencyMinutes} minutes`;
  if (form === 'urgent') return `${orderLimits.urgentHours} hours`;
  return `${orderLimits.plannedDays} days`;
}

/** A centre's own description holds together: promises within the order, consultants within its profiles. */
export function checkCentre(centre: Centre): void {
  const { promises } = centre;
  if (promises.emergencyMinutes > orderLimits.emergencyMinutes) throw centreRules.promiseTooSlow('emergency');
  if (promises.urgentHours > orderLimits.urgentHours) throw centreRules.promiseTooSlow('urgent');
  if (promises.plannedDays > orderLimits.plannedDays) throw centreRules.promiseTooSlow('planned');
  for (const consultant of centre.consultants)
    if (consultant.profiles.some((p) => !centre.profiles.includes(p)))
      throw centreRules.consultantProfileUnknown(consultant.id);
}

/**
 * When a request made at `from` must be concluded. Minutes and hours run on the clock; planned
 * days are calendar days where the centre works, so the deadline is the end of the last day in the
 * centre's zone (a request sent at 23:30 in Vladivostok is a day later in Moscow).
 */
export function deadline(form: Form, promises: Promises, timeZone: string, from: number): number {
  if (form === 'emergency') return from + promises.emergencyMinutes * 60_000;
  if (form === 'urgent') return from + promises.urgentHours * 3_600_000;
  return DateTime.fromMillis(from, { zone: timeZone })
    .startOf('day')
    .plus({ days: promises.plannedDays + 1 })
    .toMillis();
}

export function isConsultantOf(centre: Centre, consultantId: string): boolean {
  return centre.consultants.some((c) => c.id === consultantId);
}
