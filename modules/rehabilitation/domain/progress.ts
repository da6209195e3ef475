import { type MeasureName, measures, type Scored } from './measures';
import { type PlanContent, weekOf } from './plan';

export interface MeasureRecord {
  id: string;
  planId: string;
  measure: MeasureName;
  measuredAt: number;
  result: Scored;
  recordedBy: string;
}

/** Whether a new score is worse than the previous one by at least the measure's meaningful change. */
export function worsened(measure: MeasureName, previous: number | undefined, next: number): boolean {
  if (previous === undefined) return false;
  const { higherIsBetter, meaningfulChange } = measures[measure];
  const change = higherIsBetter ? previous - next : next - previous;
  return change >= meaningfulChange;
}

/** Each measure's scores in time order, with the change from the first. */
export function trends(records: MeasureRecord[]) {
  const byMeasure = new Map<MeasureName, MeasureRecord[]>();
  for (const r of [...records].sort((a, b) => a.measuredAt - b.measuredAt))
    byMeasure.set(r.measure, [...(byMeasure.get(r.measure) ?? []), r]);
  return [...byMeasure].map(([measure, series]) => {
    const first = series[0]?.result.score ?? 0;
    const last = series.at(-1)?.result.score ?? 0;
    const delta = last - first;
    const better = measures[measure].higherIsBetter ? delta > 0 : delta < 0;
    return {
      measure,
      points: series.map((r) => ({
        at: new Date(r.measuredAt).toISOString(),
        score: r.result.score,
        band: r.result.band,
        ...(r.result.detail ? { detail: r.result.detail } : {}),
      })),
      change: delta,
      direction:
        delta === 0 ? ('unchanged' as const) : better ? ('improving' as const) : ('worsening' as const),
    };
  });
}

/** Scheduled measures not yet recorded in their current period (week 0 is the baseline). */
export function measuresDue(content: PlanContent, records: MeasureRecord[], now: number): MeasureName[] {
  const week = weekOf(content, now);
  return content.measures
    .filter(({ measure, everyWeeks }) => {
      const periodStartWeek = Math.floor(Math.max(week - 1, 0) / everyWeeks) * everyWeeks;
      return !records.some(
        (r) => r.measure === measure && Math.max(weekOf(content, r.measuredAt) - 1, 0) >= periodStartWeek,
      );
    })
    .map((m) => m.measure);
}
