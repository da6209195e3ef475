import type { PersonDataSection } from '../../platform/person-data';

/**
 * A patient's consent history, as FHIR `Consent` resources with their evidence. Kept whole on an
 * erasure request: it is the proof of the basis every other processing rested on.
 */
export const consentsPersonData: PersonDataSection = {
  name: 'consents',
  async *gather(patientId, read) {
    const records = await read((r) => r.consents.of(patientId));
    for (const record of records)
      yield {
        resource: {
          resourceType: 'Consent',
          id: `consent-${record.id}`,
          status: record.action === 'given' ? 'active' : 'inactive',
          patient: { reference: `Patient/${patientId}` },
          dateTime: new Date(record.recordedAt).toISOString(),
          category: [{ text: record.purpose }],
          policyRule: { text: `${record.purpose} ${record.version}` },
          extension: [
            { url: 'urn:telemed:consent-action', valueCode: record.action },
            { url: 'urn:telemed:channel', valueCode: record.channel },
            ...(record.textHash ? [{ url: 'urn:telemed:text-sha256', valueString: record.textHash }] : []),
            ...(record.recipient ? [{ url: 'urn:telemed:recipient', valueString: record.recipient }] : []),
            ...Object.entries(record.evidence).map(([key, value]) => ({
              url: `urn:telemed:evidence:${key}`,
              valueString: value,
            })),
          ],
        },
      };
  },
  keeps: {
    what: {
      ru: 'согласия и их отзывы с версией текста, временем и способом получения',
      en: 'consents and their withdrawals, with the text version, time and how they were given',
    },
    basis: {
      ru: 'оператор обязан доказать получение согласия (152-ФЗ ст. 9 ч. 3); информированное добровольное согласие — часть медицинской документации (323-ФЗ ст. 20)',
      en: 'the operator must prove the consent was obtained (152-FZ art. 9 part 3); informed voluntary consent is part of the medical records (323-FZ art. 20)',
    },
  },
};
