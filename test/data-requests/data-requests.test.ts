import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { giveConsents } from '../support/consents';
import { minutesAgo } from '../support/readings';
import { registerDoctor } from '../support/sponsors';
import { describeAndAnswer, onboard, patientOf, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { zipEntries } from '../support/zip-entries';

const clinic = 'clinic-dr';
const iso = (at: number) => new Date(at).toISOString();

/**
 * A patient's rights over their data (152-FZ art. 14, 20, 21), through the running local cloud:
 * who touched their record, an export of everything held about them (and nothing of anyone
 * else's), and an erasure that removes what no law keeps and says what it kept and why.
 */
describe('data-subject requests, end to end', () => {
  let cloud: TestCloud;
  let admin: string;
  let doctor: string;
  let doctorId: string;
  /** Two patients of the clinic, each with readings, a written consultation and contacts. */
  const patients: { id: string; token: string; phone: string; question: string }[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    admin = await cloud.token('clinic_admin', { tenant: clinic, subject: 'admin-dr' });
    ({ doctorId } = await registerDoctor(cloud, admin, 'therapist'));
    doctor = await cloud.token('doctor', { tenant: clinic, subject: doctorId });
    for (const [n, question] of ['Кружится голова по утрам', 'Болит колено после бега'].entries()) {
      const phone = `+7916555000${n}`;
      const created = await cloud.request('POST', '/v1/patients', {
        token: admin,
        body: { fullName: `Пациент ${n}`, phone, medicalNotes: `заметка ${n}` },
      });
      const id = created.body.id as string;
      await giveConsents(cloud, id);
      const token = await cloud.token('patient', { subject: id });
      patients.push({ id, token, phone, question });
      await seedData(id, token, phone, question, n);
    }
  }, 120_000);
  afterAll(() => cloud?.stop());

  /** Readings, a consultation message with a file, and notification contacts for one patient. */
  async function seedData(id: string, token: string, phone: string, question: string, n: number) {
    const deviceId = `cuff-dr-${n}`;
    await cloud.request('POST', '/v1/devices', {
      token: admin,
      body: { deviceId, patientId: id, validFrom: '2000-01-01T00:00:00Z' },
    });
    await cloud.request('POST', '/v1/readings', {
      token,
      body: {
        deviceId,
        items: [1, 2, 3].map((m) => ({
          type: 'blood_pressure',
          measuredAt: minutesAgo(10 * m),
          systolic: 120 + n,
          diastolic: 80,
        })),
      },
    });
    const contract = await cloud.request('POST', '/v1/consultations', {
      token: admin,
      body: {
        doctorId,
        patientId: id,
        startsAt: iso(Date.now() - 3_600_000),
        endsAt: iso(Date.now() + 86_400_000),
      },
    });
    const path = `/v1/consultations/${contract.body.id}`;
    const upload = await cloud.request('POST', `${path}/attachments`, {
      token,
      body: { name: `scan-${n}.pdf`, contentType: 'application/pdf' },
    });
    await fetch(upload.body.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf' },
      body: `%PDF-1.4 scan of patient ${n}`,
    });
    await cloud.request('POST', `${path}/messages`, {
      token,
      body: {
        body: question,
        attachments: [{ key: upload.body.key, name: `scan-${n}.pdf`, contentType: 'application/pdf' }],
      },
    });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token,
      body: { phone, channels: ['sms'], timeZone: 'Europe/Moscow' },
    });
  }

  /** The clinic's doctor asks centre-dr about the patient; the centre accepts and concludes. */
  async function concludedTeleconsultation(patientId: string) {
    const coordinator = await cloud.token('clinic_admin', { tenant: 'centre-dr', subject: 'coordinator-dr' });
    const consultant = await cloud.token('doctor', { tenant: 'centre-dr', subject: 'consultant-dr' });
    await cloud.request('PUT', '/v1/teleconsultation-centres/centre-dr', {
      token: coordinator,
      body: {
        name: 'НМИЦ',
        timeZone: 'Europe/Moscow',
        profiles: ['cardiology'],
        consultants: [{ id: 'consultant-dr', profiles: ['cardiology'] }],
      },
    });
    const asked = await cloud.request('POST', '/v1/teleconsultations', {
      token: doctor,
      body: {
        centreId: 'centre-dr',
        patientId,
        form: 'planned',
        profile: 'cardiology',
        question: 'Тактика ведения?',
        caseSummary: 'Сводка по случаю.',
        consent: { given: true, obtainedAt: iso(Date.now() - 3_600_000) },
      },
    });
    const path = `/v1/teleconsultations/${asked.body.id}`;
    await cloud.request('POST', `${path}/accept`, {
      token: coordinator,
      body: { consultantIds: ['consultant-dr'] },
    });
    const concluded = await cloud.request('POST', `${path}/conclusion`, {
      token: consultant,
      body: {
        findings: 'Данные изучены.',
        answer: 'Тактика верна.',
        recommendations: 'Наблюдение.',
        transferAdvised: false,
      },
    });
    expect(concluded.status, JSON.stringify(concluded.body)).toBeLessThan(300);
  }

  /** Requests an export, runs the builder as its timer would, and downloads the zip. */
  async function exportOf(patientId: string, token: string) {
    const requested = await cloud.request('POST', `/v1/patients/${patientId}/exports`, { token });
    await cloud.fireTimer('data-exports');
    const ready = await cloud.request('GET', `/v1/patients/${patientId}/exports/${requested.body.id}`, {
      token,
    });
    const zip = Buffer.from(await (await fetch(ready.body.downloadUrl)).arrayBuffer());
    const entries = zipEntries(zip);
    const bundle = JSON.parse(String(entries.get('bundle.json')));
    return { requested, ready, entries, bundle };
  }

  const resourcesOf = (bundle: { entry: { resource: { resourceType: string } }[] }, type: string) =>
    bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type) as Record<string, unknown>[];

  it('lists the doctor’s read of the record in the patient’s language, naming no one', async () => {
    // Prepare
    const [me] = patients as [(typeof patients)[0]];
    await cloud.request('GET', `/v1/patients/${me.id}`, { token: doctor });
    // Act
    const ru = await cloud.request('GET', `/v1/patients/${me.id}/access-history`, { token: me.token });
    const en = await cloud.request('GET', `/v1/patients/${me.id}/access-history`, {
      token: me.token,
      headers: { 'Accept-Language': 'en' },
    });
    // Assess
    expect(ru.status).toBe(200);
    expect(ru.body.items[0]).toMatchObject({
      action: 'read',
      actorRole: 'doctor',
      clinicId: clinic,
      resourceType: 'patient',
      text: `Врач клиники ${clinic} прочитал вашу карту`,
    });
    expect(en.body.items[0].text).toBe(`A doctor of clinic ${clinic} read your record`);
    // The consultation, the readings and the registration are there too, and nobody is named
    const texts = ru.body.items.map((i: { text: string }) => i.text);
    expect(texts).toContain(`Администратор клиники ${clinic} создал вашу карту`);
    expect(texts).toContain('Вы создали ваши показания');
    const raw = JSON.stringify(ru.body);
    expect(raw).not.toContain(doctorId);
    expect(raw).not.toContain('admin-dr');
    expect(raw).not.toContain(patients[1]?.id);
  });

  it('exports the patient’s record, readings, messages and files, and nothing of the other patient', async () => {
    // Prepare: besides the seeded data, a national centre's conclusion on the patient's case
    const [me, other] = patients as [(typeof patients)[0], (typeof patients)[0]];
    await concludedTeleconsultation(me.id);
    await cloud.request('POST', `/v1/patients/${me.id}/observations`, {
      token: doctor,
      body: {
        items: [
          {
            code: '2345-7',
            display: 'Glucose',
            value: 5.1,
            unit: 'mmol/L',
            effectiveAt: iso(Date.now() - 60_000),
          },
        ],
      },
    });
    // Act
    const { requested, ready, entries, bundle } = await exportOf(me.id, me.token);
    // Assess: asked, built in the background, a link to the zip
    expect(requested).toMatchObject({ status: 202, body: { status: 'pending' } });
    expect(Date.parse(requested.body.dueAt)).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    expect(ready.body).toMatchObject({ status: 'ready', contents: { readings: { resources: 3 } } });
    expect(Date.parse(ready.body.linkExpiresAt)).toBeGreaterThan(Date.now());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(resourcesOf(bundle, 'Patient')).toEqual([
      expect.objectContaining({ id: me.id, telecom: [{ system: 'phone', value: me.phone }] }),
    ]);
    // Three readings and the lab result from the record
    expect(resourcesOf(bundle, 'Observation')).toHaveLength(4);
    expect(JSON.stringify(resourcesOf(bundle, 'Observation'))).toContain('2345-7');
    expect(resourcesOf(bundle, 'Communication').map((c) => c.payload)).toContainEqual([
      { contentString: me.question },
    ]);
    // The consultation's attachment, and the centre's conclusion as the record lists it
    expect(resourcesOf(bundle, 'DocumentReference')).toHaveLength(2);
    expect(JSON.stringify(resourcesOf(bundle, 'DocumentReference'))).toContain('scan-0.pdf');
    expect(resourcesOf(bundle, 'Basic').map((b) => b.code)).toContainEqual({ text: 'notification contacts' });
    expect(resourcesOf(bundle, 'ServiceRequest')).toEqual([
      expect.objectContaining({ reasonCode: [{ text: 'Тактика ведения?' }] }),
    ]);
    expect(resourcesOf(bundle, 'Composition')).toHaveLength(1);
    expect(String(entries.get('README.txt'))).toContain('readings: 3 / 0');
    const files = [...entries.keys()].filter((name) => name.startsWith('files/'));
    expect(files).toHaveLength(1);
    expect(String(entries.get(files[0] as string))).toBe('%PDF-1.4 scan of patient 0');
    // Nothing of the other patient, seeded alongside, anywhere in the zip
    const everything = [...entries.values()].map(String).join('\n');
    for (const theirs of [other.id, other.phone, other.question, 'scan of patient 1', 'заметка 1'])
      expect(everything).not.toContain(theirs);
  });

  it('refuses an export, its link and the history of another patient with NOT_YOUR_DATA, and a second export under way', async () => {
    // Prepare
    const [me, other] = patients as [(typeof patients)[0], (typeof patients)[0]];
    const mine = await cloud.request('POST', `/v1/patients/${me.id}/exports`, { token: me.token });
    const twice = await cloud.request('POST', `/v1/patients/${me.id}/exports`, { token: me.token });
    // Act
    const ask = await cloud.request('POST', `/v1/patients/${me.id}/exports`, { token: other.token });
    const link = await cloud.request('GET', `/v1/patients/${me.id}/exports/${mine.body.id}`, {
      token: other.token,
    });
    const viaOwnPath = await cloud.request('GET', `/v1/patients/${other.id}/exports/${mine.body.id}`, {
      token: other.token,
    });
    const history = await cloud.request('GET', `/v1/patients/${me.id}/access-history`, {
      token: other.token,
    });
    const byDoctor = await cloud.request('POST', `/v1/patients/${me.id}/exports`, { token: doctor });
    // Assess
    expect(twice).toMatchObject({ status: 409, body: { code: 'EXPORT_IN_PROGRESS' } });
    expect(ask).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_DATA' } });
    expect(link).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_DATA' } });
    expect(viaOwnPath).toMatchObject({ status: 404 });
    expect(history).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_DATA' } });
    expect(byDoctor.status).toBe(403);
  });

  it('erases the chatbot state and contacts, keeps the medical records, and says so', async () => {
    // Prepare: a Telegram user who consented, told the bot a complaint (a triage decision) and set contacts
    const user = telegramUser(cloud, 7_230_001);
    await onboard(user);
    await describeAndAnswer(user, 'болит горло');
    const { patientId } = await patientOf(user);
    const token = await cloud.token('patient', { subject: patientId });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token,
      body: { phone: '+79165550099', channels: ['sms'], timeZone: 'Europe/Moscow' },
    });
    const operator = await cloud.token('service');
    // Act: the patient asks; the operator finds it in the queue and erases
    const asked = await cloud.request('POST', `/v1/patients/${patientId}/erasure-requests`, { token });
    const queue = await cloud.request('GET', '/v1/erasure-requests', { token: operator });
    const decided = await cloud.request('POST', `/v1/erasure-requests/${asked.body.id}/decision`, {
      token: operator,
      body: { decision: 'erase' },
    });
    const again = await cloud.request('POST', `/v1/erasure-requests/${asked.body.id}/decision`, {
      token: operator,
      body: { decision: 'erase' },
    });
    const record = await cloud.request('GET', `/v1/patients/${patientId}/erasure-requests/${asked.body.id}`, {
      token,
    });
    const { bundle } = await exportOf(patientId, token);
    const { store } = await getServices();
    const left = await store.transaction(async (r) => ({
      link: await r.chatbot.linkOf(patientId),
      contact: await r.notificationContacts.get(patientId),
      consents: await r.chatbot.consents(String(user.userId)),
    }));
    // Assess: queued with its statutory deadline, decided once
    expect(asked).toMatchObject({ status: 202, body: { status: 'pending', erased: [], kept: [] } });
    expect(Date.parse(asked.body.dueAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ id: asked.body.id, patientId, status: 'pending', overdue: false }),
    );
    expect(decided).toMatchObject({ status: 200, body: { status: 'done', decidedBy: 'service' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'ERASURE_ALREADY_DECIDED' } });
    // The record the patient reads: what went, what stayed and on which law
    expect(record.body.erased).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: 'chatbot', count: expect.any(Number) }),
        expect.objectContaining({ section: 'notifications', count: expect.any(Number) }),
      ]),
    );
    expect(record.body.erased.every((e: { count: number }) => e.count > 0)).toBe(true);
    const triageKept = record.body.kept.find((k: { section: string }) => k.section === 'triage');
    expect(triageKept.basis).toContain('323-ФЗ');
    // Gone: the bot's link and dialogue, the contacts; kept: the consents and the triage decision
    expect(left.link).toBeUndefined();
    expect(left.contact).toBeUndefined();
    expect(left.consents).toHaveLength(1);
    expect(resourcesOf(bundle, 'QuestionnaireResponse')).toHaveLength(1);
    expect(resourcesOf(bundle, 'Basic')).toEqual([]);
    // The consent records are kept (modules/consents), so the export still shows them
    expect(
      resourcesOf(bundle, 'Consent').map((c) => (c as { category: { text: string }[] }).category[0]?.text),
    ).toEqual(['personal_data', 'health_data', 'telemedicine', 'notifications']);
  });

  it('takes a refusal only with its reason, which the patient then reads, and changes nothing without one', async () => {
    // Prepare: an erasure request of a clinic patient, in their clinic's queue
    const [me] = patients as [(typeof patients)[0]];
    const asked = await cloud.request('POST', `/v1/patients/${me.id}/erasure-requests`, { token: me.token });
    const decision = `/v1/erasure-requests/${asked.body.id}/decision`;
    const strangerAdmin = await cloud.token('clinic_admin', {
      tenant: 'clinic-other',
      subject: 'admin-other',
    });
    // Act
    const bare = await cloud.request('POST', decision, { token: admin, body: { decision: 'refuse' } });
    const foreign = await cloud.request('POST', decision, {
      token: strangerAdmin,
      body: { decision: 'refuse', reason: 'нет' },
    });
    const queue = await cloud.request('GET', '/v1/erasure-requests', { token: admin });
    const refused = await cloud.request('POST', decision, {
      token: admin,
      body: { decision: 'refuse', reason: 'Идёт проверка страховой компании по этому случаю' },
    });
    const record = await cloud.request('GET', `/v1/patients/${me.id}/erasure-requests/${asked.body.id}`, {
      token: me.token,
      headers: { 'Accept-Language': 'en' },
    });
    // Assess
    expect(bare).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(foreign.status).toBe(404);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(asked.body.id);
    expect(refused).toMatchObject({ status: 200, body: { status: 'refused', decidedBy: 'clinic_admin' } });
    expect(record.body).toMatchObject({
      status: 'refused',
      refusal: 'Идёт проверка страховой компании по этому случаю',
      erased: [],
      kept: [],
    });
  });
});
