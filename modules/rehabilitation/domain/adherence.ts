import { type PlanContent, totalWeeks, weekOf } from './plan';

/**
 * Planned against done, week by week. A finished week with fewer than half of its planned sessions
 * done is a drop: the patient is nudged and the clinician sees them in the review queue. Half is
 * our threshold, not a published one: trials of home exercise after knee replacement and in cardiac
 * rehabilitation count "adherent" from about 70–80 % of sessions, and a week under half is a clear
 * fall from that (Bassett SF, Prapavessis H. Phys Ther 2007;87:1132–1143 on measuring adherence).
 */
export const dropBelow = 0.5;

export interface WeekAdherence {
  week: number;
  planned: number;
  done: number;
  stopped: number;
}

export function weeklyAdherence(
  content: PlanContent,
  sessions: { startedAt: number; status: 'in_progress' | 'completed' | 'stopped' }[],
  now: number,
): WeekAdherence[] {
  const upTo = Math.min(weekOf(content, now), totalWeeks(content));
  return Array.from({ length: upTo }, (_, i) => {
    const week = i + 1;
    const inWeek = sessions.filter((s) => weekOf(content, s.startedAt) === week);
    return {
      week,
      planned: content.sessionsPerWeek,
      done: inWeek.filter((s) => s.status === 'completed').length,
      stopped: inWeek.filter((s) => s.status === 'stopped').length,
    };
  });
}

/** Finished weeks not judged yet, and which of them dropped. */
export function weeksToJudge(
  content: PlanContent,
  weeks: WeekAdherence[],
  weeksJudged: number,
  now: number,
): { judged: number; dropped: WeekAdherence[] } {
  const finished = Math.min(weekOf(content, now) - 1, totalWeeks(content));
  const fresh = weeks.filter((w) => w.week > weeksJudged && w.week <= finished);
  return {
    judged: Math.max(weeksJudged, finished),
    dropped: fresh.filter((w) => w.done < w.planned * dropBelow),
  };
}
