import type { TestCloud } from './test-cloud';

/** What booking, consultations and teleconsultations ask of a patient (modules/consents/domain/purposes.ts). */
export const careConsents = ['personal_data', 'health_data', 'telemedicine'] as const;

/**
 * The patient gives consents as the app does: reads the current texts, records each at its
 * version with their own token. Throws when one is not recorded, so a test never runs without.
 */
export async function giveConsents(
  cloud: TestCloud,
  patientId: string,
  purposes: readonly string[] = careConsents,
): Promise<void> {
  const token = await cloud.token('patient', { subject: patientId });
  const texts = (await cloud.request('GET', '/v1/consent-texts')).body.items as {
    purpose: string;
    version: string;
  }[];
  for (const purpose of purposes) {
    const version = texts.find((text) => text.purpose === purpose)?.version;
    const given = await cloud.request('POST', `/v1/patients/${patientId}/consents`, {
      token,
      body: { purpose, version },
    });
    if (given.status >= 300)
      throw new Error(`consent ${purpose} for ${patientId}: ${given.status} ${JSON.stringify(given.body)}`);
  }
}

/** A patient token whose subject has given the care consents: a patient ready to book. */
export async function consentingPatient(
  cloud: TestCloud,
  subject: string = crypto.randomUUID(),
): Promise<string> {
  await giveConsents(cloud, subject);
  return cloud.token('patient', { subject });
}
