import { weeklyAdherence } from './adherence';
import { dayOf, type Plan, totalWeeks } from './plan';

/** An insurer's policy or an employer's programme paying for a course, under the sponsor's tenant. */
export interface CourseSponsor {
  tenant: string;
  planId: string;
  type: 'policy' | 'corporate';
  sponsorId: string;
  createdAt: number;
}

/**
 * A finished course counts as completed when the patient did at least this share of its planned
 * sessions. Our threshold, not a published one: trials of home programmes call a patient adherent
 * from about 70–80 % of sessions (see domain/adherence.ts).
 */
export const completedFrom = 0.8;

/**
 * Sponsors never see a group smaller than this: a count of one or two in a month points at a
 * person (DESIGN.md, corporate HR; held for insurers too).
 */
export const smallestGroup = 5;

const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** A course's month of start, month of end (if over) and whether it was completed. */
function courseOf(
  plan: Plan,
  sessions: { startedAt: number; status: 'in_progress' | 'completed' | 'stopped' }[],
  now: number,
) {
  const endsAt = plan.content.status === 'ended' ? plan.updatedAt : dayOf(plan.content.endsOn);
  const over = endsAt <= now;
  const weeks = weeklyAdherence(plan.content, sessions, Math.min(now, endsAt));
  const planned = totalWeeks(plan.content) * plan.content.sessionsPerWeek;
  const done = weeks.reduce((n, w) => n + w.done, 0);
  return {
    started: month(dayOf(plan.content.startsOn)),
    ended: over ? month(endsAt - 1) : null,
    completed: over && done >= planned * completedFrom,
  };
}

export interface SponsorPeriod {
  period: string;
  /** Null when fewer than `smallestGroup` (then `suppressed`). */
  enrolled: number | null;
  finished: number | null;
  completed: number | null;
  completionRate: number | null;
  suppressed: boolean;
}

/**
 * Counts per calendar month (UTC) from `from` to `to` (YYYY-MM): courses begun, courses over, and
 * the share of those over that were completed. Counts only: no person, measure or condition.
 */
export function sponsorPeriods(
  courses: {
    plan: Plan;
    sessions: { startedAt: number; status: 'in_progress' | 'completed' | 'stopped' }[];
  }[],
  from: string,
  to: string,
  now: number,
): SponsorPeriod[] {
  const all = courses.map((c) => courseOf(c.plan, c.sessions, now));
  const periods: SponsorPeriod[] = [];
  for (let at = Date.parse(`${from}-01T00:00:00Z`); month(at) <= to; ) {
    const period = month(at);
    const enrolled = all.filter((c) => c.started === period).length;
    const over = all.filter((c) => c.ended === period);
    const completed = over.filter((c) => c.completed).length;
    const suppressed = enrolled < smallestGroup || over.length < smallestGroup;
    const shown = (n: number, enough: boolean) => (enough ? n : null);
    periods.push({
      period,
      enrolled: shown(enrolled, enrolled >= smallestGroup),
      finished: shown(over.length, over.length >= smallestGroup),
      completed: shown(completed, over.length >= smallestGroup),
      completionRate: over.length >= smallestGroup ? Math.round((completed / over.length) * 100) / 100 : null,
      suppressed,
    });
    const next = new Date(at);
    next.setUTCMonth(next.getUTCMonth() + 1);
    at = next.getTime();
  }
  return periods;
}
