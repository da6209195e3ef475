import type { Interval } from './schedule';

/** Occupancy is tracked in cells of this size: an appointment claims every cell its block touches. */
export const cellMinutes = 5;
const cellMs = cellMinutes * 60_000;
const minuteMs = 60_000;

/** The time an appointment keeps the doctor from others: itself plus its buffers, on the cell grid. */
export function blockOf(
  start: number,
  end: number,
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
): Interval {
  return {
    start: Math.floor((start - bufferBeforeMinutes * minuteMs) / cellMs) * cellMs,
    end: Math.ceil((end + bufferAfterMinutes * minuteMs) / cellMs) * cellMs,
  };
}

/** Start of every cell in a block: the keys the database makes unique per doctor. */
export function cellsOf(block: Interval): number[] {
  const cells: number[] = [];
  for (let cell = block.start; cell < block.end; cell += cellMs) cells.push(cell);
  return cells;
}

/**
 * Slots of `durationMinutes` inside each working interval, one every `stepMinutes`
 * (the duration plus the buffers), so that back-to-back bookings all fit.
 */
export function candidateStarts(
  intervals: Interval[],
  durationMinutes: number,
  stepMinutes: number,
): Interval[] {
  const duration = durationMinutes * minuteMs;
  const step = Math.max(stepMinutes, durationMinutes) * minuteMs;
  const slots: Interval[] = [];
  for (const interval of intervals) {
    for (let start = interval.start; start + duration <= interval.end; start += step) {
      slots.push({ start, end: start + duration });
    }
  }
  return slots;
}

/** Whether a slot fits the working intervals exactly as offered (a client may not invent starts). */
export function isOffered(
  intervals: Interval[],
  durationMinutes: number,
  stepMinutes: number,
  start: number,
): boolean {
  // The arithmetic of candidateStarts, without listing every slot of the day to find one.
  const duration = durationMinutes * minuteMs;
  const step = Math.max(stepMinutes, durationMinutes) * minuteMs;
  return intervals.some(
    (interval) =>
      start >= interval.start && (start - interval.start) % step === 0 && start + duration <= interval.end,
  );
}

export function overlapsAny(block: Interval, occupied: Set<number>): boolean {
  return cellsOf(block).some((cell) => occupied.has(cell));
}
