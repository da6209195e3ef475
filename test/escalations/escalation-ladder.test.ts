import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * Escalations a clinician can act on (issue 17, item 6) and on-call contacts no token can reach
 * (issue 19): through the running local cloud, from the crisis intake to the SMS captured for
 * each phone and the API the clinician answers with.
 */
describe('escalation ladder: codes a clinician resolves, levels nobody can be told at, repeats', () => {
  let cloud: TestCloud;
  const sla = 10 * 60_000;
  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', ESCALATION_SLA_MINUTES: '10', CRISIS_DUTY_TENANT: 'clinic-duty' },
    });
    const dutyAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-duty' });
    await cloud.request('PUT', '/v1/on-call/contacts', {
      token: dutyAdmin,
      body: {
        duty: { phone: '+79990002001', channels: ['sms'] },
        admins: { phone: '+79990002002', channels: ['sms'] },
      },
    });
  });
  afterAll(() => cloud.stop());

  const contacts = async (clinic: string, duty: string, admins: string) =>
    cloud.request('PUT', '/v1/on-call/contacts', {
      token: await cloud.token('clinic_admin', { tenant: clinic }),
      body: { duty: { phone: duty, channels: ['sms'] }, admins: { phone: admins, channels: ['sms'] } },
    });
  /** A patient of `clinic` who keeps a phone in their settings answers the intake on the crisis path. */
  const crisis = async (clinic: string, phone = '+79990002999') => {
    const patientId = crypto.randomUUID();
    const patient = await cloud.token('patient', { tenant: clinic, subject: patientId });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token: patient,
      body: { phone, channels: ['sms'] },
    });
    const intake = await cloud.request('POST', '/v1/triage/intake', {
      token: patient,
      body: { phq9: [1, 1, 0, 0, 0, 0, 0, 0, 3] },
    });
    await cloud.fireTimer('outbox-relay');
    return { patientId, triageId: intake.body.triageId as string };
  };
  const smsTo = (phone: string, count: number) =>
    eventually(
      async () =>
        (
          (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as { address: string; body: string }[]
        ).filter((m) => m.address === phone),
      (found) => found.length >= count,
    );
  const codeIn = (sms: { body: string } | undefined) => sms?.body.match(/код ([0-9a-f]{8})/)?.[1] ?? '-';

  it('keeps a clinic’s on-call contacts away from a token whose subject spells their key', async () => {
    // Prepare: clinic-31's on-call phone, and a token whose subject is `duty:clinic-31`
    await contacts('clinic-31', '+79990003101', '+79990003102');
    const spoof = await cloud.token('patient', { subject: 'duty:clinic-31' });
    // Act: it reads and then saves "its own" settings
    const read = await cloud.request('GET', '/v1/me/notification-settings', { token: spoof });
    const saved = await cloud.request('PUT', '/v1/me/notification-settings', {
      token: spoof,
      body: { phone: '+79990003199', channels: ['sms'] },
    });
    await crisis('clinic-31');
    const toOnCall = await smsTo('+79990003101', 1);
    // Assess: such a subject is no person's (a group's address), and the crisis still reaches the
    // clinic's phone only
    expect([read.status, read.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(saved.status).toBe(401);
    expect(toOnCall).toHaveLength(1);
    expect(await smsTo('+79990003199', 0)).toHaveLength(0);
  });

  it('resolves the code from the on-call SMS to the patient’s phone and the triage summary, and audits the read', async () => {
    // Prepare
    await contacts('clinic-32', '+79990003201', '+79990003202');
    const { patientId, triageId } = await crisis('clinic-32', '+79990003299');
    const code = codeIn((await smsTo('+79990003201', 1))[0]);
    const doctor = await cloud.token('doctor', { tenant: 'clinic-32', subject: 'doctor-32' });
    // Act
    const resolved = await cloud.request('GET', `/v1/escalations/${code}/patient`, { token: doctor });
    // Assess
    expect(resolved.status).toBe(200);
    expect(resolved.body.escalation).toMatchObject({ code, kind: 'crisis', level: 0, acknowledgedAt: null });
    expect(resolved.body.patient).toMatchObject({ id: patientId, phone: '+79990003299' });
    expect(resolved.body.triage).toMatchObject({
      id: triageId,
      kind: 'intake',
      phq9Item9: 3,
      crisisSeverity: expect.any(String),
      outcome: { phq9: 5 },
    });
    const { store } = await getServices();
    const audited = await store.database.transaction((t) =>
      t.find('audit_log', { where: { resource_id: resolved.body.escalation.id } }),
    );
    expect(audited).toEqual([
      expect.objectContaining({ actor: 'doctor-32', action: 'read', resource_type: 'escalation_patient' }),
    ]);
  });

  it('answers a code or id of another clinic’s escalation as if there were none', async () => {
    // Prepare
    await contacts('clinic-33', '+79990003301', '+79990003302');
    await crisis('clinic-33');
    const code = codeIn((await smsTo('+79990003301', 1))[0]);
    const stranger = await cloud.token('doctor', { tenant: 'clinic-34' });
    const patient = await cloud.token('patient', { tenant: 'clinic-33' });
    // Act
    const byCode = await cloud.request('GET', `/v1/escalations/${code}/patient`, { token: stranger });
    const asPatient = await cloud.request('GET', `/v1/escalations/${code}/patient`, { token: patient });
    // Assess
    expect(byCode.status).toBe(404);
    expect(asPatient.status).toBe(403);
  });

  it('with no on-call contact, tells the admins and the duty clinic’s on-call at once, whose clinician may then act', async () => {
    // Prepare: clinic-35 keeps its admins' phone only
    const { store } = await getServices();
    await store.transaction((r) =>
      r.groupContacts.save('clinic-35', 'clinic_admin', {
        phone: '+79990003502',
        email: null,
        telegramChatId: null,
        channels: ['sms'],
      }),
    );
    const dutyBefore = (await smsTo('+79990002001', 0)).length;
    // Act
    await crisis('clinic-35');
    const toAdmins = await smsTo('+79990003502', 1);
    const toDuty = await smsTo('+79990002001', dutyBefore + 1);
    const dutyDoctor = await cloud.token('doctor', { tenant: 'clinic-duty', subject: 'duty-doctor' });
    const seen = await cloud.request('GET', `/v1/escalations/${codeIn(toAdmins[0])}/patient`, {
      token: dutyDoctor,
    });
    // Assess: both told in the first minute, each step recorded
    expect(toAdmins).toHaveLength(1);
    expect(toDuty).toHaveLength(dutyBefore + 1);
    expect(seen.status).toBe(200);
    expect(seen.body.escalation.level).toBe(1);
    expect(seen.body.escalation.steps).toEqual([
      expect.objectContaining({ level: 0, recipientId: 'duty:clinic-35', status: 'no_contact' }),
      expect.objectContaining({ level: 1, recipientId: 'clinic_admin:clinic-35' }),
      expect.objectContaining({ level: 1, recipientId: 'duty:clinic-duty' }),
    ]);
  });

  it('past the last level tells the admins again after each SLA until someone acknowledges', async () => {
    // Prepare
    await contacts('clinic-36', '+79990003601', '+79990003602');
    await crisis('clinic-36');
    const code = codeIn((await smsTo('+79990003601', 1))[0]);
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-36', subject: 'admin-36' });
    // Act: three SLAs pass unacknowledged, then the admin acknowledges, then a fourth passes
    for (const n of [1, 2, 3]) await later(n * (sla + 60_000), () => cloud.fireTimer('escalation-watch'));
    const toAdmins = await smsTo('+79990003602', 3);
    const { body: found } = await cloud.request('GET', `/v1/escalations/${code}/patient`, { token: admin });
    const acknowledged = await cloud.request('POST', `/v1/escalations/${found.escalation.id}/ack`, {
      token: admin,
    });
    await later(4 * (sla + 60_000), () => cloud.fireTimer('escalation-watch'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Assess: on-call once, then the admins at each SLA, nothing after the acknowledgement
    expect(toAdmins).toHaveLength(3);
    expect(await smsTo('+79990003601', 0)).toHaveLength(1);
    expect(acknowledged.body).toMatchObject({ acknowledgedBy: 'admin-36', nextAt: null });
    expect(acknowledged.body.steps.map((s: { level: number }) => s.level)).toEqual([0, 1, 1, 1]);
    expect(await smsTo('+79990003602', 0)).toHaveLength(3);
  });
});
