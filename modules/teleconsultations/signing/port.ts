/**
 * A consultant's electronic signature of a conclusion.
 *
 * In the cloud this is a qualified electronic signature (КЭП, 63-FZ): the consultant's certificate
 * lives in a signature service (for instance КриптоПро DSS deployed in the clinic network's own
 * Yandex Cloud folder, so the residency guard holds), which signs the document's bytes after the
 * consultant confirms, returns a detached CAdES-BES signature with the certificate, and verifies
 * one against the certificate chain and revocation lists. That adapter is not built yet; locally a
 * test signer with its own key stands in, and says so in every signature it makes (`qualified`).
 */
export interface Signature {
  signerId: string;
  signedAt: number;
  /** How it was made: `Ed25519` for the test signer; `CAdES-BES` for a qualified one. */
  algorithm: string;
  /** Which key or certificate: the verifier finds it by this. */
  keyId: string;
  /** The signature itself, base64. */
  value: string;
  /** False for the test signer: a signature nobody may rely on outside development. */
  qualified: boolean;
}

export interface SignaturePort {
  sign(signerId: string, document: Uint8Array, at: number): Promise<Signature>;
  /** Whether the signature is of exactly these bytes, by a key the port trusts for its signer. */
  verify(document: Uint8Array, signature: Signature): Promise<boolean>;
}
