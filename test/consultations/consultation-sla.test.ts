import { describe, expect, it } from 'vitest';
import type { Contract } from '../../modules/consultations/domain/contract';
import { postMessage, reportOverdueAnswers } from '../../modules/consultations/use-cases';
import { clockedStore } from '../support/clocked-store';

/**
 * A store on a clock the test moves, with a contract answering within `responseHours` and the
 * patient's question posted at the start.
 */
async function questionAsked(responseHours: number) {
  const clock = { now: Date.UTC(2026, 11, 1, 9) };
  const { database, store } = clockedStore('sla', () => clock.now);
  const contract: Contract = {
    id: crypto.randomUUID(),
    clinicId: 'clinic-1',
    doctorId: 'doctor-1',
    patientId: 'patient-1',
    startsAt: clock.now - 86_400_000,
    endsAt: clock.now + 90 * 86_400_000,
    responseHours,
    rating: null,
    createdAt: clock.now,
  };
  const post = (role: 'patient' | 'doctor', body: string) =>
    store.transaction((r) =>
      postMessage(
        r,
        contract,
        { role, id: role === 'patient' ? 'patient-1' : 'doctor-1' },
        { body, attachments: [] },
        { now: clock.now, correlationId: 'c' },
      ),
    );
  await store.transaction((r) => r.consultations.createContract(contract));
  await post('patient', 'Вопрос');
  const reportOverdue = () =>
    store.transaction((r) => reportOverdueAnswers(r, { now: clock.now, correlationId: 'c', limit: 10 }));
  return { clock, database, store, contract, post, reportOverdue };
}

describe('the SLA watch of asynchronous consultations', () => {
  it('reports an unanswered message once its deadline passes, and only once', async () => {
    // Prepare: a contract answering within 24 h, a patient's question at t0
    const { clock, database, store, contract, reportOverdue } = await questionAsked(24);
    // Act
    clock.now += 23 * 3_600_000;
    const beforeDeadline = await reportOverdue();
    clock.now += 2 * 3_600_000;
    const afterDeadline = await reportOverdue();
    const nextMinute = await reportOverdue();
    // Assess
    expect([beforeDeadline, afterDeadline, nextMinute]).toEqual([0, 1, 0]);
    const events = await store.transaction((r) => r.outbox.pending(10));
    expect(events.map((e) => e.eventType)).toEqual([
      'consultation.message_posted.v1',
      'async_message.overdue.v1',
    ]);
    expect(JSON.parse(events[1]?.body ?? '{}').data).toMatchObject({
      contractId: contract.id,
      doctorId: 'doctor-1',
    });
    await database.close();
  });

  it('does not report a message the doctor answered in time', async () => {
    // Prepare: a contract answering within 1 h, answered after 30 minutes
    const { clock, database, post, reportOverdue } = await questionAsked(1);
    clock.now += 30 * 60_000;
    await post('doctor', 'Ответ');
    // Act
    clock.now += 5 * 3_600_000;
    const reported = await reportOverdue();
    // Assess
    expect(reported).toBe(0);
    await database.close();
  });
});
