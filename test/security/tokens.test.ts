import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAudience, devIssuer } from '../../local/dev-identity';
import { callerFromClaims } from '../../platform/identity';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: devIssuer,
  sub: 'patient-1',
  role: 'patient',
  iat: now(),
  exp: now() + 600,
  ...extra,
});
const refusal = (given: unknown) => {
  try {
    callerFromClaims(given);
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('tokens: a function takes only claims with sane times and tenants', () => {
  it('takes a fresh token and keeps its issuer, so a subject is never read without it', () => {
    expect(callerFromClaims(claims())).toEqual({ issuer: devIssuer, subject: 'patient-1', role: 'patient' });
  });

  it.each([
    ['no exp', { exp: undefined }],
    ['no iat', { iat: undefined }],
    ['an expired token', { exp: now() - 3600 }],
    ['an iat ten minutes in the future', { iat: now() + 600, exp: now() + 1200 }],
    ['a lifetime of thirty days', { exp: now() + 30 * 86_400 }],
    ['an iat older than the maximum age', { iat: now() - 2 * 86_400 }],
    ['a clinic named like the tenant of patients without one', { role: 'doctor', clinic_id: 'unaffiliated' }],
    ['a clinic named after a role', { role: 'clinic_admin', clinic_id: 'Patient' }],
    ['a tenant id with a separator', { role: 'doctor', clinic_id: 'clinic-1/../clinic-2' }],
    ['a subject spelling a clinic’s on-call group', { sub: 'duty:clinic-1' }],
    ['a subject spelling a clinic’s admins', { sub: 'clinic_admin:clinic-1' }],
  ])('refuses %s as UNAUTHENTICATED', (_, extra) => {
    // Prepare
    const given = Object.fromEntries(Object.entries(claims(extra)).filter(([, v]) => v !== undefined));
    // Act
    const outcome = refusal(given);
    // Assess
    expect(outcome).toBe('UNAUTHENTICATED');
  });

  it('carries verified claims to the caller unread, and takes a token whose verified claims are malformed', () => {
    // Prepare: what they verify is for modules/identity to judge, against the issuer it trusts
    const verified = { verification: { trust_framework: 'ru_esia' }, claims: { snils: '11223344595' } };
    // Act
    const caller = callerFromClaims(claims({ verified_claims: verified }));
    const malformed = refusal(claims({ verified_claims: 'not an object' }));
    // Assess
    expect(caller.verifiedClaims).toEqual(verified);
    expect(malformed).toBe('accepted');
  });

  it('allows a minute of clock skew between the issuer and the function', () => {
    expect(refusal(claims({ iat: now() + 30 }))).toBe('accepted');
  });
});

describe('tokens at the local gateway, as at API Gateway', () => {
  let cloud: TestCloud;
  let sign: (payload: Record<string, unknown>) => Promise<string>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    // The local identity provider's own key, so the forgeries differ only in their claims
    const keys = JSON.parse(readFileSync(join(cloud.dataDir, 'dev-identity.json'), 'utf8')) as {
      privateJwk: JWK;
    };
    const key = await importJWK(keys.privateJwk, 'ES256');
    sign = (payload) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid as string }).sign(key);
  });
  afterAll(() => cloud.stop());

  it.each([
    ['without exp', { exp: undefined }],
    ['issued in the future', { iat: now() + 3600, exp: now() + 7200 }],
    ['older than a day', { iat: now() - 2 * 86_400, exp: now() + 3600 }],
    ['from another issuer', { iss: 'someone-else' }],
    ['for another audience', { aud: 'another-api' }],
  ])('answers 401 to a signed token %s', async (_, extra) => {
    // Prepare
    const payload = Object.fromEntries(
      Object.entries({ ...claims(extra), aud: devAudience, ...extra }).filter(([, v]) => v !== undefined),
    );
    const token = await sign(payload);
    // Act
    const response = await cloud.request('GET', '/v1/coverage', { token });
    // Assess
    expect([response.status, response.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('serves the same signed token when its claims are sound', async () => {
    // Prepare
    const token = await sign({ ...claims(), aud: devAudience });
    // Act
    const response = await cloud.request('GET', '/v1/coverage', { token });
    // Assess
    expect(response.status).toBe(200);
  });
});
