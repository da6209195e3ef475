import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CiphertextRejected } from '../../platform/crypto/key-wrapper';
import { YandexKms } from '../../platform/crypto/yandex-kms';

/**
 * KMS's REST API (SymmetricCrypto.Encrypt / Decrypt) as far as the adapter uses it, on a real
 * HTTP server: AES-256-GCM under one master key, the AAD context bound to the ciphertext.
 */
function kmsStandIn() {
  const master = randomBytes(32);
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  let outage = false;
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({ path: req.url ?? '', headers: req.headers });
    const reply = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (outage) return reply(503, { code: 14, message: 'unavailable' });
    if (req.headers.authorization !== 'Bearer iam-token-1') return reply(401, { message: 'unauthenticated' });
    const body = JSON.parse(text) as Record<string, string>;
    const aad = Buffer.from(body.aadContext ?? '', 'base64');
    if (req.url === '/kms/v1/keys/key-1:encrypt') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master, iv).setAAD(aad);
      const sealed = Buffer.concat([
        cipher.update(Buffer.from(body.plaintext ?? '', 'base64')),
        cipher.final(),
      ]);
      const ciphertext = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
      return reply(200, { keyId: 'key-1', versionId: 'v-7', ciphertext });
    }
    if (req.url === '/kms/v1/keys/key-1:decrypt') {
      const raw = Buffer.from(body.ciphertext ?? '', 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', master, raw.subarray(0, 12)).setAAD(aad);
        decipher.setAuthTag(raw.subarray(12, 28));
        const plaintext = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
        return reply(200, { keyId: 'key-1', versionId: 'v-7', plaintext: plaintext.toString('base64') });
      } catch {
        return reply(400, { code: 3, message: 'Invalid ciphertext' });
      }
    }
    return reply(404, { message: 'no such key' });
  });
  return {
    seen,
    setOutage: (value: boolean) => {
      outage = value;
    },
    start: () =>
      new Promise<string>((ok) =>
        server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe('Yandex KMS adapter over the REST API', () => {
  const kms = kmsStandIn();
  let endpoint: string;
  beforeAll(async () => {
    endpoint = await kms.start();
  });
  afterAll(() => kms.stop());

  it('wraps a data key and unwraps it again, with the invocation token and the key version', async () => {
    // Prepare
    const adapter = new YandexKms('key-1', () => 'iam-token-1', endpoint);
    const dataKey = randomBytes(32);
    // Act
    const wrapped = await adapter.wrap(dataKey);
    const unwrapped = await adapter.unwrap(wrapped);
    // Assess
    expect(unwrapped.equals(dataKey)).toBe(true);
    expect(wrapped).toMatchObject({ keyId: 'key-1', keyVersion: 'v-7' });
    expect(await adapter.primaryVersion()).toBe('v-7');
    expect(kms.seen.at(-1)?.headers.authorization).toBe('Bearer iam-token-1');
  });

  it('rejects a tampered ciphertext as such', async () => {
    // Prepare
    const adapter = new YandexKms('key-1', () => 'iam-token-1', endpoint);
    const wrapped = await adapter.wrap(randomBytes(32));
    const bytes = Buffer.from(wrapped.wrapped, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    // Act
    const unwrapping = adapter.unwrap({ ...wrapped, wrapped: bytes.toString('base64') });
    // Assess
    await expect(unwrapping).rejects.toBeInstanceOf(CiphertextRejected);
  });

  it('reports an outage as an error to retry, never as a rejected ciphertext', async () => {
    // Prepare
    const adapter = new YandexKms('key-1', () => 'iam-token-1', endpoint);
    const wrapped = await adapter.wrap(randomBytes(32));
    kms.setOutage(true);
    // Act
    const unwrapping = adapter.unwrap(wrapped);
    // Assess
    await expect(unwrapping).rejects.toThrowError(/KMS unavailable: 503/);
    await expect(unwrapping).rejects.not.toBeInstanceOf(CiphertextRejected);
    kms.setOutage(false);
  });

  it('refuses to call KMS without an IAM token', async () => {
    // Prepare
    const adapter = new YandexKms('key-1', () => undefined, endpoint);
    // Act
    const wrapping = adapter.wrap(randomBytes(32));
    // Assess
    await expect(wrapping).rejects.toThrowError(/No IAM token/);
  });
});
