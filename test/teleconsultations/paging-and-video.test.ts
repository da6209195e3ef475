import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { giveConsents } from '../support/consents';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * An emergency pages the centre's consultants on call through the escalations ladder, and the
 * doctors meet by video across zones: a cardiology centre in Novosibirsk (UTC+7), consultants
 * card-1 (on duty) and card-2 (backing them up), a requesting clinic in Moscow (UTC+3).
 */
describe('emergency paging and video sessions of teleconsultations', () => {
  let cloud: TestCloud;
  const t = {} as Record<'requester' | 'clinicAdmin' | 'coordinator' | 'card1' | 'card2', string>;
  let patientId: string;
  const phones = { card1: '+79130000001', card2: '+79130000002', requester: '+79160000003' };

  const call = (token: string, method: string, path: string, body?: unknown) =>
    cloud.request(method, path, { token, ...(body !== undefined ? { body } : {}) });
  const ask = (form: string, extra: Record<string, unknown> = {}) =>
    call(t.requester, 'POST', '/v1/teleconsultations', {
      centreId: 'centre-cardio',
      patientId,
      form,
      profile: 'cardiology',
      question: 'Показано ли экстренное стентирование?',
      caseSummary: 'Мужчина 58 лет, ОКС с подъёмом ST, 2 часа от начала боли.',
      consent: { given: true, obtainedAt: new Date().toISOString() },
      requesterTimeZone: 'Europe/Moscow',
      requesterRegion: 'RU-TVE',
      ...extra,
    });
  const smsTo = (phone: string, count: number) =>
    eventually(
      async () =>
        (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items.filter(
          (m: { address: string }) => m.address === phone,
        ) as { body: string }[],
      (found) => found.length >= count,
    );

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0', ESCALATION_SLA_MINUTES: '10' } });
    const token = (role: 'doctor' | 'clinic_admin', tenant: string, subject: string) =>
      cloud.token(role, { tenant, subject });
    Object.assign(t, {
      requester: await token('doctor', 'clinic-msk', 'doctor-msk'),
      clinicAdmin: await token('clinic_admin', 'clinic-msk', 'admin-msk'),
      coordinator: await token('clinic_admin', 'centre-cardio', 'coordinator-cardio'),
      card1: await token('doctor', 'centre-cardio', 'card-1'),
      card2: await token('doctor', 'centre-cardio', 'card-2'),
    });
    for (const [who, phone, timeZone] of [
      ['card1', phones.card1, 'Asia/Novosibirsk'],
      ['card2', phones.card2, 'Asia/Novosibirsk'],
      ['requester', phones.requester, 'Europe/Moscow'],
    ] as const)
      await call(t[who], 'PUT', '/v1/me/notification-settings', { phone, timeZone, channels: ['sms'] });
    patientId = (
      await call(t.clinicAdmin, 'POST', '/v1/patients', {
        fullName: 'Иван Петров',
        phone: '+79160007101',
        birthDate: '1968-05-04',
      })
    ).body.id;
    await giveConsents(cloud, patientId, ['health_data']);
    await call(t.coordinator, 'PUT', '/v1/teleconsultation-centres/centre-cardio', {
      name: 'НМИЦ кардиологии (Новосибирск)',
      timeZone: 'Asia/Novosibirsk',
      profiles: ['cardiology'],
      consultants: [
        { id: 'card-1', profiles: ['cardiology'] },
        { id: 'card-2', profiles: ['cardiology'] },
      ],
      promises: { emergencyMinutes: 120, urgentHours: 24, plannedDays: 30 },
      headId: 'head-cardio',
    });
    // card-1's shift started last: paged first; card-2, on since earlier, backs them up.
    const now = Date.now();
    for (const [consultantId, startedHoursAgo] of [
      ['card-2', 3],
      ['card-1', 1],
    ] as const)
      await call(t.coordinator, 'POST', '/v1/teleconsultation-centres/centre-cardio/duty-shifts', {
        consultantId,
        profile: 'cardiology',
        start: new Date(now - startedHoursAgo * 3_600_000).toISOString(),
        end: new Date(now + 8 * 3_600_000).toISOString(),
      });
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('an emergency: the duty consultant is paged, acknowledges, and concludes within the deadline; nobody else is woken', async () => {
    // Prepare
    const before = (await smsTo(phones.card2, 0)).length;
    // Act
    const asked = await ask('emergency');
    const path = `/v1/teleconsultations/${asked.body.id}`;
    await cloud.fireTimer('outbox-relay');
    const [page] = await smsTo(phones.card1, 1);
    const acknowledged = await call(t.card1, 'POST', `/v1/escalations/${asked.body.id}/ack`);
    const accepted = await call(t.card1, 'POST', `${path}/accept`, {});
    const concluded = await call(t.card1, 'POST', `${path}/conclusion`, {
      findings: 'ОКС с подъёмом ST, окклюзия ПНА по ЭКГ.',
      answer: 'Показано первичное ЧКВ в течение 120 минут.',
      recommendations: 'Транспортировка в ближайший ЧКВ-центр.',
      transferAdvised: true,
    });
    await later(11 * 60_000, () => cloud.fireTimer('escalation-watch'));
    // Assess
    expect(asked.body).toMatchObject({ dutyConsultantId: 'card-1', requesterTimeZone: 'Europe/Moscow' });
    expect(page?.body).toContain(`код ${String(asked.body.id).slice(0, 8)}`);
    expect(acknowledged.body).toMatchObject({ kind: 'teleconsultation', acknowledgedBy: 'card-1', level: 0 });
    expect(accepted.body).toMatchObject({ status: 'accepted', consultantIds: ['card-1'] });
    expect(Date.parse(concluded.body.concludedAt)).toBeLessThanOrEqual(Date.parse(asked.body.dueAt));
    expect((await smsTo(phones.card2, 0)).length).toBe(before);
  });

  it('an emergency nobody acknowledges goes to the next on call, who takes it, which stops the page', async () => {
    // Prepare
    const asked = await ask('emergency');
    const path = `/v1/teleconsultations/${asked.body.id}`;
    await cloud.fireTimer('outbox-relay');
    const toBackup = (await smsTo(phones.card2, 0)).length;
    // Act
    await later(11 * 60_000, () => cloud.fireTimer('escalation-watch'));
    const paged = await smsTo(phones.card2, toBackup + 1);
    const taken = await call(t.card2, 'POST', `${path}/accept`, {});
    await later(22 * 60_000, () => cloud.fireTimer('escalation-watch'));
    const escalation = await call(t.coordinator, 'GET', `/v1/escalations/${asked.body.id}`);
    const byCode = await call(t.card2, 'GET', `/v1/escalations/${String(asked.body.id).slice(0, 8)}/patient`);
    // Assess
    expect(paged.at(-1)?.body).toContain(`код ${String(asked.body.id).slice(0, 8)}`);
    expect(taken.body).toMatchObject({ status: 'accepted', consultantIds: ['card-2'] });
    expect(escalation.body).toMatchObject({ level: 1, acknowledgedBy: 'card-2' });
    // The page's code leads to the case under its own access rules, never to the patient directly.
    expect(byCode.body).toMatchObject({ patient: null, triage: null, alert: null });
    expect(
      escalation.body.steps.map((s: { level: number; recipientId: string }) => [s.level, s.recipientId]),
    ).toEqual([
      [0, 'card-1'],
      [1, 'card-2'],
    ]);
  });

  it('a video session across zones: one UTC instant, shown on Novosibirsk’s clock to the centre and on Moscow’s to the requester, who is told', async () => {
    // Prepare: tomorrow 19:00 in Novosibirsk is 15:00 in Moscow
    const asked = await ask('planned', { videoWanted: true });
    const path = `/v1/teleconsultations/${asked.body.id}`;
    await call(t.coordinator, 'POST', `${path}/accept`, { consultantIds: ['card-1'] });
    const start = DateTime.now().setZone('Asia/Novosibirsk').plus({ days: 1 }).set({
      hour: 19,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    // Act
    const scheduled = await call(t.card1, 'PUT', `${path}/video-session`, {
      start: start.toISO(),
      minutes: 45,
    });
    const seen = await call(t.requester, 'GET', path);
    await cloud.fireTimer('outbox-relay');
    const told = await eventually(
      async () => (await smsTo(phones.requester, 0)).filter((m) => m.body.includes('видеосеанс')),
      (found) => found.length === 1,
    );
    // Assess
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      startsAt: start.toUTC().toISO(),
      minutes: 45,
      centre: { timeZone: 'Asia/Novosibirsk', startsAt: start.toISO() },
      requester: { timeZone: 'Europe/Moscow', startsAt: start.setZone('Europe/Moscow').toISO() },
    });
    expect(scheduled.body.requester.startsAt).toMatch(/T15:00:00\.000\+03:00$/);
    expect(scheduled.body.link).toMatch(/^https:\/\/video\.telemed\.example\.ru\/room\//);
    expect(seen.body.videoSession).toEqual(scheduled.body);
    expect(told[0]?.body).toContain(
      `${start.setZone('Europe/Moscow').toFormat('d MMMM', { locale: 'ru' })}, 15:00`,
    );
  });

  it('refuses a session in the past, one asked for by the requester’s side, and one for a request not yet accepted', async () => {
    // Prepare
    const waiting = await ask('planned');
    const accepted = await ask('planned');
    await call(t.coordinator, 'POST', `/v1/teleconsultations/${accepted.body.id}/accept`, {
      consultantIds: ['card-1'],
    });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    // Act
    const past = await call(t.coordinator, 'PUT', `/v1/teleconsultations/${accepted.body.id}/video-session`, {
      start: new Date(Date.now() - 60_000).toISOString(),
    });
    const byRequester = await call(
      t.requester,
      'PUT',
      `/v1/teleconsultations/${accepted.body.id}/video-session`,
      { start: tomorrow },
    );
    const notYet = await call(
      t.coordinator,
      'PUT',
      `/v1/teleconsultations/${waiting.body.id}/video-session`,
      {
        start: tomorrow,
      },
    );
    const unchanged = await call(t.requester, 'GET', `/v1/teleconsultations/${accepted.body.id}`);
    // Assess
    expect([past.status, past.body.code]).toEqual([422, 'SESSION_IN_THE_PAST']);
    expect(byRequester.status).toBe(403);
    expect([notYet.status, notYet.body.code]).toEqual([409, 'TELECONSULTATION_STATE']);
    expect(unchanged.body.videoSession).toBeNull();
  });
});
