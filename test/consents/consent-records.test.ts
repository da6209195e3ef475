import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careConsents, giveConsents } from '../support/consents';
import { registerDoctor } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** Consent records through the API: bad input refused by its own code, paper forms, the history. */
describe('consent records', () => {
  let cloud: TestCloud;
  let admin: string;
  let doctorId: string;
  const version = '2026-12-03';
  const register = async (token: string, phone: string) =>
    (await cloud.request('POST', '/v1/patients', { token, body: { fullName: 'Пациент Тестов', phone } })).body
      .id as string;
  const consentsOf = async (token: string, patientId: string) =>
    cloud.request('GET', `/v1/patients/${patientId}/consents`, { token });

  beforeAll(async () => {
    cloud = await startTestCloud();
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    ({ doctorId } = await registerDoctor(cloud, admin, 'therapist'));
  });
  afterAll(() => cloud.stop());

  it('shows every purpose’s current text in Russian or English, with its version and hash, without a token', async () => {
    // Act
    const ru = await cloud.request('GET', '/v1/consent-texts');
    const en = await cloud.request('GET', '/v1/consent-texts', { headers: { 'Accept-Language': 'en' } });
    // Assess
    expect(ru.status).toBe(200);
    expect(ru.body.items.map((t: { purpose: string }) => t.purpose)).toEqual([
      'personal_data',
      'health_data',
      'telemedicine',
      'sharing',
      'notifications',
    ]);
    expect(ru.body.items[0].text).toContain('152-ФЗ');
    expect(en.body.items[2].text).toContain('323-FZ');
    expect(en.body.items[0].sha256).not.toBe(ru.body.items[0].sha256);
    expect(ru.body.items[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an unknown version, an unknown purpose and a sharing consent without its recipient, and records nothing', async () => {
    // Prepare
    const patientId = await register(admin, '+79160005001');
    const patient = await cloud.token('patient', { subject: patientId });
    const give = (body: Record<string, unknown>) =>
      cloud.request('POST', `/v1/patients/${patientId}/consents`, { token: patient, body });
    // Act
    const unknownVersion = await give({ purpose: 'health_data', version: '1999-01-01' });
    const unknownPurpose = await give({ purpose: 'marketing', version });
    const noRecipient = await give({ purpose: 'sharing', version });
    const history = await consentsOf(patient, patientId);
    // Assess
    expect(unknownVersion.status).toBe(422);
    expect(unknownVersion.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownVersion.body.code).toBe('CONSENT_VERSION_UNKNOWN');
    expect(unknownPurpose.status).toBe(422);
    expect(unknownPurpose.body.code).toBe('CONSENT_PURPOSE_UNKNOWN');
    expect(noRecipient.body.code).toBe('CONSENT_RECIPIENT_REQUIRED');
    expect(history.body.items).toEqual([]);
  });

  it('answers a consent for another patient, and another clinic’s paper form, as if the patient did not exist', async () => {
    // Prepare
    const mine = await register(admin, '+79160005002');
    const theirs = await register(admin, '+79160005003');
    const patient = await cloud.token('patient', { subject: mine });
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2', subject: 'admin-2' });
    // Act
    const forAnother = await cloud.request('POST', `/v1/patients/${theirs}/consents`, {
      token: patient,
      body: { purpose: 'health_data', version },
    });
    const byOtherClinic = await cloud.request('POST', `/v1/patients/${mine}/consents`, {
      token: otherAdmin,
      body: { purpose: 'health_data', version, evidence: { formNumber: 'F-1' } },
    });
    const readAnother = await consentsOf(patient, theirs);
    // Assess
    expect(forAnother.status).toBe(404);
    expect(byOtherClinic.status).toBe(404);
    expect(readAnother.status).toBe(404);
    expect((await consentsOf(admin, theirs)).body.items).toEqual([]);
    expect((await consentsOf(admin, mine)).body.items).toEqual([]);
  });

  it('shows an app user’s consents, with their evidence, to no clinic’s staff until a clinic registers them', async () => {
    // Prepare: an app user who consented in the app and belongs to no clinic yet
    const appUser = crypto.randomUUID();
    await giveConsents(cloud, appUser);
    const doctor = await cloud.token('doctor', { tenant: 'clinic-2', subject: 'doctor-2' });
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2', subject: 'admin-2' });
    // Act
    const byDoctor = await consentsOf(doctor, appUser);
    const byAdmin = await consentsOf(otherAdmin, appUser);
    const byThemselves = await consentsOf(await cloud.token('patient', { subject: appUser }), appUser);
    // Assess
    expect(byDoctor.status).toBe(404);
    expect(byAdmin.status).toBe(404);
    expect(byThemselves.body.items).toHaveLength(careConsents.length);
  });

  it('refuses an asynchronous consultation without the consents, and opens it once the clinic records the signed forms', async () => {
    // Prepare
    const patientId = await register(admin, '+79160005004');
    const open = () =>
      cloud.request('POST', '/v1/consultations', {
        token: admin,
        body: {
          doctorId,
          patientId,
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      });
    const paper = (purpose: string, evidence?: Record<string, string>) =>
      cloud.request('POST', `/v1/patients/${patientId}/consents`, {
        token: admin,
        body: { purpose, version, ...(evidence ? { evidence } : {}) },
      });
    // Act
    const refused = await open();
    const noForm = await paper('personal_data');
    const recorded = [];
    for (const [i, purpose] of careConsents.entries())
      recorded.push(await paper(purpose, { formNumber: `F-${i}` }));
    const opened = await open();
    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED', missingPurposes: [...careConsents] });
    expect(noForm.body.code).toBe('CONSENT_EVIDENCE_REQUIRED');
    expect(recorded.map((r) => [r.status, r.body.channel, r.body.evidence.formNumber])).toEqual([
      [201, 'clinic', 'F-0'],
      [201, 'clinic', 'F-1'],
      [201, 'clinic', 'F-2'],
    ]);
    expect(opened.status).toBe(201);
  });

  it('records a sharing consent for the recipient it names, and withdraws it for that recipient only', async () => {
    // Prepare
    const patientId = await register(admin, '+79160005006');
    const patient = await cloud.token('patient', { subject: patientId });
    const share = (recipient: string) =>
      cloud.request('POST', `/v1/patients/${patientId}/consents`, {
        token: patient,
        body: { purpose: 'sharing', version, recipient },
      });
    // Act
    await share('centre:centre-onco');
    await share('insurer:insurer-1');
    const withdrawn = await cloud.request('POST', `/v1/patients/${patientId}/consent-withdrawals`, {
      token: patient,
      body: { purpose: 'sharing', recipient: 'insurer:insurer-1' },
    });
    const history = await consentsOf(patient, patientId);
    // Assess
    expect(withdrawn.status).toBe(201);
    expect(
      history.body.items.map((r: { recipient: string; action: string }) => `${r.recipient}:${r.action}`),
    ).toEqual(['centre:centre-onco:given', 'insurer:insurer-1:given', 'insurer:insurer-1:withdrawn']);
  });

  it('keeps the history append-only: a withdrawal is a new record, and giving again what stands records nothing new', async () => {
    // Prepare
    const patientId = await register(admin, '+79160005005');
    const patient = await cloud.token('patient', { subject: patientId });
    await giveConsents(cloud, patientId, ['health_data']);
    // Act
    const again = await cloud.request('POST', `/v1/patients/${patientId}/consents`, {
      token: patient,
      body: { purpose: 'health_data', version },
    });
    const withdrawn = await cloud.request('POST', `/v1/patients/${patientId}/consent-withdrawals`, {
      token: patient,
      body: { purpose: 'health_data' },
      headers: { 'Accept-Language': 'en' },
    });
    const twice = await cloud.request('POST', `/v1/patients/${patientId}/consent-withdrawals`, {
      token: patient,
      body: { purpose: 'health_data' },
    });
    const history = await consentsOf(admin, patientId);
    // Assess
    expect(again.status).toBe(200);
    expect(withdrawn.body.effects.kept.join(' ')).toContain('Medical records');
    expect(twice.body.code).toBe('CONSENT_NOT_GIVEN');
    expect(history.body.items.map((r: { action: string }) => r.action)).toEqual(['given', 'withdrawn']);
  });
});
