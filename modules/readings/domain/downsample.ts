import type { Reading } from './types';

export interface Stats {
  min: number;
  max: number;
  avg: number;
}

export interface Bucket {
  start: number;
  count: number;
  value: Stats;
  /** Blood pressure only. */
  diastolic?: Stats;
}

type Point = Pick<Reading, 'measuredAt' | 'value' | 'diastolic'>;

/**
 * Min, max and mean per fixed bucket (aligned to the epoch, so in UTC), for charts: a month
 * of 5-minute CGM values becomes 30 daily or 720 hourly points. Empty buckets are left out.
 */
export function downsample(points: Point[], bucketMs: number): Bucket[] {
  const buckets = new Map<number, { count: number; value: Acc; diastolic: Acc }>();
  for (const point of points) {
    if (point.value === null) continue;
    const start = Math.floor(point.measuredAt / bucketMs) * bucketMs;
    let bucket = buckets.get(start);
    if (!bucket) {
      bucket = { count: 0, value: new Acc(), diastolic: new Acc() };
      buckets.set(start, bucket);
    }
    bucket.count++;
    bucket.value.add(point.value);
    if (typeof point.diastolic === 'number') bucket.diastolic.add(point.diastolic);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, b]) => ({
      start,
      count: b.count,
      value: b.value.stats(),
      ...(b.diastolic.count ? { diastolic: b.diastolic.stats() } : {}),
    }));
}

class Acc {
  count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  add(value: number) {
    this.count++;
    this.sum += value;
    this.min = Math.min(this.min, value);
    this.max = Math.max(this.max, value);
  }

  stats(): Stats {
    return { min: this.min, max: this.max, avg: Math.round((this.sum / this.count) * 1000) / 1000 };
  }
}
