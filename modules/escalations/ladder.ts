import { unaffiliated } from '../../platform/identity';
import type { Repositories } from '../../platform/store';
import type { DeliveryContext } from '../notifications';
import { deliver } from '../notifications';
import type { Escalation } from './repositories/escalations';
import { escalationsSettings } from './settings';

/**
 * Who is told at each level of an escalation. A crisis goes to the tenant's on-call
 * clinician, then the clinic's admins. A critical reading goes first to the patient's doctor
 * (the one who set their targets, when there is one), then on-call, then the admins. Group
 * addresses are reached through contacts a clinic admin keeps (PUT /v1/on-call/contacts).
 */
export async function ladderOf(repos: Repositories, escalation: Escalation): Promise<string[]> {
  const groups = [`duty:${escalation.tenantId}`, `clinic_admin:${escalation.tenantId}`];
  if (escalation.kind === 'crisis') return groups;
  const alert = await repos.readings.alerts.get(escalation.subjectId);
  const doctor = alert ? await repos.readings.alerts.targetsSetBy(alert.patientId) : undefined;
  return doctor ? [doctor, ...groups] : groups;
}

const templates: Record<Escalation['kind'], string> = {
  crisis: 'escalation.crisis',
  reading_alert: 'escalation.reading_alert',
};

/** Notifies the level's recipient with a critical message (bypassing quiet hours) and records the step. */
export async function notifyLevel(
  repos: Repositories,
  escalation: Escalation,
  context: DeliveryContext & { slaMinutes: number },
): Promise<Escalation> {
  const ladder = await ladderOf(repos, escalation);
  const recipientId = ladder[escalation.level] as string;
  const status = await deliver(
    repos,
    {
      recipientId,
      template: templates[escalation.kind],
      variables: { ref: escalation.id.slice(0, 8) },
      tenantId: escalation.tenantId,
      sourceEventId: escalation.id,
    },
    context,
  );
  await repos.escalations.recordStep(escalation.id, escalation.level, recipientId, status);
  const hasNext = escalation.level + 1 < ladder.length;
  return { ...escalation, nextAt: hasNext ? context.now + context.slaMinutes * 60_000 : null };
}

/**
 * Unacknowledged past the SLA: one level up. Re-read in its own transaction, so an
 * acknowledgement that just arrived wins and one failing send does not resend the others.
 */
export async function raiseOneLevel(
  repos: Repositories,
  id: string,
  context: DeliveryContext & { slaMinutes: number },
): Promise<boolean> {
  const escalation = await repos.escalations.get(id);
  if (
    !escalation ||
    escalation.acknowledgedAt !== null ||
    escalation.nextAt === null ||
    escalation.nextAt > context.now
  ) {
    return false;
  }
  await repos.escalations.save(
    await notifyLevel(repos, { ...escalation, level: escalation.level + 1 }, context),
  );
  return true;
}

/** Opens an escalation and tells its first level at once. */
export async function openEscalation(
  repos: Repositories,
  opening: Pick<Escalation, 'id' | 'kind' | 'subjectId' | 'tenantId'>,
  context: DeliveryContext & { slaMinutes: number },
): Promise<void> {
  const escalation: Escalation = {
    ...opening,
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
  };
  await repos.escalations.open(await notifyLevel(repos, escalation, context));
}

/** Acknowledging stops an escalation: whoever acknowledges has taken the patient on. */
export async function acknowledgeEscalation(repos: Repositories, id: string, by: string, now: number) {
  const escalation = await repos.escalations.get(id);
  if (!escalation || escalation.acknowledgedAt !== null) return escalation;
  const acknowledged = { ...escalation, acknowledgedAt: now, acknowledgedBy: by, nextAt: null };
  await repos.escalations.save(acknowledged);
  return acknowledged;
}
