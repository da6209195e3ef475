import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionRules } from '../../modules/data-requests';
import { addWorkingDays } from '../../modules/data-requests/domain/deadlines';
import { later } from '../support/clock';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

const day = 86_400_000;

describe('retention: each kind of record has its rule, and the sweep enforces the swept ones', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud?.stop());

  it('deletes an export from the bucket once its keep time has passed, and offers no link to it', async () => {
    // Prepare: a patient's export, built and downloadable
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-ret', subject: 'admin-ret' });
    const patient = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Анна Срокова', phone: '+79165551234' },
    });
    const token = await cloud.token('patient', { subject: patient.body.id });
    const path = `/v1/patients/${patient.body.id}/exports`;
    const requested = await cloud.request('POST', path, { token });
    await cloud.fireTimer('data-exports');
    const ready = await cloud.request('GET', `${path}/${requested.body.id}`, { token });
    const before = await fetch(ready.body.downloadUrl);
    await before.arrayBuffer();
    // Act: a sweep within the keep time, then one past it (EXPORT_KEEP_DAYS, 7 by default)
    await later(6 * day, () => cloud.fireTimer('retention-sweep'));
    const kept = await cloud.request('GET', `${path}/${requested.body.id}`, { token });
    await later(8 * day, () => cloud.fireTimer('retention-sweep'));
    const expired = await cloud.request('GET', `${path}/${requested.body.id}`, { token });
    const after = await fetch(ready.body.downloadUrl);
    // Assess
    expect(before.status).toBe(200);
    expect(kept.body.status).toBe('ready');
    expect(expired.body).toMatchObject({ status: 'expired' });
    expect(expired.body.downloadUrl).toBeUndefined();
    expect(after.status).toBe(404);
  });

  it('documents every rule in the README with its period, enforcement and basis', () => {
    // Prepare
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    // Act
    const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
    // Assess: one row per kind, saying how long and how it is enforced
    for (const rule of retentionRules) {
      const row = rows.find((line) => line.startsWith(`| \`${rule.kind}\``));
      expect(row, `README row for ${rule.kind}`).toBeDefined();
      expect(row).toContain(rule.keepFor);
      expect(row).toContain(rule.enforcedBy);
    }
  });

  it('counts statutory deadlines in working days, skipping the weekend', () => {
    // Prepare: Friday 3 July 2026, noon in Moscow
    const friday = Date.parse('2026-07-03T09:00:00Z');
    // Act
    const oneDay = addWorkingDays(friday, 1);
    const ten = addWorkingDays(friday, 10);
    // Assess: Monday, and the Friday two weeks on
    expect(new Date(oneDay).toISOString()).toBe('2026-07-06T09:00:00.000Z');
    expect(new Date(ten).toISOString()).toBe('2026-07-17T09:00:00.000Z');
  });
});
