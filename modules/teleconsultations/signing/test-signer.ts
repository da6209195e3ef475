import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Signature, SignaturePort } from './port';

interface KeyFile {
  keyId: string;
  privateKey: string;
}

/**
 * The local stand-in for a qualified signature service: one Ed25519 key of its own, in a file
 * beside the local keyring, created on first use. It signs for any consultant and marks every
 * signature unqualified; it verifies only what it signed itself.
 */
export class TestSigner implements SignaturePort {
  private readonly key: { keyId: string; privateKey: KeyObject; publicKey: KeyObject };

  constructor(path: string) {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      const file: KeyFile = {
        keyId: `test-signer-${crypto.randomUUID().slice(0, 8)}`,
        privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      };
      writeFileSync(path, JSON.stringify(file), { mode: 0o600 });
    }
    const file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
    const privateKey = createPrivateKey(file.privateKey);
    this.key = { keyId: file.keyId, privateKey, publicKey: createPublicKey(privateKey) };
  }

  async sign(signerId: string, document: Uint8Array, at: number): Promise<Signature> {
    return {
      signerId,
      signedAt: at,
      algorithm: 'Ed25519',
      keyId: this.key.keyId,
      value: sign(null, signedBytes(signerId, at, document), this.key.privateKey).toString('base64'),
      qualified: false,
    };
  }

  async verify(document: Uint8Array, signature: Signature): Promise<boolean> {
    if (signature.algorithm !== 'Ed25519' || signature.keyId !== this.key.keyId) return false;
    return verify(
      null,
      signedBytes(signature.signerId, signature.signedAt, document),
      this.key.publicKey,
      Buffer.from(signature.value, 'base64'),
    );
  }
}

/** Who and when are signed with the document: a signature cannot be moved to another consultant or time. */
function signedBytes(signerId: string, at: number, document: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${signerId}\n${at}\n`), document]);
}
