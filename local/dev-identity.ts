import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { tenantClaimFor, tokenRules } from '../platform/identity';
import type { Role } from '../platform/roles';

/**
 * The local stand-in for the identity provider: an ES256 key under `.data/` signs
 * development tokens, and the local gateway verifies them the way API Gateway's JWT
 * authorizer verifies real ones (issuer, audience, expiry, signature from a JWKS).
 */
export const devIssuer = 'telemed-local';
export const devAudience = 'telemed-api';
const algorithm = 'ES256';

interface KeyFile {
  privateJwk: JWK;
  publicJwk: JWK;
}

export class DevIdentity {
  /** Built once: jose caches the imported public key inside it. */
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;

  private constructor(private readonly keys: KeyFile) {
    this.keySet = createLocalJWKSet(this.jwks());
  }

  static async load(path: string): Promise<DevIdentity> {
    if (!existsSync(path)) {
      const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
      const kid = crypto.randomUUID();
      const keys: KeyFile = {
        privateJwk: { ...(await exportJWK(privateKey)), kid, alg: algorithm },
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' },
      };
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(keys), { mode: 0o600 });
    }
    return new DevIdentity(JSON.parse(readFileSync(path, 'utf8')) as KeyFile);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.keys.publicJwk] };
  }

  async issue(options: {
    role: Role;
    subject?: string;
    tenant?: string;
    ttlSeconds?: number;
    /** OpenID Connect for Identity Assurance claims, as the provider in front of ESIA sends them. */
    verifiedClaims?: unknown;
  }): Promise<string> {
    const claims: Record<string, unknown> = { role: options.role };
    if (options.tenant) claims[tenantClaimFor(options.role)] = options.tenant;
    if (options.verifiedClaims !== undefined) claims.verified_claims = options.verifiedClaims;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: algorithm, kid: this.keys.publicJwk.kid as string })
      .setSubject(options.subject ?? crypto.randomUUID())
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds ?? 12 * 3600}s`)
      .sign(await importJWK(this.keys.privateJwk, algorithm));
  }

  /** Verifies a token and returns its claims, as the gateway's JWT authorizer does. */
  async verify(token: string): Promise<Record<string, unknown>> {
    const { payload } = await jwtVerify(token, this.keySet, {
      issuer: devIssuer,
      audience: devAudience,
      algorithms: [algorithm],
      requiredClaims: ['sub', 'exp', 'iat'],
      maxTokenAge: tokenRules.maxAgeSeconds,
      clockTolerance: tokenRules.clockSkewSeconds,
    });
    return payload as Record<string, unknown>;
  }
}

/** The SNILS a development `--verified` token carries: the first worker of the local register stand-in. */
export const devSnils = '11223344595';

/**
 * What the local provider says it verified, in the shape of OpenID Connect for Identity
 * Assurance 1.0 with ESIA's confirmed account as the trust framework and level (README
 * "Identity assurance"). Invented names; the SNILS has valid check digits and is nobody's.
 */
export function devVerifiedClaims(snils = devSnils, now = Date.now()) {
  return {
    verification: {
      trust_framework: 'ru_esia',
      assurance_level: 'confirmed',
      time: new Date(now).toISOString(),
      txn: `local-${crypto.randomUUID()}`,
    },
    claims: { family_name: 'Иванова', given_name: 'Мария', birthdate: '1985-03-14', snils },
  };
}
