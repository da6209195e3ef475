import { outOfRange, type Targets } from './thresholds';
import type { Reading } from './types';

export type Rule = 'critical' | 'sustained';
export type Direction = 'high' | 'low';

/** Per patient, type and rule: whether the rule is firing, and when it last raised an alert. */
export interface RuleState {
  active: boolean;
  lastRaisedAt: number | null;
}

export interface RaisedAlert {
  rule: Rule;
  direction: Direction;
  /** The reading that tipped it. */
  measuredAt: number;
}

export const alertPolicy = {
  /** Only readings measured this recently alert; an imported history is for charts. */
  recentMs: 24 * 3_600_000,
  /** "3 of the last 5 out of target" starts a sustained trend; at most 1 of 5 ends it (hysteresis). */
  window: 5,
  enterAt: 3,
  leaveAt: 1,
  /** After an alert, the same rule stays quiet this long for the series. */
  coolDownMs: { critical: 3_600_000, sustained: 24 * 3_600_000 } satisfies Record<Rule, number>,
};

type Point = Pick<Reading, 'type' | 'value' | 'diastolic' | 'measuredAt'>;

export interface SeriesInput {
  /** Readings of the series up to the new ones, any order; the latest few are enough. */
  series: Point[];
  /** Measured times of the readings that just arrived. */
  fresh: Set<number>;
  targets: Targets;
  critical: Targets;
  states: Record<Rule, RuleState>;
  now: number;
}

/**
 * Walks the new readings of one patient's series in time order. A critical value raises one
 * alert at once; a sustained trend raises one when it starts, not one per reading; each rule
 * then cools down, and a trend must clear (hysteresis) before it can start again.
 */
export function evaluateSeries(input: SeriesInput): {
  alerts: RaisedAlert[];
  states: Record<Rule, RuleState>;
} {
  const states = { critical: { ...input.states.critical }, sustained: { ...input.states.sustained } };
  const alerts: RaisedAlert[] = [];
  const ordered = [...input.series].sort((a, b) => a.measuredAt - b.measuredAt);
  const coolingDown = (rule: Rule) => {
    const last = states[rule].lastRaisedAt;
    return last !== null && input.now - last < alertPolicy.coolDownMs[rule];
  };
  const raise = (rule: Rule, direction: Direction, measuredAt: number) => {
    alerts.push({ rule, direction, measuredAt });
    states[rule].lastRaisedAt = input.now;
  };
  ordered.forEach((reading, index) => {
    if (!input.fresh.has(reading.measuredAt) || reading.measuredAt < input.now - alertPolicy.recentMs) return;
    const critical = outOfRange(reading, input.critical);
    if (critical && !coolingDown('critical')) raise('critical', critical, reading.measuredAt);
    const window = ordered.slice(Math.max(0, index + 1 - alertPolicy.window), index + 1);
    const directions = window
      .map((r) => outOfRange(r, input.targets))
      .filter((d): d is Direction => d !== undefined);
    if (!states.sustained.active && directions.length >= alertPolicy.enterAt) {
      states.sustained.active = true;
      const highs = directions.filter((d) => d === 'high').length;
      if (!coolingDown('sustained'))
        raise('sustained', highs * 2 >= directions.length ? 'high' : 'low', reading.measuredAt);
    } else if (states.sustained.active && directions.length <= alertPolicy.leaveAt) {
      states.sustained.active = false;
    }
  });
  return { alerts, states };
}
