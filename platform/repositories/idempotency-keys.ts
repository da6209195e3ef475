import { UniqueConflict } from '../../storage/errors';
import type { Tables } from '../../storage/port';
import type { FieldCipher, SealedField } from '../crypto/field-cipher';

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' };

/** How long an Idempotency-Key is remembered (clients retry within minutes; a day is generous). */
export const idempotencyTtlMs = 24 * 60 * 60 * 1000;
/**
 * A claim left in progress longer than this belongs to a call that died (its function timed
 * out or its instance stopped): a retry may take it over instead of waiting a day.
 */
export const abandonedAfterMs = 2 * 60 * 1000;

/** HTTP Idempotency-Key records with the response they produced. */
/** The stored response may hold health data (a triage result, medical notes): it is sealed. */
const responseContext = (scope: string, key: string) => `idempotency_keys/${scope}/${key}/response`;

export class IdempotencyKeys {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const at = this.now();
    try {
      await this.tables.insert('idempotency_keys', {
        scope,
        key,
        request_hash: requestHash,
        state: 'in_progress',
        response: null,
        created_at: at,
        expires_at: at + idempotencyTtlMs,
      });
      return { outcome: 'claimed' };
    } catch (error) {
      if (!(error instanceof UniqueConflict)) throw error;
    }
    const existing = await this.tables.get('idempotency_keys', { scope, key });
    if (!existing) return { outcome: 'in_progress' };
    if (existing.request_hash !== requestHash) return { outcome: 'mismatch' };
    if (existing.state !== 'completed') {
      if (Number(existing.created_at) > at - abandonedAfterMs) return { outcome: 'in_progress' };
      await this.tables.update(
        'idempotency_keys',
        { scope, key },
        { created_at: at, expires_at: at + idempotencyTtlMs },
      );
      return { outcome: 'claimed' };
    }
    const opened = await this.cipher.open(existing.response as SealedField, responseContext(scope, key));
    return { outcome: 'replay', response: JSON.parse(opened) as StoredResponse };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    const sealed = await this.cipher.seal(JSON.stringify(response), responseContext(scope, key));
    await this.tables.update('idempotency_keys', { scope, key }, { state: 'completed', response: sealed });
  }

  /** Forgets a claim whose request failed, so the client's retry runs again. */
  async release(scope: string, key: string): Promise<void> {
    await this.tables.remove('idempotency_keys', { scope, key });
  }
}
