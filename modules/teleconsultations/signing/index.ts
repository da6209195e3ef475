import { dirname, join } from 'node:path';
import { config } from '../../../platform/config';
import { RuleBroken } from '../../../platform/rule-broken';
import type { Signature, SignaturePort } from './port';
import { TestSigner } from './test-signer';

export type { Signature, SignaturePort } from './port';

/** In the cloud, until the qualified signature adapter is built: signing is refused, reading says unverified. */
const unconnected: SignaturePort = {
  sign: async () => {
    throw new RuleBroken(
      'SIGNATURE_UNAVAILABLE',
      409,
      'No qualified electronic signature service is connected; the conclusion cannot be signed yet.',
    );
  },
  verify: async () => false,
};

let signer: SignaturePort | undefined;

/** The signature port for where the function runs: the test signer locally and in tests. */
export function signaturePort(): SignaturePort {
  if (!signer) {
    const cfg = config();
    signer =
      cfg.APP_ENV === 'cloud'
        ? unconnected
        : new TestSigner(join(dirname(cfg.KEYRING_PATH), 'test-signer.json'));
  }
  return signer;
}

/** The bytes a conclusion's signatures are of: its FHIR document, as JSON. */
export function documentBytes(document: Record<string, unknown>): Uint8Array {
  return Buffer.from(JSON.stringify(document));
}

export async function verified(document: Record<string, unknown>, signatures: Signature[]) {
  const bytes = documentBytes(document);
  return Promise.all(signatures.map(async (s) => ({ ...s, valid: await signaturePort().verify(bytes, s) })));
}
