import { CiphertextRejected, type KeyWrapper, type WrappedKey } from './key-wrapper';

/** Supplies the IAM token of the function's service account for the current call. */
export type IamTokenSource = () => string | undefined;

/**
 * Yandex KMS. The SDK is heavy (tens of MB unbundled), so it is imported on first use;
 * a session is built per call from the invocation's IAM token, which sidesteps the SDK's
 * metadata token that is never refreshed (reference/yandex-cloud.md §9).
 */
export class YandexKms implements KeyWrapper {
  private lastVersion: string | undefined;

  constructor(
    private readonly keyId: string,
    private readonly iamToken: IamTokenSource,
    private readonly aad = Buffer.from('telemed:field-key'),
  ) {}

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    const { client, symmetricCryptoService } = await this.client();
    const response = await client.encrypt(
      symmetricCryptoService.SymmetricEncryptRequest.fromPartial({
        keyId: this.keyId,
        plaintext: dataKey,
        aadContext: this.aad,
      }),
    );
    this.lastVersion = response.versionId;
    return {
      keyId: response.keyId,
      keyVersion: response.versionId,
      wrapped: response.ciphertext.toString('base64'),
    };
  }

  async unwrap(key: WrappedKey): Promise<Buffer> {
    const { client, symmetricCryptoService } = await this.client();
    try {
      const response = await client.decrypt(
        symmetricCryptoService.SymmetricDecryptRequest.fromPartial({
          keyId: key.keyId,
          ciphertext: Buffer.from(key.wrapped, 'base64'),
          aadContext: this.aad,
        }),
      );
      return Buffer.from(response.plaintext);
    } catch (error) {
      throw new CiphertextRejected(`KMS refused to decrypt: ${(error as Error).message}`);
    }
  }

  async primaryVersion(): Promise<string | undefined> {
    return this.lastVersion;
  }

  private async client() {
    const token = this.iamToken();
    if (!token) throw new Error('No IAM token: attach a service account with kms.keys.encrypterDecrypter');
    const [{ Session }, { symmetricCryptoService }] = await Promise.all([
      import('@yandex-cloud/nodejs-sdk'),
      import('@yandex-cloud/nodejs-sdk/kms-v1'),
    ]);
    const session = new Session({ iamToken: token });
    return {
      client: session.client(symmetricCryptoService.SymmetricCryptoServiceClient),
      symmetricCryptoService,
    };
  }
}
