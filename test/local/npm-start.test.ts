import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/test-cloud';

describe('npm start', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('brings the system up, answers GET /v1/health with 200, and stops cleanly on Ctrl-C', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: '0',
        QUEUE_PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        APP_ENV: 'local',
      },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    // Act
    const started = Date.now();
    while (!/API gateway\s+(http:\/\/\S+)/.test(output) && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = output.match(/API gateway\s+(http:\/\/\S+)/)?.[1];
    const health = await fetch(`${url}/v1/health`);
    const body = await health.json();
    const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
    child.kill('SIGINT');
    // Assess
    expect(health.status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      dependencies: { database: { status: 'ok' }, queue: { status: 'ok' } },
    });
    expect(output).toContain('notifications (+notifications-dlq)');
    expect(await exited).toBe(0);
  });
});
