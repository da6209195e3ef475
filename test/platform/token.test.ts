import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevIdentity } from '../../local/dev-identity';
import { callerFromClaims } from '../../platform/identity';
import { projectRoot } from '../support/test-cloud';

describe('npm run token', () => {
  it('prints on its last line a token the local gateway accepts, carrying role, subject and tenant', async () => {
    // Prepare
    const path = join(mkdtempSync(join(tmpdir(), 'token-')), 'dev-identity.json');
    // Act
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/token.ts',
        '--role',
        'insurer',
        '--sub',
        'ins-user-1',
        '--tenant',
        'ins-9',
      ],
      { cwd: projectRoot, env: { ...process.env, DEV_IDENTITY_PATH: path }, encoding: 'utf8' },
    );
    const token = output.trim().split('\n').at(-1) as string;
    const claims = await (await DevIdentity.load(path)).verify(token);
    // Assess
    expect(callerFromClaims(claims)).toEqual({
      issuer: 'telemed-local',
      subject: 'ins-user-1',
      role: 'insurer',
      insurerId: 'ins-9',
    });
  });

  it('with --verified carries identity claims the local cloud trusts, with the SNILS given', async () => {
    // Prepare
    const path = join(mkdtempSync(join(tmpdir(), 'token-')), 'dev-identity.json');
    // Act
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/token.ts',
        '--role',
        'doctor',
        '--sub',
        'doc-1',
        '--verified',
        '--snils',
        '98765432183',
      ],
      { cwd: projectRoot, env: { ...process.env, DEV_IDENTITY_PATH: path }, encoding: 'utf8' },
    );
    const token = output.trim().split('\n').at(-1) as string;
    const caller = callerFromClaims(await (await DevIdentity.load(path)).verify(token));
    // Assess
    expect(caller.verifiedClaims).toMatchObject({
      verification: { trust_framework: 'ru_esia', assurance_level: 'confirmed' },
      claims: { snils: '98765432183' },
    });
  });

  it('refuses an unknown role', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', '--role', 'admin'], {
        cwd: projectRoot,
        stdio: 'pipe',
      }),
    ).toThrow(/--role is required, one of: patient, doctor/);
  });
});
