import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { giveConsents } from '../support/consents';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * The network's monitoring per requesting region: a neurosurgery centre in Vladivostok gets two
 * requests from a clinic in Tver (RU-TVE), one of them concluded, and one from Omsk (RU-OMS).
 */
describe('a centre’s month per requesting region, and its monthly CSV', () => {
  let cloud: TestCloud;
  let coordinator: string;
  const patients: string[] = [];
  const zone = 'Asia/Vladivostok';

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    coordinator = await cloud.token('clinic_admin', { tenant: 'centre-neuro', subject: 'coordinator-neuro' });
    const consultant = await cloud.token('doctor', { tenant: 'centre-neuro', subject: 'neuro-1' });
    await cloud.request('PUT', '/v1/teleconsultation-centres/centre-neuro', {
      token: coordinator,
      body: {
        name: 'НМИЦ нейрохирургии',
        timeZone: zone,
        profiles: ['neurosurgery'],
        consultants: [{ id: 'neuro-1', profiles: ['neurosurgery'] }],
      },
    });
    const asks = [
      ['clinic-tver', 'RU-TVE', '+79160008001', true],
      ['clinic-tver', 'RU-TVE', '+79160008002', false],
      ['clinic-omsk', 'RU-OMS', '+79160008003', false],
    ] as const;
    for (const [clinic, region, phone, conclude] of asks) {
      const admin = await cloud.token('clinic_admin', { tenant: clinic });
      const doctor = await cloud.token('doctor', { tenant: clinic, subject: `doctor-${clinic}` });
      const patient = await cloud.request('POST', '/v1/patients', {
        token: admin,
        body: { fullName: 'Ольга Кузнецова', phone, birthDate: '1980-07-07' },
      });
      patients.push(patient.body.id);
      await giveConsents(cloud, patient.body.id, ['health_data']);
      const asked = await cloud.request('POST', '/v1/teleconsultations', {
        token: doctor,
        body: {
          centreId: 'centre-neuro',
          patientId: patient.body.id,
          form: 'planned',
          profile: 'neurosurgery',
          question: 'Показана ли резекция менингиомы?',
          caseSummary: 'МРТ: менингиома 3 см, парасагиттальная.',
          consent: { given: true, obtainedAt: new Date().toISOString() },
          requesterRegion: region,
        },
      });
      if (!conclude) continue;
      const path = `/v1/teleconsultations/${asked.body.id}`;
      await cloud.request('POST', `${path}/accept`, {
        token: coordinator,
        body: { consultantIds: ['neuro-1'] },
      });
      await cloud.request('POST', `${path}/conclusion`, {
        token: consultant,
        body: {
          findings: 'Менингиома.',
          answer: 'Показана.',
          recommendations: 'Плановая госпитализация.',
          transferAdvised: true,
        },
      });
    }
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('counts the month per requesting region, beside the per-clinic groups', async () => {
    // Act
    const month = await cloud.request('GET', '/v1/teleconsultation-centres/centre-neuro/stats', {
      token: coordinator,
    });
    // Assess
    const byRegion = Object.fromEntries(
      month.body.regions.map((g: { requesterRegion: string }) => [g.requesterRegion, g]),
    );
    expect(byRegion['RU-TVE']).toMatchObject({
      form: 'planned',
      requests: 2,
      accepted: 1,
      concluded: 1,
      shareInTime: 1,
    });
    expect(byRegion['RU-OMS']).toMatchObject({ requests: 1, accepted: 0, concluded: 0, shareInTime: null });
    expect(month.body.groups).toContainEqual(
      expect.objectContaining({ requesterRegion: 'RU-OMS', requesterClinicId: 'clinic-omsk', requests: 1 }),
    );
  });

  it('writes last month’s CSV to the centre’s prefix on the monthly timer, without patient data', async () => {
    // Prepare: the timer fires early on the 1st of next month, in the centre's calendar
    const thisMonth = DateTime.now().setZone(zone).startOf('month');
    const firesAt = thisMonth.plus({ months: 1, hours: 6 }).toMillis();
    // Act
    await later(firesAt - Date.now(), () => cloud.fireTimer('teleconsultations'));
    const stored = await cloud.servers.s3.send(
      new GetObjectCommand({
        Bucket: 'telemed-attachments',
        Key: `reports/teleconsultation-centres/centre-neuro/${thisMonth.toFormat('yyyy-MM')}.csv`,
      }),
    );
    const csv = (await stored.Body?.transformToString()) ?? '';
    // Assess
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'month;centre_id;profile;form;requester_region;requester_clinic_id;requests;accepted;declined;concluded;median_minutes_to_conclusion;p90_minutes_to_conclusion;share_in_time',
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${thisMonth.toFormat('yyyy-MM')};centre-neuro;neurosurgery;planned;RU-OMS;clinic-omsk;1;0;0;0;;;$`,
        ),
      ),
      expect.stringMatching(/;RU-TVE;clinic-tver;2;1;0;1;\d+;\d+;1\.000$/),
    ]);
    for (const patientId of patients) expect(csv).not.toContain(patientId);
    expect(csv).not.toContain('менингиом');
  });
});
