import { createEvent } from '../../events/envelope';
import type { Repositories } from '../../platform/store';
import {
  type Attachment,
  answerDueAt,
  type Contract,
  consultationRules,
  isActive,
  isAttachmentOf,
  type Message,
} from './domain/contract';
import { asyncMessageOverdueV1, consultationMessagePostedV1 } from './events/consultation.v1';

/** A message to the other side of the contract; a patient's starts the doctor's answer clock. */
export async function postMessage(
  repos: Repositories,
  contract: Contract,
  author: { role: 'patient' | 'doctor'; id: string },
  content: { body: string; attachments: Attachment[] },
  context: { now: number; correlationId: string },
): Promise<Message> {
  if (!isActive(contract, context.now)) throw consultationRules.notActive();
  if (content.attachments.some((a) => !isAttachmentOf(contract.id, a.key))) {
    throw consultationRules.foreignAttachment();
  }
  if (author.role === 'doctor') await repos.consultations.markAnswered(contract.id);
  const message: Message = {
    id: crypto.randomUUID(),
    contractId: contract.id,
    sentAt: context.now,
    authorRole: author.role,
    authorId: author.id,
    body: content.body,
    attachments: content.attachments,
    answerDueAt: author.role === 'patient' ? answerDueAt(contract, context.now) : null,
  };
  await repos.consultations.addMessage(message);
  const recipient =
    author.role === 'patient'
      ? { recipientId: contract.doctorId, recipientRole: 'doctor' as const }
      : { recipientId: contract.patientId, recipientRole: 'patient' as const };
  const event = createEvent(
    consultationMessagePostedV1,
    { contractId: contract.id, messageId: message.id, clinicId: contract.clinicId, ...recipient },
    { correlationId: context.correlationId, tenant: contract.clinicId },
  );
  await repos.outbox.add(consultationMessagePostedV1.queue, event);
  return message;
}

export async function rateContract(
  repos: Repositories,
  contract: Contract,
  rating: { score: number; comment: string | null },
  now: number,
): Promise<void> {
  if (now < contract.endsAt) throw consultationRules.notEnded();
  if (contract.rating !== null) throw consultationRules.alreadyRated();
  await repos.consultations.rate(contract.id, rating.score, rating.comment);
}

/** Reports each answer past its deadline once, for the clinic admin; returns how many. */
export async function reportOverdueAnswers(
  repos: Repositories,
  context: { now: number; correlationId: string; limit: number },
): Promise<number> {
  const overdue = await repos.consultations.overdue(context.now, context.limit);
  for (const message of overdue) {
    const contract = await repos.consultations.getContract(message.contractId);
    if (!contract) continue;
    const event = createEvent(
      asyncMessageOverdueV1,
      {
        contractId: contract.id,
        messageId: message.id,
        clinicId: contract.clinicId,
        doctorId: contract.doctorId,
        dueAt: new Date(message.answerDueAt).toISOString(),
      },
      { correlationId: context.correlationId, tenant: contract.clinicId },
    );
    await repos.outbox.add(asyncMessageOverdueV1.queue, event);
    await repos.consultations.markOverdueReported(message);
  }
  return overdue.length;
}
