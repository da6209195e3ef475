import { DateTime } from 'luxon';

/** Wall-clock working hours in the doctor's zone, e.g. `{ from: '09:00', to: '13:00' }`; `to` may be `24:00`. */
export interface TimeRange {
  from: string;
  to: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) → working ranges that day. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', TimeRange[]>>;

export interface Schedule {
  weekly: WeeklyHours;
  /** A date (YYYY-MM-DD, doctor's zone) → its ranges instead of the weekly ones; `[]` closes the day. */
  overrides: Record<string, TimeRange[]>;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** How far ahead patients may book. */
  horizonDays: number;
  /** How soon before its start a slot can still be booked. */
  minNoticeMinutes: number;
  /** Cancelling closer to the start than this is recorded as late (sponsors may forfeit the session). */
  cancellationNoticeMinutes: number;
}

export interface Interval {
  start: number;
  end: number;
}

/**
 * Working intervals (UTC epoch ms) that overlap `from`..`to`, from the weekly hours and
 * date overrides read in the doctor's IANA zone. Daylight-saving shifts are the zone
 * library's business: a 09:00 start stays 09:00 local on both sides of a change.
 */
export function workingIntervals(schedule: Schedule, zone: string, from: number, to: number): Interval[] {
  const intervals: Interval[] = [];
  // UTC offsets are under a day, so these UTC dates cover every local date from the one before
  // `from` to the one of `to`; the extra dates have no interval overlapping [from, to).
  const lastDay = Math.floor(to / dayMs) + 1;
  for (let day = Math.floor(from / dayMs) - 2; day <= lastDay; day++) {
    const date = new Date(day * dayMs).toISOString().slice(0, 10);
    // ISO weekday: day 0, 1 January 1970, was a Thursday (4).
    const weekday = String(((((day + 3) % 7) + 7) % 7) + 1) as keyof WeeklyHours;
    const ranges = schedule.overrides[date] ?? schedule.weekly[weekday] ?? [];
    if (ranges.length === 0) continue;
    for (const interval of dayIntervals(zone, date, ranges)) {
      // Whole intervals, not clipped to [from, to): slots are laid out from the interval's start.
      if (interval.end > from && interval.start < to) intervals.push({ ...interval });
    }
  }
  return intervals;
}

const dayMs = 86_400_000;
/** A local date's intervals by zone, date and ranges; pure, so they never go stale. */
const dayCache = new Map<string, Interval[]>();
const dayCacheLimit = 20_000;

/** One local date's ranges as instants; zone offsets (Intl) are costly, so each date is computed once. */
function dayIntervals(zone: string, date: string, ranges: TimeRange[]): Interval[] {
  let key = `${zone} ${date}`;
  for (const range of ranges) key += ` ${range.from}-${range.to}`;
  let intervals = dayCache.get(key);
  if (!intervals) {
    const day = DateTime.fromISO(date, { zone });
    intervals = ranges.map((range) => ({ start: atTime(day, range.from), end: atTime(day, range.to) }));
    if (dayCache.size >= dayCacheLimit) dayCache.clear();
    dayCache.set(key, intervals);
  }
  return intervals;
}

/** A wall-clock time on a local date: 09:00 is 09:00 even on the day the clocks change. */
function atTime(day: DateTime, time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  // 24:00 is the start of the next local day.
  return (hour === 24 ? day.plus({ days: 1 }) : day.set({ hour, minute })).toMillis();
}

/** Minutes from one slot's start to the next: the service plus the buffers around it. */
export function slotStep(schedule: Schedule, durationMinutes: number): number {
  return durationMinutes + schedule.bufferBeforeMinutes + schedule.bufferAfterMinutes;
}
