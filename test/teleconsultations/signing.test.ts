import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestSigner } from '../../modules/teleconsultations/signing/test-signer';

const document = Buffer.from(JSON.stringify({ resourceType: 'Composition', title: 'Заключение' }));
const keyFile = () => join(mkdtempSync(join(tmpdir(), 'test-signer-')), 'test-signer.json');

describe('the local test signer', () => {
  it('signs a document so that it verifies, unqualified, and verifies again after a restart', async () => {
    // Prepare
    const path = keyFile();
    const signature = await new TestSigner(path).sign('onco-1', document, Date.UTC(2026, 2, 1));
    // Act
    const sameProcess = await new TestSigner(path).verify(document, signature);
    // Assess
    expect(sameProcess).toBe(true);
    expect(signature).toMatchObject({ signerId: 'onco-1', algorithm: 'Ed25519', qualified: false });
  });

  it('refuses a signature of other bytes, moved to another consultant or time, or made by another key', async () => {
    // Prepare
    const signer = new TestSigner(keyFile());
    const signature = await signer.sign('onco-1', document, Date.UTC(2026, 2, 1));
    const stranger = await new TestSigner(keyFile()).sign('onco-1', document, Date.UTC(2026, 2, 1));
    // Act
    const checks = await Promise.all([
      signer.verify(Buffer.concat([document, Buffer.from(' ')]), signature),
      signer.verify(document, { ...signature, signerId: 'onco-2' }),
      signer.verify(document, { ...signature, signedAt: signature.signedAt + 1 }),
      signer.verify(document, { ...stranger }),
    ]);
    // Assess
    expect(checks).toEqual([false, false, false, false]);
  });
});
