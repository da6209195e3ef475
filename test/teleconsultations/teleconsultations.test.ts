import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { giveConsents } from '../support/consents';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * Doctor-to-doctor teleconsultations through the local gateway: a regional clinic (clinic-r) asks
 * an oncology centre (centre-onco, in Vladivostok's zone) about its patient. The centre's access
 * period after a case closes is held in access.test.ts, on the rule's own clock.
 */
describe('teleconsultations through the local gateway', () => {
  let cloud: TestCloud;
  const t = {} as Record<
    | 'requester'
    | 'colleague'
    | 'clinicAdmin'
    | 'otherDoctor'
    | 'coordinator'
    | 'consultant1'
    | 'consultant2'
    | 'unassigned'
    | 'otherCoordinator'
    | 'insurer'
    | 'hr'
    | 'patient',
    string
  >;
  let patientId: string;
  let patientOfB: string;
  const consent = { given: true, obtainedAt: new Date().toISOString() };

  const call = (token: string, method: string, path: string, body?: unknown) =>
    cloud.request(method, path, { token, ...(body !== undefined ? { body } : {}) });
  const ask = (body: Record<string, unknown>) =>
    call(t.requester, 'POST', '/v1/teleconsultations', {
      centreId: 'centre-onco',
      patientId,
      form: 'planned',
      profile: 'oncology',
      question: 'Тактика лечения при подозрении на рецидив?',
      caseSummary: 'Пациентка 54 лет, КТ от 01.11: очаг 12 мм в S6.',
      consent,
      ...body,
    });
  const myRequests = async () => (await call(t.requester, 'GET', '/v1/teleconsultations')).body.items.length;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const token = (role: 'doctor' | 'clinic_admin', tenant: string, subject: string) =>
      cloud.token(role, { tenant, subject });
    Object.assign(t, {
      requester: await token('doctor', 'clinic-r', 'doctor-r1'),
      colleague: await token('doctor', 'clinic-r', 'doctor-r2'),
      clinicAdmin: await token('clinic_admin', 'clinic-r', 'admin-r'),
      otherDoctor: await token('doctor', 'clinic-b', 'doctor-b1'),
      coordinator: await token('clinic_admin', 'centre-onco', 'coordinator-1'),
      consultant1: await token('doctor', 'centre-onco', 'onco-1'),
      consultant2: await token('doctor', 'centre-onco', 'onco-2'),
      unassigned: await token('doctor', 'centre-onco', 'onco-3'),
      otherCoordinator: await token('clinic_admin', 'centre-cardio', 'coordinator-c'),
      insurer: await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' }),
      hr: await cloud.token('hr', { tenant: 'employer-1', subject: 'hr-1' }),
    });
    const register = async (admin: string, phone: string) =>
      (
        await call(admin, 'POST', '/v1/patients', {
          fullName: 'Анна Смирнова',
          phone,
          birthDate: '1971-03-02',
        })
      ).body.id as string;
    patientId = await register(t.clinicAdmin, '+79160007001');
    await giveConsents(cloud, patientId, ['health_data']);
    patientOfB = await register(await token('clinic_admin', 'clinic-b', 'admin-b'), '+79160007002');
    t.patient = await cloud.token('patient', { subject: patientId });
    const centre = (coordinator: string, id: string, body: Record<string, unknown>) =>
      call(coordinator, 'PUT', `/v1/teleconsultation-centres/${id}`, body);
    const onco = await centre(t.coordinator, 'centre-onco', {
      name: 'НМИЦ онкологии',
      timeZone: 'Asia/Vladivostok',
      profiles: ['oncology', 'radiology'],
      consultants: [
        { id: 'onco-1', profiles: ['oncology'] },
        { id: 'onco-2', profiles: ['oncology', 'radiology'] },
        { id: 'onco-3', profiles: ['radiology'] },
      ],
      promises: { emergencyMinutes: 60, urgentHours: 12, plannedDays: 14 },
      headId: 'head-onco',
    });
    expect(onco.status).toBe(200);
    await centre(t.otherCoordinator, 'centre-cardio', {
      name: 'НМИЦ кардиологии',
      timeZone: 'Europe/Moscow',
      profiles: ['cardiology'],
    });
  }, 60_000);
  afterAll(() => cloud?.stop());

  describe('bad input: a clear code, and nothing stored', () => {
    it('refuses a request without the patient’s consent, or with consent not given', async () => {
      // Prepare
      const before = await myRequests();
      // Act
      const missing = await ask({ consent: undefined });
      const refused = await ask({ consent: { ...consent, given: false } });
      // Assess
      expect([missing.status, missing.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
      expect([refused.status, refused.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
      expect(await myRequests()).toBe(before);
    });

    it('refuses a request about a patient who has no recorded consent to health data processing', async () => {
      // Prepare: a patient of the same clinic who consented to nothing
      const before = await myRequests();
      const unconsenting = (
        await call(t.clinicAdmin, 'POST', '/v1/patients', { fullName: 'Без Согласия', phone: '+79160007003' })
      ).body.id;
      // Act
      const refused = await ask({ patientId: unconsenting });
      // Assess
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED', missingPurposes: ['health_data'] });
      expect(await myRequests()).toBe(before);
    });

    it('refuses a profile the centre does not consult in, and a centre that does not exist', async () => {
      // Prepare
      const before = await myRequests();
      // Act
      const profile = await ask({ profile: 'cardiology' });
      const centre = await ask({ centreId: 'centre-nowhere' });
      // Assess
      expect([profile.status, profile.body.code]).toEqual([422, 'UNKNOWN_PROFILE']);
      expect([centre.status, centre.body.code]).toEqual([404, 'CENTRE_NOT_FOUND']);
      expect(await myRequests()).toBe(before);
    });

    it('refuses another clinic’s patient as missing, and a centre promising beyond the order', async () => {
      // Prepare
      const before = await myRequests();
      // Act
      const foreign = await ask({ patientId: patientOfB });
      const slow = await call(t.otherCoordinator, 'PUT', '/v1/teleconsultation-centres/centre-cardio', {
        name: 'НМИЦ кардиологии',
        timeZone: 'Europe/Moscow',
        profiles: ['cardiology'],
        promises: { emergencyMinutes: 180, urgentHours: 24, plannedDays: 30 },
      });
      // Assess
      expect(foreign.status).toBe(404);
      expect([slow.status, slow.body.code]).toEqual([422, 'PROMISE_BEYOND_ORDER']);
      expect(await myRequests()).toBe(before);
    });
  });

  describe('documents', () => {
    let path: string;
    beforeAll(async () => {
      path = `/v1/teleconsultations/${(await ask({})).body.id}`;
      await call(t.coordinator, 'POST', `${path}/accept`, { consultantIds: ['onco-1'] });
    });
    const declare = (bytes: number, name = 'КТ.pdf') =>
      call(t.requester, 'POST', `${path}/documents`, { name, contentType: 'application/pdf', bytes });
    const put = (url: string, body: string) =>
      fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/pdf' }, body });

    it('refuses a document over the limit with DOCUMENT_TOO_LARGE, and stores nothing', async () => {
      // Act
      const refused = await declare(301 * 1024 * 1024);
      const listed = await call(t.requester, 'GET', `${path}/documents`);
      // Assess
      expect([refused.status, refused.body.code]).toEqual([422, 'DOCUMENT_TOO_LARGE']);
      expect(listed.body.items).toEqual([]);
    });

    it('offers the consilium a file stored as declared, and never one larger than declared', async () => {
      // Prepare
      const summary = await declare(64, 'выписка.pdf');
      const oversized = await declare(8, 'снимок.pdf');
      await put(summary.body.uploadUrl, '%PDF-1.4 выписка');
      await put(oversized.body.uploadUrl, '%PDF-1.4 much more than eight bytes');
      // Act
      const listed = await call(t.consultant1, 'GET', `${path}/documents`);
      const hidden = await call(t.unassigned, 'GET', `${path}/documents`);
      // Assess
      const byName = Object.fromEntries(
        listed.body.items.map((d: { name: string; state: string; url: string | null }) => [d.name, d]),
      );
      expect(byName['выписка.pdf']).toMatchObject({ state: 'stored' });
      expect(await (await fetch(byName['выписка.pdf'].url)).text()).toBe('%PDF-1.4 выписка');
      expect(byName['снимок.pdf']).toMatchObject({ state: 'refused', url: null });
      expect(hidden.status).toBe(404);
    });
  });

  describe('a study of many megabytes, uploaded in parts', () => {
    const mib = 1024 * 1024;
    let path: string;
    beforeAll(async () => {
      path = `/v1/teleconsultations/${(await ask({})).body.id}`;
    });

    it('gives a link per 8 MiB part, joins the parts the requester uploaded, and offers the DICOM file whole', async () => {
      // Prepare: 17 MiB in three parts, 8 + 8 + 1
      const study = Buffer.alloc(17 * mib, 7);
      const declared = await call(t.requester, 'POST', `${path}/documents`, {
        name: 'КТ грудной клетки.dcm',
        contentType: 'application/dicom',
        bytes: study.length,
      });
      const { uploadId, partBytes, parts } = declared.body.multipart;
      const etags = await Promise.all(
        parts.map(async ({ partNumber, url }: { partNumber: number; url: string }) => {
          const slice = study.subarray((partNumber - 1) * partBytes, partNumber * partBytes);
          const put = await fetch(url, { method: 'PUT', body: slice });
          return { partNumber, etag: put.headers.get('etag') as string };
        }),
      );
      // Act
      const wrong = await call(t.requester, 'POST', `${path}/documents/${declared.body.id}/completion`, {
        uploadId,
        parts: etags.map((p) => ({ ...p, etag: '"0000"' })),
      });
      const completed = await call(t.requester, 'POST', `${path}/documents/${declared.body.id}/completion`, {
        uploadId,
        parts: etags,
      });
      const listed = await call(t.requester, 'GET', `${path}/documents`);
      // Assess
      expect(declared.body).toMatchObject({ uploadUrl: null, multipart: { partBytes: 8 * mib } });
      expect(parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1, 2, 3]);
      expect([wrong.status, wrong.body.code]).toEqual([422, 'UPLOAD_PARTS_REFUSED']);
      expect(completed.body).toEqual({ id: declared.body.id, state: 'stored' });
      const [document] = listed.body.items;
      const downloaded = Buffer.from(await (await fetch(document.url)).arrayBuffer());
      expect(downloaded.equals(study)).toBe(true);
    });

    it('lets nobody but the requester complete an upload, and no document of another request', async () => {
      // Prepare
      const declared = await call(t.requester, 'POST', `${path}/documents`, {
        name: 'МРТ.dcm',
        contentType: 'application/dicom',
        bytes: 9 * mib,
      });
      const completion = {
        uploadId: declared.body.multipart.uploadId,
        parts: [{ partNumber: 1, etag: '"x"' }],
      };
      const other = `/v1/teleconsultations/${(await ask({})).body.id}`;
      // Act
      const byAdmin = await call(
        t.clinicAdmin,
        'POST',
        `${path}/documents/${declared.body.id}/completion`,
        completion,
      );
      const byCentre = await call(
        t.consultant1,
        'POST',
        `${path}/documents/${declared.body.id}/completion`,
        completion,
      );
      const elsewhere = await call(
        t.requester,
        'POST',
        `${other}/documents/${declared.body.id}/completion`,
        completion,
      );
      // Assess
      expect(byAdmin.status).toBe(403);
      expect(byCentre.status).toBe(404);
      expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    });
  });

  describe('access', () => {
    let path: string;
    beforeAll(async () => {
      const asked = await ask({});
      path = `/v1/teleconsultations/${asked.body.id}`;
      await call(t.coordinator, 'POST', `${path}/accept`, { consultantIds: ['onco-1'] });
    });

    it('shows the case to the requester, their clinic’s admin, the coordinator and the assigned consultant', async () => {
      // Act
      const answers = await Promise.all(
        [t.requester, t.clinicAdmin, t.coordinator, t.consultant1].map((token) => call(token, 'GET', path)),
      );
      // Assess
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(answers[3]?.body.question).toContain('рецидив');
    });

    it('hides it as missing from another centre, another clinic, a colleague and an unassigned consultant', async () => {
      // Act
      const answers = await Promise.all(
        [t.otherCoordinator, t.otherDoctor, t.colleague, t.unassigned, t.consultant2].map((token) =>
          call(token, 'GET', path),
        ),
      );
      // Assess
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
    });

    it('never lets a sponsor or the patient read the case', async () => {
      // Act
      const answers = await Promise.all(
        [t.insurer, t.hr, t.patient].map((token) => call(token, 'GET', path)),
      );
      // Assess
      expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    });

    it('lets only the centre act on the case: the requester’s clinic cannot accept or conclude it', async () => {
      // Act
      const decline = await call(t.clinicAdmin, 'POST', `${path}/decline`, { reason: 'нет' });
      const conclude = await call(t.requester, 'POST', `${path}/conclusion`, {
        findings: 'x',
        answer: 'y',
        recommendations: 'z',
        transferAdvised: false,
      });
      // Assess
      expect(decline.status).toBe(403);
      expect(conclude.status).toBe(403);
    });

    it('records every read of the case for the patient’s clinic', async () => {
      // Prepare
      await call(t.consultant1, 'GET', path);
      // Act
      const log = await call(t.clinicAdmin, 'GET', `/v1/audit-events?resourceId=${path.split('/').pop()}`);
      // Assess
      const reads = log.body.items.filter((e: { action: string }) => e.action === 'read');
      expect(reads.map((e: { actor: string }) => e.actor)).toContain('onco-1');
    });
  });

  it('an emergency: paged to the duty consultant, accepted by them at once, concluded within its deadline', async () => {
    // Prepare: onco-2 on duty for oncology now
    const now = Date.now();
    const shift = await call(t.coordinator, 'POST', '/v1/teleconsultation-centres/centre-onco/duty-shifts', {
      consultantId: 'onco-2',
      profile: 'oncology',
      start: new Date(now - 3_600_000).toISOString(),
      end: new Date(now + 8 * 3_600_000).toISOString(),
    });
    // Act
    const asked = await ask({ form: 'emergency', videoWanted: true });
    const path = `/v1/teleconsultations/${asked.body.id}`;
    const accepted = await call(t.consultant2, 'POST', `${path}/accept`, {});
    const concluded = await call(t.consultant2, 'POST', `${path}/conclusion`, {
      findings: 'Признаки кровотечения из опухоли.',
      answer: 'Показана экстренная эмболизация.',
      recommendations: 'Транспортировка в центр санавиацией.',
      transferAdvised: true,
    });
    // Assess
    expect(shift.status).toBe(201);
    expect(asked.status).toBe(201);
    expect(asked.body.dutyConsultantId).toBe('onco-2');
    expect(Date.parse(asked.body.dueAt) - Date.parse(asked.body.createdAt)).toBe(60 * 60_000);
    expect(accepted.body).toMatchObject({ status: 'accepted', consultantIds: ['onco-2'] });
    expect(concluded.status).toBe(201);
    expect(Date.parse(concluded.body.concludedAt)).toBeLessThan(Date.parse(asked.body.dueAt));
    expect(concluded.body.document).toMatchObject({ resourceType: 'Composition', status: 'final' });
  });

  it('a planned case: a consilium of two, more data asked for pausing the clock, a conclusion signed by both in the patient’s record', async () => {
    // Prepare
    const asked = await ask({});
    const path = `/v1/teleconsultations/${asked.body.id}`;
    await call(t.coordinator, 'POST', `${path}/accept`, { consultantIds: ['onco-1', 'onco-2'] });
    // Act
    const paused = await call(t.consultant2, 'POST', `${path}/info-requests`, {
      question: 'Пришлите гистологию.',
    });
    const resumed = await call(t.requester, 'POST', `${path}/info`, { answer: 'Аденокарцинома G2.' });
    const concluded = await call(t.consultant1, 'POST', `${path}/conclusion`, {
      findings: 'Рецидив подтверждён.',
      answer: 'Рекомендована химиотерапия второй линии.',
      recommendations: 'Контроль КТ через 3 месяца.',
      transferAdvised: false,
    });
    const partlySigned = await call(t.requester, 'GET', `${path}/conclusion`);
    const signatures = [
      await call(t.consultant1, 'POST', `${path}/conclusion/signatures`),
      await call(t.consultant2, 'POST', `${path}/conclusion/signatures`),
      await call(t.consultant2, 'POST', `${path}/conclusion/signatures`),
    ];
    const forRequester = await call(t.requester, 'GET', `${path}/conclusion`);
    const forPatient = await call(t.patient, 'GET', `${path}/conclusion`);
    // Assess: 14 calendar days in Vladivostok, to the end of the last day there
    const endOfDay14 = DateTime.fromISO(asked.body.createdAt, { zone: 'Asia/Vladivostok' })
      .startOf('day')
      .plus({ days: 15 });
    expect(Date.parse(asked.body.dueAt)).toBe(endOfDay14.toMillis());
    expect(paused.body).toMatchObject({ status: 'info_requested', clockPaused: true, dueAt: null });
    expect(paused.body.remainingMinutes).toBeGreaterThan(13 * 24 * 60);
    expect(resumed.body).toMatchObject({ status: 'accepted', clockPaused: false });
    expect(Date.parse(resumed.body.dueAt)).toBeGreaterThanOrEqual(Date.parse(asked.body.dueAt) - 60_000);
    expect(concluded.body.consultantIds).toEqual(['onco-1', 'onco-2']);
    expect(partlySigned.body.fullySigned).toBe(false);
    expect(signatures.map((a) => a.status)).toEqual([201, 201, 409]);
    expect(signatures[2]?.body.code).toBe('ALREADY_SIGNED');
    expect(forRequester.status).toBe(200);
    expect(forRequester.body.fullySigned).toBe(true);
    expect(
      forRequester.body.signatures.map((s: { signerId: string; valid: boolean }) => [s.signerId, s.valid]),
    ).toEqual([
      ['onco-1', true],
      ['onco-2', true],
    ]);
    expect(forPatient.status).toBe(200);
    expect(forPatient.body.document).toMatchObject({
      resourceType: 'Composition',
      subject: { reference: `Patient/${patientId}` },
      author: [{ reference: 'Practitioner/onco-1' }, { reference: 'Practitioner/onco-2' }],
    });
  });

  it('gives the centre its month in counts and times, without a patient, and only to its own coordinators', async () => {
    // Act
    const month = await call(t.coordinator, 'GET', '/v1/teleconsultation-centres/centre-onco/stats');
    const other = await call(t.otherCoordinator, 'GET', '/v1/teleconsultation-centres/centre-onco/stats');
    // Assess
    const emergency = month.body.groups.find((g: { form: string }) => g.form === 'emergency');
    expect(month.status).toBe(200);
    expect(emergency).toMatchObject({
      profile: 'oncology',
      requesterClinicId: 'clinic-r',
      concluded: 1,
      shareInTime: 1,
    });
    expect(JSON.stringify(month.body)).not.toContain(patientId);
    expect(other.status).toBe(404);
  });

  it('an overdue request: the watch tells the coordinators, then the head, once each', async () => {
    // Prepare: an urgent request whose deadline passed two hours ago (the head is told an hour after)
    const asked = await ask({ form: 'urgent' });
    const { store } = await getServices();
    await store.transaction(async (r) => {
      const request = await r.teleconsultations.request(asked.body.id);
      if (request) await r.teleconsultations.saveRequest({ ...request, dueAt: Date.now() - 2 * 3_600_000 });
    });
    // Act
    await cloud.fireTimer('teleconsultation-watch');
    await cloud.fireTimer('teleconsultation-watch');
    await cloud.fireTimer('teleconsultation-watch');
    // Assess
    const events = await store.transaction((r) => r.outbox.pending(500));
    const overdue = events
      .filter((e) => e.eventType === 'teleconsultation.overdue.v1')
      .map((e) => JSON.parse(e.body).data)
      .filter((d) => d.requestId === asked.body.id);
    expect(overdue.map((d) => [d.escalatedTo, d.headId])).toEqual([
      ['coordinators', 'head-onco'],
      ['head', 'head-onco'],
    ]);
  });
});
