import type { Repositories } from '../../platform/store';
import { exercises } from './domain/exercises';
import { exercisesOfWeek, type Plan, weekOf } from './domain/plan';
import { rehabRules } from './domain/rules';
import { type Symptom, stopInstructions, type Vitals } from './domain/safety';
import type { Session } from './domain/session';
import { addReadings, type Context, completeSession, startSession } from './use-cases';

/**
 * Sessions at home for a patient a channel has already identified (the chatbot knows its patient
 * by their Telegram account): the same use cases as the HTTP routes, the plan found by patient.
 * What comes back holds instructions only, never a reading or a condition, so a channel whose
 * servers are abroad can show it.
 */

export interface TodaysExercise {
  name: { ru: string; en: string };
  instructions: { ru: string; en: string };
  sets: number;
  reps: number | null;
  minutes: number | null;
}

export interface SessionOutcome {
  /** 'stopped': the patient must stop; `instructions` say what to do. */
  status: Session['status'];
  emergency: boolean;
  instructions: { ru: string; en: string } | null;
}

async function activePlanOf(repos: Repositories, patientId: string): Promise<Plan> {
  const plan = await repos.rehabilitation.latestPlanOf(patientId);
  if (!plan) throw rehabRules.noPlan();
  await repos.audit.record({
    tenantId: plan.clinicId,
    action: 'update',
    resourceType: 'rehab_plan',
    resourceId: plan.id,
    actor: { subject: patientId, role: 'patient' },
  });
  return plan;
}

const outcomeOf = (session: Session): SessionOutcome => ({
  status: session.status,
  emergency: session.stop?.emergency ?? false,
  instructions: session.stop
    ? session.stop.emergency
      ? stopInstructions.emergency
      : stopInstructions.stop
    : null,
});

/** Today's exercises of the patient's plan, and whether a session is already under way. */
export async function todayAtHome(repos: Repositories, patientId: string, now: number) {
  const plan = await activePlanOf(repos, patientId);
  if (plan.content.status === 'ended') throw rehabRules.planEnded();
  const week = weekOf(plan.content, now);
  if (week === 0) throw rehabRules.notStarted();
  const today: TodaysExercise[] = exercisesOfWeek(plan.content, week).map((planned) => {
    const exercise = exercises[planned.exerciseId];
    return {
      name: exercise?.name ?? { ru: planned.exerciseId, en: planned.exerciseId },
      instructions: exercise?.instructions ?? { ru: '', en: '' },
      sets: planned.sets,
      reps: planned.reps,
      minutes: planned.minutes,
    };
  });
  return { exercises: today, sessionOpen: Boolean(await repos.rehabilitation.openSessionOf(plan.id)) };
}

/** The checks at rest; a finding stops the session before it starts, and the clinician is told. */
export async function startAtHome(
  repos: Repositories,
  patientId: string,
  preCheck: Vitals & { symptoms: Symptom[] },
  context: Context,
): Promise<SessionOutcome> {
  return outcomeOf(await startSession(repos, await activePlanOf(repos, patientId), preCheck, context));
}

/** How the patient feels during the session: symptoms (and values, if measured) judged at once. */
export async function reportAtHome(
  repos: Repositories,
  patientId: string,
  reading: Vitals & { pain?: number; symptoms: Symptom[] },
  context: Context,
): Promise<SessionOutcome> {
  return outcomeOf(await addReadings(repos, await activePlanOf(repos, patientId), [reading], context));
}

/** Today's exercises done as planned, with the effort (Borg 6–20) and pain (0–10) the patient felt. */
export async function completeAtHome(
  repos: Repositories,
  patientId: string,
  felt: { rpe: number; pain: number },
  context: Context,
): Promise<SessionOutcome> {
  const plan = await activePlanOf(repos, patientId);
  const open = await repos.rehabilitation.openSessionOf(plan.id);
  if (!open) throw rehabRules.noSession();
  const done = exercisesOfWeek(plan.content, open.week).map((e) => ({
    exerciseId: e.exerciseId,
    sets: e.sets,
    ...(e.reps !== null ? { reps: e.reps } : {}),
    ...(e.minutes !== null ? { minutes: e.minutes } : {}),
  }));
  return outcomeOf(await completeSession(repos, plan, { exercises: done, ...felt }, context));
}
