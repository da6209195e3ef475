/** What booking and consultations ask of a patient (modules/consents/domain/purposes.ts). */
export const careConsents = ['personal_data', 'health_data', 'telemedicine'] as const;

/**
 * The patient gives, with their own token and as the app does, the consents a flow needs at the
 * texts' current versions; part of a benchmark's setup, never of what it measures.
 */
export async function giveConsents(
  baseUrl: string,
  patientToken: string,
  patientId: string,
  purposes: readonly string[] = careConsents,
): Promise<void> {
  const texts = (await (await fetch(`${baseUrl}/v1/consent-texts`)).json()) as {
    items: { purpose: string; version: string }[];
  };
  for (const purpose of purposes) {
    const version = texts.items.find((text) => text.purpose === purpose)?.version;
    const given = await fetch(`${baseUrl}/v1/patients/${patientId}/consents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patientToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ purpose, version }),
    });
    if (given.status >= 300) throw new Error(`consent ${purpose} for ${patientId}: ${given.status}`);
  }
}
