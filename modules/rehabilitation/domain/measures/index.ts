import { barthelIndex } from './barthel';
import { borgRpe, mmrcDyspnoea, painNrs } from './dyspnoea-and-pain';
import { hads } from './hads';
import type { MeasureDefinition } from './measure';
import { modifiedRankin } from './modified-rankin';
import { oswestryDisabilityIndex } from './oswestry';
import { oxfordKneeScore } from './oxford-knee';
import { sixMinuteWalk } from './six-minute-walk';
import { timedUpAndGo } from './timed-up-and-go';

/** Every outcome measure a plan may schedule, by the name the API uses. */
export const measures = {
  six_minute_walk: sixMinuteWalk,
  timed_up_and_go: timedUpAndGo,
  barthel_index: barthelIndex,
  modified_rankin: modifiedRankin,
  oxford_knee_score: oxfordKneeScore,
  borg_rpe: borgRpe,
  mmrc_dyspnoea: mmrcDyspnoea,
  pain_nrs: painNrs,
  hads,
  oswestry_disability_index: oswestryDisabilityIndex,
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureName = keyof typeof measures;
export const measureNames = Object.keys(measures) as [MeasureName, ...MeasureName[]];

export type { MeasureInput, Scored } from './measure';
