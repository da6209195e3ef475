import { describe, expect, it } from 'vitest';
import { identityPersonData } from '../../modules/identity';
import type { PersonDataItem, ReadPage } from '../../platform/person-data';
import { clockedStore } from '../support/clocked-store';

async function gathered(section: typeof identityPersonData, patientId: string, read: ReadPage) {
  const items: PersonDataItem[] = [];
  for await (const item of section.gather(patientId, read)) items.push(item);
  return items;
}

describe("identity's share of a patient's export", () => {
  it('gives how the patient was verified and the names of the claims, and nothing for anyone else', async () => {
    // Prepare: one patient verified through ESIA, another never verified
    const { store } = clockedStore('identity-person-data', Date.now);
    const read: ReadPage = (work) => store.transaction(work, { readOnly: true });
    await store.transaction((r) =>
      r.assurances.recordOnce('patient', 'patient-verified', {
        issuer: 'https://id.example.ru',
        trustFramework: 'ru_esia',
        assuranceLevel: 'confirmed',
        verifiedAt: Date.UTC(2026, 10, 1),
        transaction: 'esia-txn-1',
        claims: ['family_name', 'snils'],
        recordedAt: Date.UTC(2026, 10, 2),
      }),
    );
    // Act
    const verified = await gathered(identityPersonData, 'patient-verified', read);
    const other = await gathered(identityPersonData, 'patient-unverified', read);
    // Assess
    expect(verified).toHaveLength(1);
    const resource = (verified[0] as { resource: Record<string, unknown> }).resource;
    expect(resource).toMatchObject({
      resourceType: 'Basic',
      subject: { reference: 'Patient/patient-verified' },
      extension: expect.arrayContaining([
        { url: 'urn:telemed:trust-framework', valueString: 'ru_esia' },
        { url: 'urn:telemed:verified-claims', valueString: 'family_name, snils' },
      ]),
    });
    expect(other).toEqual([]);
    expect(identityPersonData.keeps?.basis.ru).toMatch(/323-ФЗ/);
  });
});
