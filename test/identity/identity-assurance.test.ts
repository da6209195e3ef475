import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAudience, devIssuer, devVerifiedClaims } from '../../local/dev-identity';
import { giveConsents } from '../support/consents';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { registerDoctor } from './support';

/** A SNILS with valid check digits that the local register stand-in does not hold. */
const unregisteredSnils = '55566677750';

describe('identity assurance and follow-up visits on the local cloud', () => {
  let cloud: TestCloud;
  let admin: string;
  let doctor: Awaited<ReturnType<typeof registerDoctor>>;

  const verifiedToken = (
    role: 'patient' | 'doctor',
    subject: string,
    claims: unknown = devVerifiedClaims(),
  ) =>
    cloud.identity.issue({
      role,
      subject,
      ...(role === 'doctor' ? { tenant: 'clinic-1' } : {}),
      verifiedClaims: claims,
    });
  const identity = (token: string) => cloud.request('GET', '/v1/me/identity', { token });
  const visitedInPerson = (patientId: string) =>
    cloud.request('POST', '/v1/in-person-visits', {
      token: admin,
      body: { patientId, visitedOn: '2026-10-01' },
    });
  const holdFollowUp = (token: string, of = doctor, kind = 'follow_up') =>
    cloud.request('POST', '/v1/holds', {
      token,
      body: { doctorId: of.doctorId, serviceId: of.serviceId, start: of.nextStart(), kind },
    });
  /** A patient of the app who has been to the clinic in person. */
  const visitedPatient = async () => {
    const patientId = crypto.randomUUID();
    expect((await visitedInPerson(patientId)).status).toBe(201);
    await giveConsents(cloud, patientId);
    return { patientId, token: await cloud.token('patient', { subject: patientId }) };
  };

  beforeAll(async () => {
    cloud = await startTestCloud();
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    doctor = await registerDoctor(cloud, admin);
    // The doctor signs in once through the provider: their verified SNILS is in the register
    const signedIn = await identity(await verifiedToken('doctor', doctor.doctorId));
    expect(signedIn.body).toMatchObject({ level: 'verified', register: { found: true } });
  });
  afterAll(() => cloud.stop());

  it('shows a patient without verified claims as unverified', async () => {
    // Prepare
    const token = await cloud.token('patient', { subject: crypto.randomUUID() });
    // Act
    const response = await identity(token);
    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ kind: 'patient', level: 'unverified', verification: null });
  });

  it('refuses a follow-up visit for an unverified patient and accepts it once a verified token has been seen', async () => {
    // Prepare
    const { patientId, token } = await visitedPatient();
    // Act
    const refused = await holdFollowUp(token);
    const verified = await identity(await verifiedToken('patient', patientId));
    const accepted = await holdFollowUp(token);
    // Assess: the plain token of the second hold carries no claims; the recorded verification counts
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'IDENTITY_NOT_VERIFIED', unverified: ['patient'] });
    expect(verified.body).toMatchObject({
      level: 'verified',
      verification: { issuer: devIssuer, trustFramework: 'ru_esia', assuranceLevel: 'confirmed' },
    });
    expect(verified.body.verification.claims).toEqual(['birthdate', 'family_name', 'given_name', 'snils']);
    expect(accepted.status).toBe(201);
    expect(accepted.body.consultationType).toBe('follow_up');
  });

  it('keeps a visit not asked for as a follow-up informational until both participants are identified', async () => {
    // Prepare: a patient who has been to the clinic in person, not yet verified
    const { patientId, token } = await visitedPatient();
    const unasked = (bearer: string) =>
      cloud.request('POST', '/v1/holds', {
        token: bearer,
        body: { doctorId: doctor.doctorId, serviceId: doctor.serviceId, start: doctor.nextStart() },
      });
    // Act
    const before = await unasked(token);
    await identity(await verifiedToken('patient', patientId));
    const after = await unasked(token);
    // Assess
    expect(before.status).toBe(201);
    expect(before.body.consultationType).toBe('informational');
    expect(after.status).toBe(201);
    expect(after.body.consultationType).toBe('follow_up');
  });

  it('verifies the patient with the very hold whose token first carries the claims', async () => {
    // Prepare
    const { patientId } = await visitedPatient();
    // Act
    const held = await holdFollowUp(await verifiedToken('patient', patientId));
    // Assess
    expect(held.status).toBe(201);
    expect(held.body.consultationType).toBe('follow_up');
  });

  it('keeps the first verification and no personal value of it', async () => {
    // Prepare
    const patientId = crypto.randomUUID();
    const first = await identity(await verifiedToken('patient', patientId));
    // Act
    const again = await identity(await verifiedToken('patient', patientId));
    // Assess
    expect(again.body.verification).toEqual(first.body.verification);
    const shown = JSON.stringify(again.body);
    for (const value of ['11223344595', 'Мария', 'Иванова', '1985-03-14']) expect(shown).not.toContain(value);
  });

  it('refuses a follow-up visit with a doctor the federal register does not hold', async () => {
    // Prepare: the doctor's verified SNILS is not in the register
    const outsider = await registerDoctor(cloud, admin);
    const signedIn = await identity(
      await verifiedToken('doctor', outsider.doctorId, devVerifiedClaims(unregisteredSnils)),
    );
    const { patientId, token } = await visitedPatient();
    // Act
    const refused = await holdFollowUp(await verifiedToken('patient', patientId), outsider);
    const withRegistered = await holdFollowUp(token);
    // Assess: the refused request still recorded the patient's verification
    expect(signedIn.body).toMatchObject({ level: 'unverified', register: { found: false, entryId: null } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'IDENTITY_NOT_VERIFIED', unverified: ['doctor'] });
    expect(withRegistered.status).toBe(201);
  });

  it('names both participants when neither is identified', async () => {
    // Prepare
    const unknownDoctor = await registerDoctor(cloud, admin);
    const { token } = await visitedPatient();
    // Act
    const refused = await holdFollowUp(token, unknownDoctor);
    // Assess
    expect(refused.body).toMatchObject({ code: 'IDENTITY_NOT_VERIFIED', unverified: ['patient', 'doctor'] });
  });

  it('refuses a follow-up without an in-person visit, and books an informational visit when asked', async () => {
    // Prepare
    const patientId = crypto.randomUUID();
    await giveConsents(cloud, patientId);
    const token = await verifiedToken('patient', patientId);
    // Act
    const followUp = await holdFollowUp(token);
    const informational = await holdFollowUp(token, doctor, 'informational');
    // Assess
    expect(followUp.status).toBe(422);
    expect(followUp.body.code).toBe('IN_PERSON_VISIT_REQUIRED');
    expect(informational.status).toBe(201);
    expect(informational.body.consultationType).toBe('informational');
  });

  it.each([
    ['a framework the operator does not trust', { trust_framework: 'self_asserted' }],
    ['an ESIA account that is not confirmed', { assurance_level: 'simplified' }],
    ['a verification dated in the future', { time: new Date(Date.now() + 3_600_000).toISOString() }],
  ])('does not verify a patient on %s', async (_, change) => {
    // Prepare
    const claims = devVerifiedClaims();
    const token = await verifiedToken('patient', crypto.randomUUID(), {
      ...claims,
      verification: { ...claims.verification, ...change },
    });
    // Act
    const response = await identity(token);
    // Assess
    expect(response.body).toMatchObject({ level: 'unverified', verification: null });
  });

  it('refuses a self-signed token carrying verified claims, and verifies nobody with it', async () => {
    // Prepare: the dev issuer's name and audience, but a key of the caller's own
    const patientId = crypto.randomUUID();
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 'patient', verified_claims: devVerifiedClaims() })
      .setProtectedHeader({ alg: 'ES256', kid: (await exportJWK(publicKey)).kid ?? 'mine' })
      .setSubject(patientId)
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    // Act
    const response = await identity(forged);
    const after = await identity(await cloud.token('patient', { subject: patientId }));
    // Assess
    expect(response.status).toBe(401);
    expect(after.body.level).toBe('unverified');
  });

  it('verifies a doctor the clinic admin looks up in the register by SNILS, without the doctor signing in', async () => {
    // Prepare
    const colleague = await registerDoctor(cloud, admin);
    const { patientId } = await visitedPatient();
    const check = (snils: string, token = admin) =>
      cloud.request('POST', `/v1/doctors/${colleague.doctorId}/register-checks`, { token, body: { snils } });
    // Act
    const otherClinic = await check('98765432183', await cloud.token('clinic_admin', { tenant: 'clinic-2' }));
    const misspelt = await check('98765432184');
    const absent = await check(unregisteredSnils);
    const found = await check('98765432183');
    const held = await holdFollowUp(await verifiedToken('patient', patientId), colleague);
    // Assess
    expect(otherClinic.status).toBe(404);
    expect([misspelt.status, misspelt.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(absent.body).toMatchObject({ kind: 'doctor', level: 'unverified', register: { found: false } });
    expect(found.body).toMatchObject({
      level: 'verified',
      register: { found: true, entryId: 'local-frmr-0002' },
    });
    expect(JSON.stringify(found.body)).not.toContain('98765432183');
    expect(held.status).toBe(201);
  });

  it('refuses the identity route to roles that are no party to a visit', async () => {
    // Act
    const response = await identity(await cloud.token('insurer', { tenant: 'insurer-1' }));
    // Assess
    expect(response.status).toBe(403);
  });
});
