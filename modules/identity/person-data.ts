import type { PersonDataSection } from '../../platform/person-data';

/**
 * How the patient's identity was verified: which provider, framework and level, when, and the
 * names of the claims it vouched for (their values were never stored). Kept on an erasure request:
 * it shows who a consultation's records were made for.
 */
export const identityPersonData: PersonDataSection = {
  name: 'identity',
  async *gather(patientId, read) {
    const verification = await read((r) => r.assurances.verificationOf('patient', patientId));
    if (!verification) return;
    yield {
      resource: {
        resourceType: 'Basic',
        id: `identity-${patientId}`,
        code: { text: 'identity verification' },
        subject: { reference: `Patient/${patientId}` },
        created: new Date(verification.recordedAt).toISOString(),
        extension: [
          { url: 'urn:telemed:issuer', valueString: verification.issuer },
          { url: 'urn:telemed:trust-framework', valueString: verification.trustFramework },
          ...(verification.assuranceLevel
            ? [{ url: 'urn:telemed:assurance-level', valueString: verification.assuranceLevel }]
            : []),
          { url: 'urn:telemed:verified-at', valueDateTime: new Date(verification.verifiedAt).toISOString() },
          { url: 'urn:telemed:verified-claims', valueString: verification.claims.join(', ') },
        ],
      },
    };
  },
  keeps: {
    what: {
      ru: 'запись о подтверждении вашей личности (без самих данных документа)',
      en: 'the record of how your identity was verified (without the document data itself)',
    },
    basis: {
      ru: 'идентификация участников консультации с применением телемедицинских технологий является частью медицинской документации: 323-ФЗ ст. 36.2',
      en: 'identifying the participants of a telemedicine consultation is part of the medical records: 323-FZ art. 36.2',
    },
  },
};
