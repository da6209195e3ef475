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

  it('answers 500 when what it called fails on the main thread, and goes on serving', async () => {
    // Prepare: the local device route parses its body on the main thread, and this is not JSON.
    const notJson = 'not json';
    // Act
    const failed = await cloud.request('POST', '/v1/dev/iot', { rawBody: notJson });
    const health = await cloud.request('GET', '/v1/health');
    // Assess
    expect(failed.status).toBe(500);
    expect(failed.body.code).toBe('INTERNAL');
    expect(health.status).toBe(200);
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
