import { createEvent, type EventDefinition } from '../../events/envelope';
import type { Repositories } from '../../platform/store';
import type { Sponsor } from '../booking';
import { courseSponsorTenant } from '../coverage';
import { vitalsDuring } from '../readings';
import { loadTriage } from '../triage';
import { weeklyAdherence, weeksToJudge } from './domain/adherence';
import type { IntensityInput } from './domain/intensity';
import { type MeasureInput, type MeasureName, measures } from './domain/measures';
import {
  changedContent,
  checkSessionAllowed,
  exercisesOfWeek,
  type Plan,
  type PlanChange,
  planContentFrom,
} from './domain/plan';
import { worsened } from './domain/progress';
import type { ReviewItem } from './domain/review';
import { rehabRules } from './domain/rules';
import {
  checkBeforeSession,
  checkDuringSession,
  type Finding,
  redFlagsAmong,
  type Symptom,
  thresholds,
  type Vitals,
} from './domain/safety';
import { impossibleVitals, type Session, type SessionLog, type SessionReading } from './domain/session';
import { templates } from './domain/templates';
import {
  rehabAdherenceDroppedV1,
  rehabMeasureRecordedV1,
  rehabPlanChangedV1,
  rehabPlanStartedV1,
  rehabSessionCompletedV1,
  rehabSessionStoppedV1,
} from './events';

export interface Context {
  now: number;
  correlationId: string;
}

/** Who acts: their id and role, as the audit trail and plan versions name them. */
export interface Actor {
  id: string;
  role: string;
}

const parties = (plan: Plan) => ({
  planId: plan.id,
  clinicId: plan.clinicId,
  patientId: plan.patientId,
  doctorId: plan.doctorId,
});

async function publish<T>(
  repos: Repositories,
  definition: EventDefinition<string, T>,
  data: T,
  plan: Plan,
  context: Context,
) {
  const event = createEvent(definition, data, {
    correlationId: context.correlationId,
    tenant: plan.clinicId,
  });
  await repos.outbox.add(definition.queue, event);
}

async function review(
  repos: Repositories,
  plan: Plan,
  reason: ReviewItem['reason'],
  detail: Record<string, unknown>,
  now: number,
) {
  await repos.rehabilitation.addReviewItem({
    id: crypto.randomUUID(),
    clinicId: plan.clinicId,
    doctorId: plan.doctorId,
    patientId: plan.patientId,
    planId: plan.id,
    reason,
    detail,
    createdAt: now,
    resolvedAt: null,
  });
}

export interface NewPlan {
  templateId: string;
  doctorId: string;
  startsOn: string;
  weeks?: number;
  sessionsPerWeek?: number;
  intensity: IntensityInput;
  /** The patient's policy or employer programme that pays for the course. */
  sponsor?: Sponsor;
}

/** A clinician's individual plan from a template: version 1, recorded with who made it. */
export async function startPlan(
  repos: Repositories,
  actor: Actor,
  target: { patientId: string; clinicId: string },
  request: NewPlan,
  context: Context,
): Promise<Plan> {
  const template = templates[request.templateId];
  if (!template) throw rehabRules.unknownTemplate();
  const latest = await repos.rehabilitation.latestPlanOf(target.patientId);
  if (latest?.content.status === 'active') throw rehabRules.planActive();
  const plan: Plan = {
    id: crypto.randomUUID(),
    clinicId: target.clinicId,
    patientId: target.patientId,
    doctorId: request.doctorId,
    templateId: template.id,
    condition: template.condition,
    version: 1,
    content: planContentFrom(template, request),
    weeksJudged: 0,
    createdAt: context.now,
    updatedAt: context.now,
  };
  await repos.rehabilitation.createPlan(plan);
  if (request.sponsor)
    await repos.rehabilitation.addCourseSponsor({
      tenant: await courseSponsorTenant(repos, plan.patientId, request.sponsor, context.now),
      planId: plan.id,
      type: request.sponsor.type,
      sponsorId: request.sponsor.type === 'policy' ? request.sponsor.policyId : request.sponsor.contractId,
      createdAt: context.now,
    });
  await repos.rehabilitation.addVersion({
    planId: plan.id,
    version: 1,
    changedAt: context.now,
    changedBy: actor.id,
    changedByRole: actor.role,
    reason: `from template ${template.id}`,
    content: plan.content,
  });
  await publish(repos, rehabPlanStartedV1, { ...parties(plan), templateId: template.id }, plan, context);
  return plan;
}

