import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevIdentity } from '../../local/dev-identity';
import { runSmoke } from '../../scripts/smoke/run';
import { smokeSettings } from '../../scripts/smoke/settings';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

const run = promisify(execFile);

describe('npm run smoke against the local cloud', () => {
  let cloud: TestCloud;
  let relaying = true;
  let relay: Promise<void>;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    // The relay's timer, as the cloud fires it (the test cloud fires timers only when asked).
    relay = (async () => {
      while (relaying) {
        await cloud.fireTimer('outbox-relay').catch(() => undefined);
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
  });
  afterAll(async () => {
    relaying = false;
    await relay;
    await cloud.stop();
  });

  it('passes every step of the user path, and says skipped (local) only where the cloud alone can check', async () => {
    // Prepare
    const settings = smokeSettings(
      { local: true, baseUrl: cloud.url, dataDir: cloud.dataDir, wait: '60' },
      {},
    );
    const lines: string[] = [];
    // Act
    const { steps, exitCode } = await runSmoke(settings, (line) => lines.push(line));
    // Assess
    const byStatus = (status: string) => steps.filter((s) => s.status === status).map((s) => s.id);
    expect(byStatus('failed')).toEqual([]);
    expect(byStatus('not run')).toEqual([]);
    expect(byStatus('passed')).toEqual([
      'health',
      'authorizer',
      'token',
      'register',
      'event',
      'upload',
      'import',
      'read-back',
      'cleanup',
    ]);
    expect(byStatus('skipped')).toEqual([
      'sse-kms',
      'rights-health-lists-queues',
      'rights-api-not-crisis',
      'rights-readings-files-not-attachments',
    ]);
    for (const skipped of steps.filter((s) => s.status === 'skipped'))
      expect(skipped.detail).toMatch(/^\(local\) /);
    expect(lines).toContainEqual(
      expect.stringMatching(/^- the stored file is encrypted .*: skipped \(local\): fauxqs does not encrypt/),
    );
    expect(exitCode).toBe(0);
    expect(lines.at(-1)).toMatch(/^✓ smoke .* 9 passed, 0 failed or not run, 4 skipped$/);
  });

  it('follows the registration to the welcome SMS and deletes the uploaded file', async () => {
    // Prepare
    const settings = smokeSettings({ local: true, baseUrl: cloud.url, dataDir: cloud.dataDir }, {});
    // Act
    const { steps } = await runSmoke(settings, () => undefined);
    const step = (id: string) => steps.find((s) => s.id === id);
    const key = /PUT (readings\/[\w-]+)/.exec(step('upload')?.detail ?? '')?.[1] as string;
    const left = await fetch(`${cloud.servers.endpoint}/telemed-readings/${key}`, { method: 'HEAD' });
    // Assess
    expect(step('event')?.detail).toMatch(/^SMS to \+7999\d{7} in the local capture: "Вы зарегистрированы/);
    expect(step('import')?.detail).toBe('processed: home_bp, 2 readings accepted');
    expect(step('cleanup')?.detail).toMatch(/^deleted telemed-readings\/readings\/.*; no delete route/);
    expect(left.status).toBe(404);
  });

  it('fails the authenticated route and exits 1 with a token the issuer did not sign', async () => {
    // Prepare: a well-formed clinic admin's token, signed by a key the gateway does not trust
    const stranger = await DevIdentity.load(join(mkdtempSync(join(tmpdir(), 'smoke-stranger-')), 'id.json'));
    const token = await stranger.issue({ role: 'clinic_admin', tenant: 'smoke-clinic', subject: 'smoke' });
    const args = ['scripts/smoke.ts', '--local', '--base-url', cloud.url, '--data-dir', cloud.dataDir];
    // Act
    const outcome = await run(resolve(projectRoot, 'node_modules/.bin/tsx'), [...args, '--token', token], {
      cwd: projectRoot,
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    // Assess
    const lines = outcome.stdout.split('\n');
    expect(outcome.code).toBe(1);
    expect(lines).toContain('✓ GET /v1/health through the gateway: 200, status ok');
    expect(lines.find((l) => l.includes('POST /v1/patients with that token'))).toMatch(/^✗ .*: HTTP 401/);
    expect(lines.find((l) => l.includes('presigned URL'))).toMatch(/^· .*: not run: needs register$/);
    expect(lines.at(-2)).toMatch(/^✗ smoke .* failed or not run/);
  });
});
