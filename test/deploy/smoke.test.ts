import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('takes its token by client credentials as a cloud target, and fails the cloud-only steps naming what is missing', async () => {
    // Prepare: an issuer's token endpoint (RFC 6749 §4.4) that signs with the key the gateway trusts
    const forms: URLSearchParams[] = [];
    const issuer = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      forms.push(new URLSearchParams(body));
      const token = await cloud.identity.issue({
        role: 'clinic_admin',
        tenant: 'smoke-cloud',
        subject: 'smoke',
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
    }).listen(0);
    await once(issuer, 'listening');
    const env = {
      API_URL: cloud.url,
      SMOKE_TOKEN_URL: `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/token`,
      SMOKE_CLIENT_ID: 'smoke-client',
      SMOKE_CLIENT_SECRET: 'smoke-secret',
      SMOKE_TOKEN_AUDIENCE: 'telemed-api',
      JWT_ISSUER: 'telemed-local',
      SMOKE_PHONE: `+7998${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    };
    // Act
    const { steps, exitCode } = await runSmoke(smokeSettings({ wait: '5' }, env), () => undefined).finally(
      () => issuer.close(),
    );
    // Assess
    const step = (id: string) => steps.find((s) => s.id === id);
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'smoke-client',
      client_secret: 'smoke-secret',
      audience: 'telemed-api',
    });
    expect(step('token')).toMatchObject({
      status: 'passed',
      detail: expect.stringMatching(/^client credentials: iss telemed-local, clinic smoke-cloud/),
    });
    expect(step('register')?.status).toBe('passed');
    expect(step('event')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('set YDB_ENDPOINT'),
    });
    expect(step('read-back')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('set SMOKE_KEY_FN_READINGS_FILES'),
    });
    expect(step('rights-api-not-crisis')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('SMOKE_CRISIS_QUEUE_URL'),
    });
    expect(step('cleanup')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('give SMOKE_CLEANUP_KEY'),
    });
    expect(steps.filter((s) => s.status === 'skipped')).toEqual([]);
    expect(exitCode).toBe(1);
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
