import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { invokeAsGateway } from '../support/invoke-later';
import { inDays, registerDoctor, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const day = 86_400_000;
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/**
 * Issue 22 item 6: an insurer's policy pays for rehabilitation courses; the insurer sees, per
 * month, how many began, ended and were completed, never who, how they did or what for; a count
 * under five is withheld. Through the running local cloud; the clock moved past the courses' end.
 */
describe('rehabilitation courses a sponsor pays for', () => {
  let cloud: TestCloud;
  let doctor: string;
  let insurer: string;
  let productId: string;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-rs', subject: 'admin-rs' });
    const { doctorId } = await registerDoctor(cloud, admin, 'therapist');
    doctor = await cloud.token('doctor', { tenant: 'clinic-rs', subject: doctorId });
    insurer = await cloud.token('insurer', { tenant: 'insurer-rs' });
    const product = await cloud.request('POST', '/v1/insurance-products', {
      token: insurer,
      body: { name: 'Реабилитация дома', consultationsPerYear: 5, specialties: ['therapist'] },
    });
    productId = product.body.id;
  }, 60_000);
  afterAll(() => cloud?.stop());

  /** A person who linked a policy of the product: their id, token and policy id. */
  const insuredPatient = async () => {
    const number = `R-${crypto.randomUUID().slice(0, 8)}`;
    const policy = await cloud.request('POST', '/v1/policies', {
      token: insurer,
      body: { productId, number, holderBirthDate: '1960-05-01', startsOn: today(), endsOn: inDays(300) },
    });
    const id = crypto.randomUUID();
    const token = await cloud.token('patient', { subject: id });
    await cloud.request('POST', '/v1/coverage', {
      token,
      body: { policy: { insurerId: 'insurer-rs', number, birthDate: '1960-05-01' } },
    });
    return { id, token, policyId: policy.body.id as string };
  };
  const startCourse = (patientId: string, policyId: string) =>
    cloud.request('POST', `/v1/patients/${patientId}/rehabilitation/plan`, {
      token: doctor,
      body: {
        templateId: 'knee_replacement_12w',
        startsOn: new Date().toISOString().slice(0, 10),
        weeks: 1,
        sessionsPerWeek: 1,
        intensity: { age: 66 },
        sponsor: { type: 'policy', policyId },
      },
    });

  it('counts courses begun, over and completed per month, withholds small groups, names nobody', async () => {
    // Prepare: six insured patients on one-week courses, five of whom do their one session
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await insuredPatient());
    const plans = [];
    for (const p of people) plans.push(await startCourse(p.id, p.policyId));
    for (const p of people.slice(0, 5)) {
      const base = `/v1/patients/${p.id}/rehabilitation/sessions`;
      await cloud.request('POST', base, { token: p.token, body: { preCheck: { spo2: 97, symptoms: [] } } });
      await cloud.request('POST', `${base}/current/completion`, {
        token: p.token,
        body: { exercises: [{ exerciseId: 'quad_sets', sets: 3, reps: 10 }], rpe: 12, pain: 2 },
      });
    }
    const someoneElses = await startCourse((await insuredPatient()).id, people[0]?.policyId as string);
    // Act: eight days on, every course is over
    const from = monthOf(Date.now());
    const to = monthOf(Date.now() + 8 * day);
    const report = (who: { tenant: string }) =>
      later(8 * day, () =>
        invokeAsGateway(
          cloud,
          'rehabilitation',
          { role: 'insurer', subject: `${who.tenant}-user`, ...who },
          {
            operationId: 'getRehabSponsorReport',
            method: 'GET',
            path: '/v1/rehabilitation/sponsor-report',
            query: { from, to },
          },
        ),
      );
    const mine = await report({ tenant: 'insurer-rs' });
    const another = await report({ tenant: 'insurer-other' });
    // Assess
    expect(plans.map((p) => p.status)).toEqual(Array(6).fill(201));
    expect([someoneElses.status, someoneElses.body.code]).toEqual([422, 'NO_COVERAGE']);
    const begun = mine.body.items.find((i: { period: string }) => i.period === from);
    const over = mine.body.items.find((i: { period: string }) => i.period === monthOf(Date.now() + 7 * day));
    expect(begun.enrolled).toBe(6);
    expect(over).toMatchObject({ finished: 6, completed: 5, completionRate: 0.83 });
    expect(
      another.body.items.every(
        (i: { enrolled: null; suppressed: boolean }) => i.enrolled === null && i.suppressed,
      ),
    ).toBe(true);
    const shown = JSON.stringify(mine.body);
    expect(people.some((p) => shown.includes(p.id))).toBe(false);
    expect(shown).not.toMatch(/knee|measure|condition|spo2/i);
  }, 90_000);
});
