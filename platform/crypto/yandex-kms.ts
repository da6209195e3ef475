import { CiphertextRejected, type KeyWrapper, type WrappedKey } from './key-wrapper';

/** Supplies the IAM token of the function's service account for the current call. */
export type IamTokenSource = () => string | undefined;

interface EncryptResponse {
  keyId: string;
  versionId: string;
  ciphertext: string;
}

/**
 * Yandex KMS through its REST API (SymmetricCrypto.Encrypt / Decrypt on kms.yandex): two
 * HTTPS calls need no SDK, where the gRPC SDK took about 300 ms to load for them. The token is
 * the invocation's IAM token, so it is always fresh (reference/yandex-cloud.md §9).
 */
export class YandexKms implements KeyWrapper {
  private lastVersion: string | undefined;

  constructor(
    private readonly keyId: string,
    private readonly iamToken: IamTokenSource,
    private readonly endpoint = 'https://kms.yandex',
    private readonly aad = Buffer.from('telemed:field-key'),
  ) {}

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    const response = await this.call<EncryptResponse>(this.keyId, 'encrypt', {
      plaintext: dataKey.toString('base64'),
      aadContext: this.aad.toString('base64'),
    });
    if (!response.ok) throw new Error(`KMS refused to encrypt: ${response.status} ${response.message}`);
    this.lastVersion = response.body.versionId;
    return {
      keyId: response.body.keyId,
      keyVersion: response.body.versionId,
      wrapped: response.body.ciphertext,
    };
  }

  async unwrap(key: WrappedKey): Promise<Buffer> {
    const response = await this.call<{ plaintext: string }>(key.keyId, 'decrypt', {
      ciphertext: key.wrapped,
      aadContext: this.aad.toString('base64'),
    });
    if (!response.ok) {
      // A 4xx is this ciphertext's fault (wrong key, AAD, tampering); anything else is KMS's.
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 401 &&
        response.status !== 429
      )
        throw new CiphertextRejected(`KMS refused to decrypt: ${response.status} ${response.message}`);
      throw new Error(`KMS unavailable: ${response.status} ${response.message}`);
    }
    return Buffer.from(response.body.plaintext, 'base64');
  }

  async primaryVersion(): Promise<string | undefined> {
    return this.lastVersion;
  }

  private async call<T>(
    keyId: string,
    operation: 'encrypt' | 'decrypt',
    body: Record<string, string>,
  ): Promise<{ ok: true; body: T } | { ok: false; status: number; message: string }> {
    const token = this.iamToken();
    if (!token) throw new Error('No IAM token: attach a service account with kms.keys.encrypterDecrypter');
    const url = `${this.endpoint.replace(/\/+$/, '')}/kms/v1/keys/${encodeURIComponent(keyId)}:${operation}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) return { ok: true, body: (await response.json()) as T };
    // The error body names the problem (code, message), never the plaintext.
    const text = await response.text();
    let message = text.slice(0, 200);
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
    } catch {}
    return { ok: false, status: response.status, message };
  }
}
