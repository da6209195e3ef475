import { describe, expect, it } from 'vitest';
import { alertPolicy, evaluateSeries, type RuleState } from '../../modules/readings/domain/alert-rules';
import { ageBand, criticalLimits, defaultTargets } from '../../modules/readings/domain/thresholds';

const now = Date.parse('2026-11-23T12:00:00Z');
const idle = (): Record<'critical' | 'sustained', RuleState> => ({
  critical: { active: false, lastRaisedAt: null },
  sustained: { active: false, lastRaisedAt: null },
});
const bp = (minutesAgo: number, systolic: number) => ({
  type: 'blood_pressure' as const,
  measuredAt: now - minutesAgo * 60_000,
  value: systolic,
  diastolic: 80,
});
const run = (series: ReturnType<typeof bp>[], states = idle(), at = now) =>
  evaluateSeries({
    series,
    fresh: new Set(series.map((r) => r.measuredAt)),
    targets: defaultTargets.adult,
    critical: criticalLimits.adult,
    states,
    now: at,
  });

describe('alert rules', () => {
  it('starts a sustained trend at 3 of the last 5 out of target, once', () => {
    const { alerts, states } = run([bp(50, 150), bp(40, 120), bp(30, 145), bp(20, 148), bp(10, 150)]);
    // The third high value (20 minutes ago) is the one that tips it.
    expect(alerts).toEqual([{ rule: 'sustained', direction: 'high', measuredAt: now - 20 * 60_000 }]);
    expect(states.sustained.active).toBe(true);
  });

  it('ends the trend only when at most 1 of 5 is out (hysteresis), and cools down before alerting again', () => {
    const first = run([bp(90, 150), bp(80, 150), bp(70, 150)]);
    // 2 of the last 5 still high: the trend holds, no new alert
    const holding = run([bp(90, 150), bp(80, 150), bp(70, 150), bp(60, 120), bp(50, 120)], first.states);
    expect(holding.alerts).toEqual([]);
    expect(holding.states.sustained.active).toBe(true);
    // 1 of 5: it ends; high again within the cool-down: no alert; after it: one
    const ended = run([bp(80, 150), bp(70, 120), bp(60, 120), bp(50, 120), bp(40, 120)], holding.states);
    expect(ended.states.sustained.active).toBe(false);
    const again = [bp(30, 150), bp(20, 150), bp(10, 150)];
    expect(run(again, ended.states).alerts).toEqual([]);
    const day = alertPolicy.coolDownMs.sustained / 60_000;
    const dayLater = [bp(30 - day, 150), bp(20 - day, 150), bp(10 - day, 150)];
    expect(run(dayLater, ended.states, now + day * 60_000).alerts.map((a) => a.rule)).toEqual(['sustained']);
  });

  it('raises a critical value once per cool-down, and never for old readings', () => {
    const { alerts } = run([bp(20, 190), bp(10, 200)]);
    expect(alerts.filter((a) => a.rule === 'critical')).toHaveLength(1);
    expect(run([bp(3 * 24 * 60, 220)]).alerts).toEqual([]);
  });

  it('bands ages: child under 18, older from 65, adult when unknown', () => {
    expect(ageBand('2010-06-01', now)).toBe('child');
    expect(ageBand('1961-11-24', now)).toBe('adult');
    expect(ageBand('1961-11-23', now)).toBe('older');
    expect(ageBand(null, now)).toBe('adult');
  });
});
