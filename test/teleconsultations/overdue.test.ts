import { describe, expect, it } from 'vitest';
import {
  escalateOverdue,
  giveInfo,
  openRequest,
  requestInfo,
  saveCentre,
} from '../../modules/teleconsultations/use-cases';
import { clockedStore } from '../support/clocked-store';
// The module's tables and repositories, as its function's bundle registers them.
import '../../modules/teleconsultations/store';

const hour = 3_600_000;

/** A store on a clock the test moves, a centre promising an answer to urgent requests within 12 h, and one urgent request at t0. */
async function urgentRequestAsked() {
  const clock = { now: Date.UTC(2026, 11, 1, 9) };
  const { database, store } = clockedStore('teleconsult-overdue', () => clock.now);
  const context = () => ({ now: clock.now, correlationId: 'c' });
  await store.transaction((r) =>
    saveCentre(r, {
      id: 'centre-1',
      name: 'НМИЦ',
      timeZone: 'Europe/Moscow',
      profiles: ['oncology'],
      consultants: [{ id: 'onco-1', profiles: ['oncology'] }],
      promises: { emergencyMinutes: 60, urgentHours: 12, plannedDays: 30 },
      headId: 'head-1',
      updatedAt: clock.now,
    }),
  );
  const request = await store.transaction((r) =>
    openRequest(
      r,
      { id: 'doctor-1', clinicId: 'clinic-1' },
      {
        centreId: 'centre-1',
        patientId: 'patient-1',
        form: 'urgent',
        profile: 'oncology',
        question: 'Вопрос',
        caseSummary: 'Сводка',
        consent: { given: true, obtainedAt: new Date(clock.now).toISOString() },
        videoWanted: false,
        requesterTimeZone: 'Europe/Moscow',
      },
      context(),
    ),
  );
  const escalate = () =>
    store.transaction((r) => escalateOverdue(r, { ...context(), headAfterMs: hour, limit: 10 }));
  const overdueEvents = async () =>
    (await store.transaction((r) => r.outbox.pending(50)))
      .filter((e) => e.eventType === 'teleconsultation.overdue.v1')
      .map((e) => JSON.parse(e.body).data);
  return { clock, database, store, request, context, escalate, overdueEvents };
}

describe('the deadline watch of teleconsultations', () => {
  it('tells the coordinators before the head, even when the watch first runs past both times', async () => {
    // Prepare
    const { clock, database, escalate, overdueEvents } = await urgentRequestAsked();
    // Act
    clock.now += 20 * hour;
    const first = await escalate();
    const second = await escalate();
    // Assess
    expect([first, second]).toEqual([1, 1]);
    expect((await overdueEvents()).map((e) => e.escalatedTo)).toEqual(['coordinators', 'head']);
    await database.close();
  });

  it('escalates an open request past its deadline to the coordinators, then to the head, once each', async () => {
    // Prepare
    const { clock, database, escalate, overdueEvents } = await urgentRequestAsked();
    // Act
    clock.now += 11 * hour;
    const beforeDeadline = await escalate();
    clock.now += 1.5 * hour;
    const atDeadline = await escalate();
    const nextMinute = await escalate();
    clock.now += hour;
    const toHead = await escalate();
    const afterHead = await escalate();
    // Assess
    expect([beforeDeadline, atDeadline, nextMinute, toHead, afterHead]).toEqual([0, 1, 0, 1, 0]);
    expect((await overdueEvents()).map((e) => [e.escalatedTo, e.headId])).toEqual([
      ['coordinators', 'head-1'],
      ['head', 'head-1'],
    ]);
    await database.close();
  });

  it('does not run the clock while the centre waits for more data, and runs it on with the time that was left', async () => {
    // Prepare: at 4 h the centre asks for more data; the requester answers 20 h later
    const { clock, database, store, request, context, escalate } = await urgentRequestAsked();
    clock.now += 4 * hour;
    const paused = await store.transaction((r) =>
      requestInfo(r, request, 'onco-1', 'Гистология?', context()),
    );
    clock.now += 20 * hour;
    // Act
    const whilePaused = await escalate();
    const resumed = await store.transaction((r) => giveInfo(r, paused, 'Аденокарцинома', context()));
    clock.now += 7 * hour;
    const withinRest = await escalate();
    clock.now += 2 * hour;
    const pastRest = await escalate();
    // Assess: 8 of the 12 hours were left when the clock stopped
    expect(whilePaused).toBe(0);
    expect(resumed.dueAt).toBe(clock.now - 9 * hour + 8 * hour);
    expect([withinRest, pastRest]).toEqual([0, 1]);
    await database.close();
  });
});
