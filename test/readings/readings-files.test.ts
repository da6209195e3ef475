import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { readingsSteps } from '../support/readings';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

const samples = resolve(projectRoot, 'test/fixtures');
const file = (path: string) => readFileSync(resolve(samples, path));

describe('device files: presigned upload → Object Storage trigger → readings-files', () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    steps = readingsSteps(cloud);
  });
  afterAll(() => cloud.stop());

  /** Announces a file, PUTs it to the presigned URL, and waits until the trigger has read it. */
  const upload = async (token: string, request: Record<string, string>, content: Buffer) => {
    const created = await cloud.request('POST', '/v1/readings/uploads', { token, body: request });
    expect(created.status).toBe(201);
    const put = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.uploadHeaders,
      body: content,
    });
    expect(put.status).toBe(200);
    const seen = await eventually(
      () => cloud.request('GET', `/v1/readings/uploads/${created.body.id}`, { token }),
      (upload) => upload.body.status !== 'pending',
      60_000,
    );
    return seen.body;
  };
  const csv = (deviceId: string, timeZone = 'Europe/Moscow') => ({
    deviceId,
    kind: 'csv',
    contentType: 'text/csv',
    timeZone,
  });

  it('imports all 222 home BP readings; the same file again adds nothing', async () => {
    const patient = await steps.patient();
    await steps.bind('omron-f1', patient.id);
    const content = file('device-readings/bp_jhs_home_bp_single_subject.csv');
    const first = await upload(patient.token, csv('omron-f1'), content);
    const again = await upload(patient.token, csv('omron-f1'), content);
    expect(first).toMatchObject({
      status: 'processed',
      result: { format: 'home_bp', rows: 222, accepted: 222, duplicates: 0, rejected: 0 },
    });
    expect(again.result).toMatchObject({ rows: 222, accepted: 0, duplicates: 222, rejected: 0 });
  });

  it('imports the 250 ABPM rows of 5 subjects to their 5 patients; one row repeats a minute with another value', async () => {
    const subjects = ['70417', '70422', '70424', '70435', '70439'];
    for (const subject of subjects) await steps.bind(`hypnos:${subject}`, (await steps.patient()).id);
    const content = file('device-readings/bp_hypnos_abpm_5_subjects.csv');
    const service = await steps.service();
    const first = await upload(service, csv('hypnos', 'UTC'), content);
    const again = await upload(service, csv('hypnos', 'UTC'), content);
    // NR. 8 and 9 of subject 70417 are both stamped 2016-12-27 16:29 (minute resolution) with
    // different values: the first is stored, the second is refused rather than silently dropped.
    expect(first.result).toMatchObject({
      format: 'abpm',
      rows: 250,
      accepted: 249,
      duplicates: 0,
      rejected: 1,
    });
    expect(first.result.rejections).toEqual([
      { row: 10, reason: 'conflicting_duplicate', detail: expect.any(String) },
    ]);
    expect(again.result).toMatchObject({ rows: 250, accepted: 0, duplicates: 249, rejected: 1 });
  });

  it('imports the 2,148 glucose values of the Dexcom Clarity export in mmol/L; again adds nothing', async () => {
    const patient = await steps.patient();
    await steps.bind('g6-f1', patient.id);
    const content = file('device-readings/cgmquantify_dexcom_g6_clarity_export.csv');
    const first = await upload(patient.token, csv('g6-f1'), content);
    const again = await upload(patient.token, csv('g6-f1'), content);
    const day = await cloud.request(
      'GET',
      `/v1/patients/${patient.id}/readings?type=glucose&from=2016-10-24T00:00:00Z&to=2016-10-25T00:00:00Z&bucket=1d`,
      { token: patient.token },
    );
    expect(first.result).toMatchObject({ format: 'dexcom_clarity', rows: 2148, accepted: 2148, rejected: 0 });
    expect(again.result).toMatchObject({ accepted: 0, duplicates: 2148 });
    // 11:24 Moscow (08:24 UTC) onwards on 24 October: the first value is 103 mg/dL = 5.717 mmol/L
    expect(day.body.buckets[0].count).toBeGreaterThan(150);
    expect(day.body.buckets[0].value.max).toBeLessThan(261 / 18.016 + 0.001);
  });

  it('stores an ECG, as a PDF or as a FHIR waveform, and links it as an ecg reading', async () => {
    const patient = await steps.patient();
    await steps.bind('ecg-f1', patient.id);
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const recorded = '2026-11-20T09:30:00Z';
    const asPdf = await upload(
      patient.token,
      { deviceId: 'ecg-f1', kind: 'ecg', contentType: 'application/pdf', measuredAt: recorded },
      pdf,
    );
    const asWaveform = await upload(
      patient.token,
      { deviceId: 'ecg-f1', kind: 'ecg', contentType: 'application/fhir+json' },
      file('fhir/observation-example-sample-data.json'),
    );
    const ecgs = await cloud.request(
      'GET',
      `/v1/patients/${patient.id}/readings?type=ecg&from=2015-01-01T00:00:00Z&to=2015-12-31T00:00:00Z`,
      { token: patient.token },
    );
    expect(asPdf.result).toMatchObject({ format: 'ecg_pdf', accepted: 1 });
    expect(asWaveform.result).toMatchObject({ format: 'ecg_fhir', accepted: 1 });
    expect(ecgs.body.points).toEqual([
      {
        measuredAt: '2015-02-19T08:30:35.000Z',
        deviceId: 'ecg-f1',
        value: null,
        fileRef: `readings/${asWaveform.id}`,
      },
    ]);
  });

  it('marks a file that is not what it was announced as failed, and stores nothing', async () => {
    const patient = await steps.patient();
    await steps.bind('omron-f2', patient.id);
    const notCsv = await upload(patient.token, csv('omron-f2'), Buffer.from('a,b\n1,2\n'));
    const notPdf = await upload(
      patient.token,
      {
        deviceId: 'omron-f2',
        kind: 'ecg',
        contentType: 'application/pdf',
        measuredAt: '2026-11-20T09:30:00Z',
      },
      Buffer.from('hello'),
    );
    const stranger = await cloud.token('patient', { subject: crypto.randomUUID() });
    const peek = await cloud.request('GET', `/v1/readings/uploads/${notCsv.id}`, { token: stranger });
    expect(notCsv).toMatchObject({
      status: 'failed',
      result: { error: expect.stringContaining('not a blood-pressure') },
    });
    expect(notPdf).toMatchObject({ status: 'failed', result: { error: 'the file is not a PDF' } });
    expect(peek.status).toBe(404);
  });
});
