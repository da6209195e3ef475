import { describe, expect, it } from 'vitest';
import { devVerifiedClaims } from '../../local/dev-identity';
import { isSnils } from '../../modules/identity/domain/snils';
import { type Trust, verificationFromToken } from '../../modules/identity/domain/verified-claims';

const bridge = 'https://id.clinic.example.ru/esia';
const trust: Trust = { issuers: [bridge], frameworks: new Map([['ru_esia', 'confirmed']]) };
const now = Date.parse('2026-12-03T12:00:00Z');
const claims = devVerifiedClaims('112-233-445 95', now - 60_000);

describe('verified claims of a token (OpenID Connect for Identity Assurance)', () => {
  it('maps a trusted issuer’s ESIA verification to its framework, level, time and claim names, keeping the SNILS for the register only', () => {
    // Act
    const mapped = verificationFromToken(bridge, claims, trust, now);
    // Assess
    expect(mapped).toEqual({
      verification: {
        issuer: bridge,
        trustFramework: 'ru_esia',
        assuranceLevel: 'confirmed',
        verifiedAt: now - 60_000,
        transaction: claims.verification.txn,
        claims: ['birthdate', 'family_name', 'given_name', 'snils'],
      },
      snils: '11223344595',
    });
  });

  it('reads the claims whether they come as an array of elements or as JSON text', () => {
    // Prepare
    const other = { verification: { trust_framework: 'eidas' }, claims: { given_name: 'X' } };
    // Act
    const fromArray = verificationFromToken(bridge, [other, claims], trust, now);
    const fromText = verificationFromToken(bridge, JSON.stringify(claims), trust, now);
    // Assess
    expect(fromArray?.verification.trustFramework).toBe('ru_esia');
    expect(fromText?.verification.trustFramework).toBe('ru_esia');
  });

  it.each([
    ['an issuer not on the list', 'https://self-signed.example', claims],
    ['no issuer', undefined, claims],
    ['no verification element', bridge, { claims: claims.claims }],
    ['no claims element', bridge, { verification: claims.verification }],
    ['text that is not JSON', bridge, '{"verification":'],
    [
      'a level the framework does not accept',
      bridge,
      { ...claims, verification: { ...claims.verification, assurance_level: 'standard' } },
    ],
  ])('verifies nothing for %s', (_, issuer, given) => {
    expect(verificationFromToken(issuer, given, trust, now)).toBeUndefined();
  });

  it('keeps a verification whose SNILS fails its check digits, without a SNILS to look up', () => {
    // Act
    const mapped = verificationFromToken(
      bridge,
      { ...claims, claims: { ...claims.claims, snils: '11223344596' } },
      trust,
      now,
    );
    // Assess
    expect(mapped?.snils).toBeNull();
  });

  it.each([
    ['112-233-445 95', true],
    ['12345678964', true],
    ['00100199800', true],
    ['11223344596', false],
    ['1122334459', false],
    ['1122334459a', false],
  ])('reads SNILS %s as valid: %s', (snils, valid) => {
    expect(isSnils(snils)).toBe(valid);
  });
});
