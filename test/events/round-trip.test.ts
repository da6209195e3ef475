import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../events/envelope';
import { registry } from '../../events/registry';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const uuid = () => crypto.randomUUID();
const soon = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const appointment = () => ({
  appointmentId: uuid(),
  patientId: uuid(),
  doctorId: uuid(),
  clinicId: 'clinic-1',
  start: soon(24),
  end: soon(24.5),
  format: 'video',
  consultationType: 'informational',
});

/** A valid instance of every event type; a type added to the registry needs one here. */
const rehabPlan = () => ({ planId: uuid(), clinicId: 'clinic-1', patientId: uuid(), doctorId: uuid() });

const samples: Record<string, () => unknown> = {
  'patient.registered.v1': () => ({ patientId: uuid(), clinicId: 'clinic-1' }),
  'notification.requested.v1': () => ({
    recipientId: uuid(),
    template: 'appointment.reminder_24h',
    variables: {},
  }),
  'appointment.held.v1': appointment,
  'appointment.booked.v1': appointment,
  'appointment.cancelled.v1': () => ({ ...appointment(), late: false, cancelledBy: 'patient' }),
  'appointment.rescheduled.v1': () => ({
    ...appointment(),
    previousStart: soon(48),
    previousEnd: soon(48.5),
  }),
  'appointment.completed.v1': appointment,
  'appointment.no_show.v1': appointment,
  'appointment.reminder_due.v1': () => ({
    ...appointment(),
    kind: '1h',
    patientTimeZone: 'Asia/Novosibirsk',
  }),
  'payment.refund_refused.v1': () => ({
    paymentId: uuid(),
    appointmentId: uuid(),
    clinicId: 'clinic-1',
    amountRub: 1500,
    visitStart: soon(-24),
    refusals: 10,
  }),
  'consultation.message_posted.v1': () => ({
    contractId: uuid(),
    messageId: uuid(),
    clinicId: 'clinic-1',
    recipientId: uuid(),
    recipientRole: 'doctor',
  }),
  'async_message.overdue.v1': () => ({
    contractId: uuid(),
    messageId: uuid(),
    clinicId: 'clinic-1',
    doctorId: uuid(),
    dueAt: soon(-1),
  }),
  'teleconsultation.requested.v1': () => ({
    requestId: uuid(),
    centreId: 'centre-1',
    requesterClinicId: 'clinic-1',
    form: 'emergency',
    dueAt: soon(2),
    dutyConsultantId: uuid(),
  }),
  'teleconsultation.accepted.v1': () => ({
    requestId: uuid(),
    centreId: 'centre-1',
    requesterId: uuid(),
    dueAt: soon(24),
  }),
  'teleconsultation.info_requested.v1': () => ({
    requestId: uuid(),
    centreId: 'centre-1',
    requesterId: uuid(),
  }),
  'teleconsultation.concluded.v1': () => ({
    requestId: uuid(),
    centreId: 'centre-1',
    requesterId: uuid(),
    concludedAt: soon(0),
  }),
  'teleconsultation.declined.v1': () => ({ requestId: uuid(), centreId: 'centre-1', requesterId: uuid() }),
  'teleconsultation.overdue.v1': () => ({
    requestId: uuid(),
    centreId: 'centre-1',
    escalatedTo: 'head',
    headId: uuid(),
    dueAt: soon(-1),
  }),
  'teleconsultation.scheduled.v1': () => ({
    requestId: uuid(),
    centreId: 'centre-1',
    requesterId: uuid(),
    startsAt: soon(30),
    minutes: 30,
    requesterTimeZone: 'Europe/Moscow',
  }),
  'escalation.requested.v1': () => ({
    escalationId: uuid(),
    kind: 'teleconsultation',
    subjectId: uuid(),
    ladder: [uuid(), 'clinic_admin:centre-1'],
  }),
  'rehab.plan_started.v1': () => ({ ...rehabPlan(), templateId: 'knee_replacement_12w' }),
  'rehab.plan_changed.v1': () => ({ ...rehabPlan(), version: 2 }),
  'rehab.session_completed.v1': () => ({ ...rehabPlan(), sessionId: uuid(), week: 1 }),
  'rehab.session_stopped.v1': () => ({
    ...rehabPlan(),
    sessionId: uuid(),
    reasons: ['spo2_low'],
    emergency: false,
  }),
  'rehab.measure_recorded.v1': () => ({
    ...rehabPlan(),
    measureId: uuid(),
    measure: 'six_minute_walk',
    worsened: false,
  }),
  'rehab.adherence_dropped.v1': () => ({ ...rehabPlan(), week: 2, planned: 3, done: 1 }),
  'crisis.detected.v1': () => ({ triageId: uuid(), patientId: null }),
  'readings.recorded.v1': () => ({
    batchId: uuid(),
    source: 'api',
    series: [{ patientId: uuid(), clinicId: 'clinic-1', type: 'heart_rate', measuredAt: [Date.now()] }],
  }),
  'alert.raised.v1': () => ({
    alertId: uuid(),
    patientId: uuid(),
    clinicId: 'clinic-1',
    type: 'blood_pressure',
    rule: 'sustained',
  }),
};

describe('every event type of the registry, through the real queue to the consumers that accept it', () => {
  let cloud: TestCloud;
  const published = new Map<string, string>();
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    // Every type committed to the outbox as its producer would, then one relay run for all.
    const { store } = await getServices();
    await store.transaction(async (r) => {
      for (const { event: definition } of registry) {
        const sample = samples[definition.type];
        if (!sample) continue;
        const event = createEvent(definition, sample(), { correlationId: uuid(), tenant: 'clinic-1' });
        await r.outbox.add(definition.queue, event);
        published.set(definition.type, event.id);
      }
    });
    await cloud.fireTimer('outbox-relay');
  });
  afterAll(() => cloud.stop());

  it('has a sample of every type the registry routes', () => {
    expect(Object.keys(samples).sort()).toEqual(registry.map((route) => route.event.type).sort());
  });

  it.each(registry.map((route) => [route.event.type, route] as const))(
    'delivers %s from the outbox to each consumer named for it, which processes it once',
    async (type, route) => {
      // Prepare: the event committed to the outbox as its producer would
      const { store } = await getServices();
      const sample = samples[type];
      if (!sample) throw new Error(`no sample of ${type}`);
      const event = createEvent(route.event, sample(), { correlationId: uuid(), tenant: 'clinic-1' });
      await store.transaction((r) => r.outbox.add(route.event.queue, event));
      // Act
      await cloud.fireTimer('outbox-relay');
      const processed = await eventually(
        () =>
          store.database.transaction((t) => t.find('processed_events', { where: { event_id: event.id } })),
        (rows) => rows.length >= route.consumers.length,
      );
      // Assess
      expect(processed.map((row) => row.consumer).sort()).toEqual([...route.consumers].sort());
    },
  );
});