/** A new version of the plan, with who and why; the previous versions stay as they were. */
export async function changePlan(
  repos: Repositories,
  actor: Actor,
  plan: Plan,
  change: PlanChange,
  context: Context,
): Promise<Plan> {
  const changed: Plan = {
    ...plan,
    version: plan.version + 1,
    content: changedContent(plan.content, change),
    updatedAt: context.now,
  };
  await repos.rehabilitation.updatePlan(changed);
  await repos.rehabilitation.addVersion({
    planId: plan.id,
    version: changed.version,
    changedAt: context.now,
    changedBy: actor.id,
    changedByRole: actor.role,
    reason: change.reason,
    content: changed.content,
  });
  await publish(repos, rehabPlanChangedV1, { ...parties(plan), version: changed.version }, plan, context);
  return changed;
}

function checkVitals(vitals: Vitals): void {
  const impossible = impossibleVitals(vitals);
  if (impossible) throw rehabRules.impossibleVitals(impossible);
}

/**
 * Ends a session on a safety finding. Red-flag symptoms go to triage, whose emergency disposition
 * means 103/112; every stop is queued for the clinician's review and told to them (the consumer).
 */
async function stop(
  repos: Repositories,
  plan: Plan,
  session: Session,
  findings: Finding[],
  symptoms: Symptom[],
  context: Context,
): Promise<Session> {
  const redFlags = redFlagsAmong(symptoms);
  let disposition: string | null = null;
  if (redFlags.length) {
    const { triage } = await loadTriage();
    disposition = triage(
      {
        age: plan.content.intensityInput.age,
        complaint: '',
        symptoms: [...thresholds[plan.condition].triageContext, ...redFlags].map((code) => ({ code })),
      },
      'ru',
    ).disposition;
  }
  const stopped: Session = {
    ...session,
    status: 'stopped',
    endedAt: context.now,
    stop: { findings, emergency: disposition?.startsWith('emergency') ?? false, disposition },
  };
  await repos.rehabilitation.saveSession(stopped, false);
  const reasons = [...new Set(findings.map((f) => f.reason))];
  await review(
    repos,
    plan,
    'safety_stop',
    { sessionId: session.id, reasons, emergency: stopped.stop?.emergency },
    context.now,
  );
  await publish(
    repos,
    rehabSessionStoppedV1,
    { ...parties(plan), sessionId: session.id, reasons, emergency: stopped.stop?.emergency ?? false },
    plan,
    context,
  );
  return stopped;
}

/** A session at home begins with the checks at rest; a finding stops it before the first exercise. */
export async function startSession(
  repos: Repositories,
  plan: Plan,
  preCheck: Vitals & { symptoms: Symptom[] },
  context: Context,
): Promise<Session> {
  checkVitals(preCheck);
  const week = checkSessionAllowed(plan.content, context.now);
  if (await repos.rehabilitation.openSessionOf(plan.id)) throw rehabRules.sessionOpen();
  const session: Session = {
    id: crypto.randomUUID(),
    planId: plan.id,
    patientId: plan.patientId,
    week,
    startedAt: context.now,
    endedAt: null,
    status: 'in_progress',
    preCheck,
    readings: [],
    log: null,
    stop: null,
  };
  await repos.rehabilitation.saveSession(session, true);
  const findings = checkBeforeSession(plan.condition, preCheck, preCheck.symptoms);
  return findings.length ? stop(repos, plan, session, findings, preCheck.symptoms, context) : session;
}

async function openSession(repos: Repositories, plan: Plan): Promise<Session> {
  const session = await repos.rehabilitation.openSessionOf(plan.id);
  if (!session) throw rehabRules.noSession();
  return session;
}

/**
 * The session with the device readings measured since it started (or since those already taken),
 * received through the readings pipeline from any source, and what they crossed.
 */
async function withDeviceReadings(repos: Repositories, plan: Plan, session: Session, now: number) {
  const taken = session.readings.filter((r) => r.fromDevice).map((r) => r.at);
  const since = Math.max(session.startedAt, ...taken.map((at) => at + 1));
  const vitals = await vitalsDuring(repos, plan.patientId, since, now + 1);
  const readings: SessionReading[] = vitals.map(({ measuredAt, ...values }) => ({
    ...values,
    at: measuredAt,
    fromDevice: true,
    symptoms: [],
  }));
  return { session: { ...session, readings: [...session.readings, ...readings] }, readings };
}

