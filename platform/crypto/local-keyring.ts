import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CiphertextRejected, type KeyWrapper, type WrappedKey } from './key-wrapper';

interface KeyringFile {
  keyId: string;
  primary: string;
  versions: Record<string, string>;
}

/**
 * The embedded KMS: AES-256-GCM master keys in a JSON file under `.data/`, created on
 * first start. Rotation adds a version; old versions stay so old ciphertexts still open.
 */
export class LocalKeyring implements KeyWrapper {
  constructor(private readonly path: string) {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      this.save({ keyId: 'local-master', primary: 'v1', versions: { v1: newKey() } });
    }
  }

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    const ring = this.load();
    const master = keyBytes(ring, ring.primary);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', master, iv);
    const sealed = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return { keyId: ring.keyId, keyVersion: ring.primary, wrapped: sealed.toString('base64') };
  }

  async unwrap(key: WrappedKey): Promise<Buffer> {
    const ring = this.load();
    if (key.keyId !== ring.keyId) throw new CiphertextRejected(`unknown key ${key.keyId}`);
    const master = keyBytes(ring, key.keyVersion);
    const sealed = Buffer.from(key.wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', master, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    } catch {
      throw new CiphertextRejected('data key failed authentication');
    }
  }

  async primaryVersion(): Promise<string> {
    return this.load().primary;
  }

  /** Adds a new master key version and makes it primary; returns its name. */
  rotate(): string {
    const ring = this.load();
    const next = `v${Object.keys(ring.versions).length + 1}`;
    this.save({ ...ring, primary: next, versions: { ...ring.versions, [next]: newKey() } });
    return next;
  }

  private load(): KeyringFile {
    return JSON.parse(readFileSync(this.path, 'utf8')) as KeyringFile;
  }

  private save(ring: KeyringFile): void {
    writeFileSync(this.path, JSON.stringify(ring, null, 2), { mode: 0o600 });
  }
}

function newKey(): string {
  return randomBytes(32).toString('base64');
}

function keyBytes(ring: KeyringFile, version: string): Buffer {
  const key = ring.versions[version];
  if (!key) throw new CiphertextRejected(`unknown key version ${version}`);
  return Buffer.from(key, 'base64');
}
