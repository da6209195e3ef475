import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CiphertextRejected, type KeyWrapper, type WrappedKey } from './key-wrapper';

/** An encrypted field as stored in a JSON column. */
export interface SealedField {
  v: 1;
  kid: string;
  kv: string;
  dk: string;
  iv: string;
  ct: string;
  tag: string;
}

/** One data key encrypts many fields for a while, so a write is not a KMS call. */
const dataKeyLifetimeMs = 5 * 60 * 1000;
const dataKeyMaxUses = 10_000;

/**
 * Envelope encryption of sensitive fields (complaints, answers, diagnoses, notes):
 * AES-256-GCM with a data key that the KMS wraps. The field's identity (table, row,
 * column) is bound in as associated data, so a ciphertext copied to another record
 * fails to open.
 */
export class FieldCipher {
  private current: { key: Buffer; wrapped: WrappedKey; createdAt: number; uses: number } | undefined;
  private readonly unwrapped = new Map<string, Buffer>();

  constructor(
    private readonly kms: KeyWrapper,
    private readonly now: () => number = Date.now,
  ) {}

  async seal(plaintext: string, context: string): Promise<SealedField> {
    const dataKey = await this.dataKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      v: 1,
      kid: dataKey.wrapped.keyId,
      kv: dataKey.wrapped.keyVersion,
      dk: dataKey.wrapped.wrapped,
      iv: iv.toString('base64'),
      ct: ct.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** Opens a sealed field; throws `CiphertextRejected` on any tampering. */
  async open(sealed: SealedField, context: string): Promise<string> {
    if (sealed?.v !== 1) throw new CiphertextRejected('unknown format');
    const key = await this.unwrap({ keyId: sealed.kid, keyVersion: sealed.kv, wrapped: sealed.dk });
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new CiphertextRejected('field failed authentication (tampered or wrong record)');
    }
  }

  /** True when the field was sealed under an older master key version and should be re-sealed. */
  async isStale(sealed: SealedField): Promise<boolean> {
    const primary = await this.kms.primaryVersion();
    return primary !== undefined && sealed.kv !== primary;
  }

  private async dataKey() {
    const primary = await this.kms.primaryVersion();
    const c = this.current;
    const fresh =
      c &&
      c.uses < dataKeyMaxUses &&
      this.now() - c.createdAt < dataKeyLifetimeMs &&
      (primary === undefined || c.wrapped.keyVersion === primary);
    if (!fresh) {
      const key = randomBytes(32);
      this.current = { key, wrapped: await this.kms.wrap(key), createdAt: this.now(), uses: 0 };
    }
    const current = this.current as NonNullable<typeof this.current>;
    current.uses++;
    return current;
  }

  private async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    const cacheKey = `${wrapped.keyId}/${wrapped.keyVersion}/${wrapped.wrapped}`;
    let key = this.unwrapped.get(cacheKey);
    if (!key) {
      key = await this.kms.unwrap(wrapped);
      if (this.unwrapped.size > 1000) this.unwrapped.clear();
      this.unwrapped.set(cacheKey, key);
    }
    return key;
  }
}
