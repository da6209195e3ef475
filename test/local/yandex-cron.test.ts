import { describe, expect, it } from 'vitest';
import { InvalidCron, parseYandexCron } from '../../local/yandex-cron';

describe('Yandex cron expressions', () => {
  it.each([
    ['* * ? * * *', '2026-11-23T10:00:30Z', '2026-11-23T10:01:00.000Z'],
    ['0 * ? * * *', '2026-11-23T10:00:30Z', '2026-11-23T11:00:00.000Z'],
    ['15 10 ? * * *', '2026-11-23T10:20:00Z', '2026-11-24T10:15:00.000Z'],
    ['0/5 * ? * * *', '2026-11-23T10:01:00Z', '2026-11-23T10:05:00.000Z'],
    // Day-of-week 2 is Monday in Yandex (1 = Sunday); 2026-11-23 is a Monday
    ['0 9 ? * 2 *', '2026-11-23T10:00:00Z', '2026-11-30T09:00:00.000Z'],
    ['0 0 1 * ? *', '2026-11-23T10:00:00Z', '2026-12-01T00:00:00.000Z'],
  ])('%s after %s runs next at %s (UTC)', (expression, from, next) => {
    expect(parseYandexCron(expression).nextRun(new Date(from))?.toISOString()).toBe(next);
  });

  it.each([
    ['*/5 * * * *', /expected 6 fields/],
    ['0 10 * * * *', /exactly one of day-of-month and day-of-week/],
    ['0 10 ? * ? *', /exactly one of day-of-month and day-of-week/],
    ['61 * ? * * *', /Invalid Yandex cron/],
  ])('rejects %s', (expression, message) => {
    expect(() => parseYandexCron(expression)).toThrowError(InvalidCron);
    expect(() => parseYandexCron(expression)).toThrowError(message);
  });
});
