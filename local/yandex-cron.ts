import { Cron } from 'croner';

/**
 * Yandex Cloud timer triggers use a Quartz-like 6-field cron in UTC:
 * `Minutes Hours Day-of-month Month Day-of-week Year`, with `?` in exactly one of the
 * two day fields and Day-of-week 1-7 = SUN-SAT (reference/yandex-cloud.md §2d).
 */
export class InvalidCron extends Error {
  constructor(expression: string, reason: string) {
    super(`Invalid Yandex cron expression "${expression}": ${reason}`);
    this.name = 'InvalidCron';
  }
}

// Upper bound of each field: Quartz's `start/step` becomes `start-max/step`, which croner accepts.
const fieldMax = [59, 23, 31, 12, 7, 9999];

function expandStartStep(field: string, index: number): string {
  return field
    .split(',')
    .map((part) => part.replace(/^(\d+)\/(\d+)$/, (_, start, step) => `${start}-${fieldMax[index]}/${step}`))
    .join(',');
}

export function parseYandexCron(expression: string): Cron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new InvalidCron(
      expression,
      `expected 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`,
    );
  }
  const dayOfMonth = fields[2] as string;
  const dayOfWeek = fields[4] as string;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new InvalidCron(expression, 'use "?" in exactly one of day-of-month and day-of-week');
  }
  try {
    return new Cron(`0 ${fields.map(expandStartStep).join(' ')}`, {
      mode: '7-part',
      alternativeWeekdays: true,
      timezone: 'UTC',
      paused: true,
    });
  } catch (error) {
    throw new InvalidCron(expression, (error as Error).message);
  }
}
