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
  let day = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(to, { zone }).startOf('day');
  while (day <= last) {
    const date = day.toISODate() as string;
    const ranges =
      schedule.overrides[date] ?? schedule.weekly[String(day.weekday) as keyof WeeklyHours] ?? [];
    for (const range of ranges) {
      const start = atTime(day, range.from);
      const end = atTime(day, range.to);
      // Whole intervals, not clipped to [from, to): slots are laid out from the interval's start.
      if (end > from && start < to) intervals.push({ start, end });
    }
    day = day.plus({ days: 1 });
  }
  return intervals;
}

function atTime(day: DateTime, time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  // 24:00 is the end of the day; plus() keeps the zone's offset rules.
  return day.plus({ hours, minutes }).toMillis();
}

/** Minutes from one slot's start to the next: the service plus the buffers around it. */
export function slotStep(schedule: Schedule, durationMinutes: number): number {
  return durationMinutes + schedule.bufferBeforeMinutes + schedule.bufferAfterMinutes;
}
