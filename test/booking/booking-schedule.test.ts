import { describe, expect, it } from 'vitest';
import { defaultSchedule } from '../../modules/booking/domain/doctor';
import { type Schedule, workingIntervals } from '../../modules/booking/domain/schedule';
import { candidateStarts, isOffered } from '../../modules/booking/domain/slots';

const at = (iso: string) => Date.parse(iso);
const mondays: Schedule = { ...defaultSchedule, weekly: { '1': [{ from: '09:00', to: '13:00' }] } };

describe('working intervals (remembered per zone, date and hours)', () => {
  it('keep 09:00 local on both sides of a daylight-saving change, on every call', () => {
    // Prepare: Berlin moves to summer time on 29 March 2026 and back on 25 October 2026.
    const spring = [at('2026-03-23T00:00:00Z'), at('2026-04-01T00:00:00Z')] as const;
    const autumn = [at('2026-10-19T00:00:00Z'), at('2026-10-28T00:00:00Z')] as const;
    // Act
    const first = workingIntervals(mondays, 'Europe/Berlin', ...spring);
    const fall = workingIntervals(mondays, 'Europe/Berlin', ...autumn);
    first[0] = { start: 0, end: 0 };
    const again = workingIntervals(mondays, 'Europe/Berlin', ...spring);
    const oneDay = workingIntervals(
      mondays,
      'Europe/Berlin',
      at('2026-03-30T08:00:00Z'),
      at('2026-03-30T08:30:00Z'),
    );
    // Assess: UTC+1 before each change, UTC+2 between them; a caller's edit does not leak into the next call.
    expect(again).toEqual([
      { start: at('2026-03-23T08:00:00Z'), end: at('2026-03-23T12:00:00Z') },
      { start: at('2026-03-30T07:00:00Z'), end: at('2026-03-30T11:00:00Z') },
    ]);
    expect(fall).toEqual([
      { start: at('2026-10-19T07:00:00Z'), end: at('2026-10-19T11:00:00Z') },
      { start: at('2026-10-26T08:00:00Z'), end: at('2026-10-26T12:00:00Z') },
    ]);
    expect(oneDay).toEqual([{ start: at('2026-03-30T07:00:00Z'), end: at('2026-03-30T11:00:00Z') }]);
  });

  it('follow a change to a date override at once', () => {
    // Prepare: Monday 23 March 2026 in Moscow (UTC+3), computed once with the weekly hours.
    const day = [at('2026-03-23T00:00:00Z'), at('2026-03-24T00:00:00Z')] as const;
    const weekly = workingIntervals(mondays, 'Europe/Moscow', ...day);
    // Act
    const shorter = workingIntervals(
      { ...mondays, overrides: { '2026-03-23': [{ from: '10:00', to: '11:00' }] } },
      'Europe/Moscow',
      ...day,
    );
    const closed = workingIntervals({ ...mondays, overrides: { '2026-03-23': [] } }, 'Europe/Moscow', ...day);
    const reopened = workingIntervals(mondays, 'Europe/Moscow', ...day);
    // Assess
    expect(weekly).toEqual([{ start: at('2026-03-23T06:00:00Z'), end: at('2026-03-23T10:00:00Z') }]);
    expect(shorter).toEqual([{ start: at('2026-03-23T07:00:00Z'), end: at('2026-03-23T08:00:00Z') }]);
    expect(closed).toEqual([]);
    expect(reopened).toEqual(weekly);
  });

  it('keep 09:00 local on the very day the clocks change, and end a 24:00 day at the next midnight', () => {
    // Prepare: Berlin changes clocks on Sunday 29 March 2026 (spring) and Sunday 25 October (autumn).
    const sundays: Schedule = { ...defaultSchedule, weekly: { '7': [{ from: '09:00', to: '24:00' }] } };
    // Act
    const spring = workingIntervals(
      sundays,
      'Europe/Berlin',
      at('2026-03-29T00:00:00Z'),
      at('2026-03-30T00:00:00Z'),
    );
    const autumn = workingIntervals(
      sundays,
      'Europe/Berlin',
      at('2026-10-25T00:00:00Z'),
      at('2026-10-26T00:00:00Z'),
    );
    // Assess: 09:00 is already summer (UTC+2) in spring and already winter (UTC+1) in autumn
    expect(spring).toEqual([{ start: at('2026-03-29T07:00:00Z'), end: at('2026-03-29T22:00:00Z') }]);
    expect(autumn).toEqual([{ start: at('2026-10-25T08:00:00Z'), end: at('2026-10-25T23:00:00Z') }]);
  });

  it('start the day after a midnight that does not exist at its own midnight', () => {
    // Prepare: Santiago's clocks jump from 00:00 to 01:00 on Sunday 6 September 2026.
    const weekend = [at('2026-09-06T12:00:00Z'), at('2026-09-08T00:00:00Z')] as const;
    // Act
    const intervals = workingIntervals(mondays, 'America/Santiago', ...weekend);
    // Assess: Monday 09:00 at UTC-3.
    expect(intervals).toEqual([{ start: at('2026-09-07T12:00:00Z'), end: at('2026-09-07T16:00:00Z') }]);
  });
});

describe('offered starts', () => {
  it('are exactly the starts the slot list shows, whatever the step and the hours', () => {
    // Prepare: hours that end off the step, a 23-hour day, and a gap between intervals.
    const intervals = [
      { start: at('2026-03-28T08:00:00Z'), end: at('2026-03-28T12:10:00Z') },
      { start: at('2026-03-28T13:05:00Z'), end: at('2026-03-28T17:00:00Z') },
      { start: at('2026-03-28T23:00:00Z'), end: at('2026-03-29T22:00:00Z') },
    ];
    const fiveMinutes = 5 * 60_000;
    const starts = Array.from({ length: 600 }, (_, i) => at('2026-03-28T07:00:00Z') + i * fiveMinutes);
    for (const [duration, step] of [
      [15, 15],
      [30, 40],
      [45, 30],
      [50, 60],
    ] as const) {
      // Act
      const listed = new Set(candidateStarts(intervals, duration, step).map((slot) => slot.start));
      const offered = starts.filter((start) => isOffered(intervals, duration, step, start));
      // Assess
      expect(offered).toEqual(starts.filter((start) => listed.has(start)));
      expect(offered.length).toBeGreaterThan(0);
    }
  });
});
