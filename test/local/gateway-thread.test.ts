import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../local/cloud';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * The local API Gateway runs on a thread of its own; the functions it calls stay on the main one.
 * One cloud for the file: the first cloud of a process sets the endpoints in its environment.
 */
describe('the local gateway on its own thread', () => {
  let cloud: TestCloud;
  let occupied: Server | undefined;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(() => occupied?.close());

  it('refuses a device message that is not JSON with a problem, and goes on serving', async () => {
    // Prepare: the local device route parses its body on the main thread, and this is not JSON.
    const notJson = 'not json';
    // Act
    const failed = await cloud.devRequest('POST', '/v1/dev/iot', { rawBody: notJson });
    const health = await cloud.request('GET', '/v1/health');
    // Assess
    expect(failed.status).toBe(400);
    expect(failed.body.code).toBe('VALIDATION_FAILED');
    expect(health.status).toBe(200);
  });

  it('keeps the dev routes to the local operator: no token is 401, a patient is 403', async () => {
    // Prepare: the dev outbox shows every captured message of every user
    const patient = await cloud.token('patient');
    // Act
    const anonymous = await cloud.request('GET', '/v1/dev/outbox');
    const asPatient = await cloud.request('GET', '/v1/dev/outbox', { token: patient });
    const asOperator = await cloud.devRequest('GET', '/v1/dev/outbox');
    // Assess
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect([asPatient.status, asPatient.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(asOperator.status).toBe(200);
  });

  it('stops with a kept-alive connection still open, and then refuses connections', async () => {
    // Prepare
    const agent = new Agent({ keepAlive: true });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${cloud.url}/v1/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
    const before = await get();
    // Act
    await cloud.stop();
    // Assess
    expect(before).toBe(200);
    await expect(get()).rejects.toThrow();
    agent.destroy();
  });

  it('refuses to start the local cloud, saying why, when the gateway port is taken', async () => {
    // Prepare
    occupied = createServer();
    await new Promise<void>((resolve) => occupied?.listen(0, '127.0.0.1', resolve));
    const port = (occupied.address() as AddressInfo).port;
    // Act
    const starting = startLocalCloud({
      root: projectRoot,
      dataDir: mkdtempSync(join(tmpdir(), 'gateway-port-')),
      port,
      queuePort: 0,
      timers: false,
    });
    // Assess
    await expect(starting).rejects.toThrow(/local gateway did not start: .*EADDRINUSE/);
  });
});
