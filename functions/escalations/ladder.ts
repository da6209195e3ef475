import type { Escalation } from '../../storage/repositories/escalations';
import type { Repositories } from '../../storage/unit-of-work';
import type { DeliveryContext } from '../notifications/deliver';
import { deliver } from '../notifications/deliver';

/**
 * Who is told at each level of a crisis escalation: the on-call clinician of the tenant,
 * then the clinic's admins. Addresses are groups whose contacts a clinic admin keeps
 * (PUT /v1/on-call/contacts).
 */
export function recipientAt(escalation: Escalation, level: number): string | undefined {
  return [`duty:${escalation.tenantId}`, `clinic_admin:${escalation.tenantId}`][level];
}

/** Notifies the level's recipient with a critical message (bypassing quiet hours) and records the step. */
export async function notifyLevel(
  repos: Repositories,
  escalation: Escalation,
  context: DeliveryContext & { slaMinutes: number },
): Promise<Escalation> {
  const recipientId = recipientAt(escalation, escalation.level) as string;
  const status = await deliver(
    repos,
    {
      recipientId,
      template: 'escalation.crisis',
      variables: { ref: escalation.id.slice(0, 8) },
      tenantId: escalation.tenantId,
      sourceEventId: escalation.id,
    },
    context,
  );
  await repos.escalations.recordStep(escalation.id, escalation.level, recipientId, status);
  const hasNext = recipientAt(escalation, escalation.level + 1) !== undefined;
  return { ...escalation, nextAt: hasNext ? context.now + context.slaMinutes * 60_000 : null };
}

/** Unacknowledged past the SLA: one level up. */
export async function escalateDue(repos: Repositories, context: DeliveryContext & { slaMinutes: number }) {
  const due = await repos.escalations.due(context.now, 100);
  for (const escalation of due) {
    const raised = await notifyLevel(repos, { ...escalation, level: escalation.level + 1 }, context);
    await repos.escalations.save(raised);
  }
  return due.length;
}
