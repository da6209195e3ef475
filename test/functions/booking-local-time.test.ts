import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localIso } from '../../functions/booking/local-time';

const at = (iso: string) => Date.parse(iso);

describe('local times in views', () => {
  it('read as the wall clock of the zone, with its offset', () => {
    // Prepare: one instant, the slot of the Vladivostok and Kaliningrad acceptance case
    const start = at('2026-03-02T00:30:00Z');
    // Act
    const vladivostok = localIso(start, 'Asia/Vladivostok');
    const kaliningrad = localIso(start, 'Europe/Kaliningrad');
    // Assess: 10:30 the same day in the doctor's zone, 02:30 in the patient's
    expect(vladivostok).toBe('2026-03-02T10:30:00+10:00');
    expect(kaliningrad).toBe('2026-03-02T02:30:00+02:00');
  });

  it('print what luxon prints, across clock changes, odd offsets, midnight and milliseconds', () => {
    // Prepare: instants either side of Berlin's and New York's changes, a slot across midnight,
    // zones a quarter and half an hour off, west of Greenwich, and the fixed zone UTC
    const instants = [
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
      '2026-03-08T06:59:00Z',
      '2026-03-08T07:00:00Z',
      '2026-11-01T05:30:00Z',
      '2026-12-31T23:45:00Z',
      '2026-01-01T00:00:00.250Z',
      '2026-06-15T12:00:00.007Z',
    ].map(at);
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Europe/Moscow',
      'Asia/Kathmandu',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/St_Johns',
      'Europe/London',
      'UTC',
    ];
    for (const zone of zones) {
      for (const ms of instants) {
        // Act
        const ours = localIso(ms, zone);
        // Assess
        const luxons = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
        expect({ zone, ms, text: ours }).toEqual({ zone, ms, text: luxons });
      }
    }
  });
});
