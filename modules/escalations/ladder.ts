import { unaffiliated } from '../../platform/identity';
import type { Repositories } from '../../platform/store';
import type { DeliveryContext } from '../notifications';
import { deliver, groupAddress } from '../notifications';
import { codeOf, type Escalation } from './repositories/escalations';
import { escalationsSettings } from './settings';

/**
 * Who is told at each level of an escalation. A crisis goes to the tenant's on-call
 * clinician, then the clinic's admins. A critical reading goes first to the patient's doctor
 * (the one who set their targets, when there is one), then on-call, then the admins. Group
 * addresses are reached through contacts a clinic admin keeps (PUT /v1/on-call/contacts). An
 * escalation asked for with a ladder of its own (an emergency teleconsultation: the consultants on
 * duty, then the centre's coordinators and head) goes up that one.
 */
export async function ladderOf(repos: Repositories, escalation: Escalation): Promise<string[]> {
  if (escalation.ladder?.length) return escalation.ladder;
  const groups = [
    groupAddress('duty', escalation.tenantId),
    groupAddress('clinic_admin', escalation.tenantId),
  ];
  if (escalation.kind === 'crisis') return groups;
  const alert = await repos.readings.alerts.get(escalation.subjectId);
  const doctor = alert ? await repos.readings.alerts.targetsSetBy(alert.patientId) : undefined;
  return doctor ? [doctor, ...groups] : groups;
}

const templates: Record<Escalation['kind'], string> = {
  crisis: 'escalation.crisis',
  reading_alert: 'escalation.reading_alert',
  teleconsultation: 'escalation.teleconsultation',
};

/** A message that reached nobody: no contact kept, or none on a channel the message may take. */
const unreached = new Set(['no_contact', 'undeliverable']);

type Context = DeliveryContext & { slaMinutes: number };

/**
 * Tells a level, from `level` on, with a critical message (bypassing quiet hours), each message
 * recorded as a step. A level with nobody to tell is not waited on: the next level is told at
 * once, and the duty clinic (CRISIS_DUTY_TENANT) joins, its on-call clinician told with every
 * step from then on. Whatever level it stops at, it is told again after the SLA until someone
 * acknowledges: past the last level, the last level again.
 */
export async function notifyFrom(
  repos: Repositories,
  escalation: Escalation,
  level: number,
  context: Context,
): Promise<Escalation> {
  const ladder = await ladderOf(repos, escalation);
  const last = ladder.length - 1;
  // The duty clinic answers for patients; a ladder given by whoever asked is theirs to staff.
  const dutyTenant = escalation.ladder ? undefined : escalationsSettings().CRISIS_DUTY_TENANT;
  let seq = await repos.escalations.nextSeq(escalation.id);
  let current: Escalation = { ...escalation, level: Math.min(level, last) };
  const told = new Set<string>();
  for (;;) {
    const recipients = [ladder[current.level] as string];
    if (current.dutyTenantId) recipients.push(groupAddress('duty', current.dutyTenantId));
    let reached = false;
    for (const recipientId of recipients) {
      if (told.has(recipientId)) continue;
      told.add(recipientId);
      const status = await deliver(
        repos,
        {
          recipientId,
          template: templates[current.kind],
          variables: { ref: codeOf(current.id) },
          tenantId: current.tenantId,
          sourceEventId: current.id,
        },
        context,
      );
      await repos.escalations.recordStep(current.id, {
        seq: seq++,
        level: current.level,
        recipientId,
        status,
      });
      if (!unreached.has(status)) reached = true;
    }
    if (reached) break;
    if (!current.dutyTenantId && dutyTenant && dutyTenant !== current.tenantId) {
      current = { ...current, dutyTenantId: dutyTenant };
      if (current.level === last) continue;
    }
    if (current.level === last) break;
    current = { ...current, level: current.level + 1 };
  }
  return { ...current, nextAt: context.now + context.slaMinutes * 60_000 };
}

/**
 * Unacknowledged past the SLA: one level up, or the last level again. Re-read in its own
 * transaction, so an acknowledgement that just arrived wins and one failing send does not
 * resend the others.
 */
export async function raiseOneLevel(repos: Repositories, id: string, context: Context): Promise<boolean> {
  const escalation = await repos.escalations.get(id);
  if (
    !escalation ||
    escalation.acknowledgedAt !== null ||
    escalation.nextAt === null ||
    escalation.nextAt > context.now
  ) {
    return false;
  }
  await repos.escalations.save(await notifyFrom(repos, escalation, escalation.level + 1, context));
  return true;
}

/** Opens an escalation and tells its first level at once. */
export async function openEscalation(
  repos: Repositories,
  opening: Pick<Escalation, 'id' | 'kind' | 'subjectId' | 'tenantId'> & { ladder?: string[] },
  context: Context,
): Promise<void> {
  const escalation: Escalation = {
    ...opening,
    ladder: opening.ladder ?? null,
    // Patients of no clinic are still somebody's to answer: the configured duty clinic's.
    tenantId:
      opening.tenantId === unaffiliated
        ? (escalationsSettings().CRISIS_DUTY_TENANT ?? unaffiliated)
        : opening.tenantId,
    level: 0,
    nextAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    createdAt: context.now,
    dutyTenantId: null,
  };
  await repos.escalations.open(await notifyFrom(repos, escalation, 0, context));
}

/** Acknowledging stops an escalation: whoever acknowledges has taken the patient on. */
export async function acknowledgeEscalation(repos: Repositories, id: string, by: string, now: number) {
  const escalation = await repos.escalations.get(id);
  if (!escalation || escalation.acknowledgedAt !== null) return escalation;
  const acknowledged = { ...escalation, acknowledgedAt: now, acknowledgedBy: by, nextAt: null };
  await repos.escalations.save(acknowledged);
  return acknowledged;
}
