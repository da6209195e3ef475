import { exercises } from './exercises';
import { type IntensityInput, type IntensityTarget, intensityTarget } from './intensity';
import type { MeasureName } from './measures';
import { rehabRules } from './rules';
import type { Condition } from './safety';
import type { Dosage, Template } from './templates';

/** One exercise of a plan, for the weeks it runs. */
export interface PlannedExercise extends Dosage {
  fromWeek: number;
  toWeek: number;
}

/** What a plan prescribes: the part each version records whole. */
export interface PlanContent {
  startsOn: string;
  endsOn: string;
  sessionsPerWeek: number;
  exercises: PlannedExercise[];
  intensityInput: IntensityInput;
  intensity: IntensityTarget;
  measures: { measure: MeasureName; everyWeeks: number }[];
  status: 'active' | 'ended';
}

export interface Plan {
  id: string;
  clinicId: string;
  patientId: string;
  /** The responsible clinician: told of stops, drops and worsening. */
  doctorId: string;
  templateId: string;
  condition: Condition;
  version: number;
  content: PlanContent;
  /** Weeks already judged for adherence (so each week is judged, and nudged, once). */
  weeksJudged: number;
  createdAt: number;
  updatedAt: number;
}

/** Who changed a plan, when and why, and the plan as that change left it. */
export interface PlanVersion {
  planId: string;
  version: number;
  changedAt: number;
  changedBy: string;
  changedByRole: string;
  reason: string;
  content: PlanContent;
}

const dayMs = 86_400_000;
export const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function planContentFrom(
  template: Template,
  choice: { startsOn: string; weeks?: number; sessionsPerWeek?: number; intensity: IntensityInput },
): PlanContent {
  const weeks = choice.weeks ?? template.weeks;
  return {
    startsOn: choice.startsOn,
    endsOn: isoDay(dayOf(choice.startsOn) + weeks * 7 * dayMs),
    sessionsPerWeek: choice.sessionsPerWeek ?? template.sessionsPerWeek,
    exercises: template.phases.flatMap((phase) =>
      phase.exercises.map((dosage) => ({ ...dosage, fromWeek: phase.fromWeek, toWeek: phase.toWeek })),
    ),
    intensityInput: choice.intensity,
    intensity: intensityTarget(choice.intensity),
    measures: template.measures,
    status: 'active',
  };
}

export interface PlanChange {
  reason: string;
  sessionsPerWeek?: number;
  endsOn?: string;
  exercises?: PlannedExercise[];
  intensity?: IntensityInput;
  end?: boolean;
}

/** The content a change leaves; refuses a change that changes nothing or names unknown exercises. */
export function changedContent(content: PlanContent, change: PlanChange): PlanContent {
  if (content.status === 'ended') throw rehabRules.planEnded();
  const { reason: _reason, ...what } = change;
  if (Object.values(what).every((v) => v === undefined || v === false)) throw rehabRules.emptyChange();
  for (const e of change.exercises ?? [])
    if (!exercises[e.exerciseId]) throw rehabRules.unknownExercise(e.exerciseId);
  const next: PlanContent = {
    ...content,
    ...(change.sessionsPerWeek !== undefined ? { sessionsPerWeek: change.sessionsPerWeek } : {}),
    ...(change.endsOn !== undefined ? { endsOn: change.endsOn } : {}),
    ...(change.exercises ? { exercises: change.exercises } : {}),
    ...(change.intensity
      ? { intensityInput: change.intensity, intensity: intensityTarget(change.intensity) }
      : {}),
    ...(change.end ? { status: 'ended' as const } : {}),
  };
  if (dayOf(next.endsOn) <= dayOf(next.startsOn)) throw rehabRules.badDates();
  return next;
}

/** The plan's week an instant falls in: 1 from its first day; 0 before it starts. */
export function weekOf(content: PlanContent, at: number): number {
  const since = at - dayOf(content.startsOn);
  return since < 0 ? 0 : Math.floor(since / (7 * dayMs)) + 1;
}

export function totalWeeks(content: PlanContent): number {
  return Math.ceil((dayOf(content.endsOn) - dayOf(content.startsOn)) / (7 * dayMs));
}

/** What the patient does in a given week of the plan. */
export function exercisesOfWeek(content: PlanContent, week: number): PlannedExercise[] {
  return content.exercises.filter((e) => e.fromWeek <= week && week <= e.toWeek);
}

/** Where a session may start: an active plan, begun, not over. */
export function checkSessionAllowed(content: PlanContent, now: number): number {
  if (content.status === 'ended' || now >= dayOf(content.endsOn)) throw rehabRules.planEnded();
  const week = weekOf(content, now);
  if (week === 0) throw rehabRules.notStarted();
  return week;
}