const zoneTopOf = (plan: Plan) => plan.content.intensity.heartRate?.to ?? null;

/**
 * Readings during the session: the app's, and the devices' through the readings pipeline, judged
 * at each step of the session against the thresholds.
 */
export async function addReadings(
  repos: Repositories,
  plan: Plan,
  readings: Omit<SessionReading, 'at'>[],
  context: Context,
): Promise<Session> {
  for (const reading of readings) checkVitals(reading);
  const open = await withDeviceReadings(repos, plan, await openSession(repos, plan), context.now);
  const entered = readings.map((r) => ({ ...r, at: context.now }));
  const updated: Session = { ...open.session, readings: [...open.session.readings, ...entered] };
  const judged = [...open.readings, ...entered];
  const findings = judged.flatMap((r) => checkDuringSession(plan.condition, r, r.symptoms, zoneTopOf(plan)));
  if (findings.length)
    return stop(
      repos,
      plan,
      updated,
      findings,
      judged.flatMap((r) => r.symptoms),
      context,
    );
  await repos.rehabilitation.saveSession(updated, false);
  return updated;
}

/** The patient logs what they did; the session counts towards the week's adherence. */
export async function completeSession(
  repos: Repositories,
  plan: Plan,
  log: SessionLog,
  context: Context,
): Promise<Session> {
  const open = await openSession(repos, plan);
  const planned = new Set(exercisesOfWeek(plan.content, open.week).map((e) => e.exerciseId));
  for (const done of log.exercises)
    if (!planned.has(done.exerciseId)) throw rehabRules.notInPlan(done.exerciseId);
  // A device reading that crossed a threshold while the patient exercised stops the session instead.
  const { session, readings } = await withDeviceReadings(repos, plan, open, context.now);
  const findings = readings.flatMap((r) => checkDuringSession(plan.condition, r, [], zoneTopOf(plan)));
  if (findings.length) return stop(repos, plan, session, findings, [], context);
  const completed: Session = { ...session, status: 'completed', endedAt: context.now, log };
  await repos.rehabilitation.saveSession(completed, false);
  await publish(
    repos,
    rehabSessionCompletedV1,
    { ...parties(plan), sessionId: session.id, week: session.week },
    plan,
    context,
  );
  return completed;
}

/** Scores a measure from its definition; a meaningful worsening puts the patient in the review queue. */
export async function recordMeasure(
  repos: Repositories,
  plan: Plan,
  measure: MeasureName,
  input: MeasureInput,
  recordedBy: Actor,
  context: Context,
) {
  const result = measures[measure].score(input);
  const previous = (await repos.rehabilitation.measuresOf(plan.id))
    .filter((r) => r.measure === measure)
    .at(-1);
  const isWorse = worsened(measure, previous?.result.score, result.score);
  const record = {
    id: crypto.randomUUID(),
    planId: plan.id,
    measure,
    measuredAt: context.now,
    result,
    recordedBy: recordedBy.id,
  };
  await repos.rehabilitation.addMeasure(record);
  if (isWorse) await review(repos, plan, 'worsening', { measure, measureId: record.id }, context.now);
  await publish(
    repos,
    rehabMeasureRecordedV1,
    { ...parties(plan), measureId: record.id, measure, worsened: isWorse },
    plan,
    context,
  );
  return { record, worsened: isWorse };
}

/** Judges each finished week of every active plan once; a drop nudges the patient and queues a review. */
export async function judgeAdherence(
  repos: Repositories,
  context: Context & { limit: number },
): Promise<number> {
  let dropped = 0;
  for (const plan of await repos.rehabilitation.activePlans(context.limit)) {
    const weeks = weeklyAdherence(
      plan.content,
      await repos.rehabilitation.sessionOutcomes(plan.id),
      context.now,
    );
    const judged = weeksToJudge(plan.content, weeks, plan.weeksJudged, context.now);
    if (judged.judged === plan.weeksJudged) continue;
    for (const week of judged.dropped) {
      await review(repos, plan, 'adherence_drop', { ...week }, context.now);
      await publish(repos, rehabAdherenceDroppedV1, { ...parties(plan), ...week }, plan, context);
      dropped += 1;
    }
    await repos.rehabilitation.updatePlan({ ...plan, weeksJudged: judged.judged });
  }
  return dropped;
}
