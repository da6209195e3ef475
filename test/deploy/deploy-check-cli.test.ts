import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServerless } from '../../scripts/deploy-inputs';
import { read, root } from './repository';

const dist = mkdtempSync(join(tmpdir(), 'deploy-check-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('npm run deploy:check', () => {
  it('passes end to end on the repository, the Serverless plugin’s packaging included', async () => {
    // Prepare: a zip per function stands in for the build (esbuild is covered by npm run build)
    for (const name of Object.keys(parseServerless(read('serverless.yml')).functions))
      writeFileSync(join(dist, `${name}.zip`), '');
    // Act
    const run = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      ['scripts/deploy-check.ts', '--skip-build', '--dist', dist],
      { cwd: root, timeout: 90_000 },
    ).catch((failure: { stdout: string; code: number }) => failure);
    // Assess
    expect(run.stdout).toContain('✓ serverless package (the plugin, placeholder credentials)');
    expect(run.stdout).toContain('all offline checks pass');
  }, 120_000);
});

describe('npm run deploy -- --dry-run', () => {
  it('prints the batches and what it would verify, with no credentials', async () => {
    // Prepare: no cloud settings at all
    const env = { PATH: process.env.PATH ?? '' };
    // Act
    const run = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      ['scripts/deploy.ts', '--dry-run', '--functions-quota', '50'],
      { cwd: root, env, timeout: 60_000 },
    );
    // Assess
    expect(run.stdout).toMatch(/batch 1: health, patients/);
    expect(run.stdout).toContain('API Gateway telemed-api: spec sha256');
    expect(run.stdout).toContain('telemed-readings-iot: iotMessage');
    expect(run.stdout).toContain('dry run: nothing deployed, nothing read');
  }, 60_000);
});
