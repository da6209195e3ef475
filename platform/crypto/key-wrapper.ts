/** A data key wrapped by a master key; the key id and version travel with it. */
export interface WrappedKey {
  keyId: string;
  keyVersion: string;
  wrapped: string;
}

/**
 * The KMS port: wraps and unwraps data keys with a master key that never leaves the
 * KMS (Yandex KMS in the cloud, a local keyring file on a developer's machine).
 */
export interface KeyWrapper {
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  unwrap(key: WrappedKey): Promise<Buffer>;
  /** The master key version new data keys are wrapped with, when known. */
  primaryVersion(): Promise<string | undefined>;
}

export class CiphertextRejected extends Error {
  constructor(reason: string) {
    super(`Ciphertext rejected: ${reason}`);
    this.name = 'CiphertextRejected';
  }
}
