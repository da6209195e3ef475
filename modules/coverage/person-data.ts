import type { PersonDataSection } from '../../platform/person-data';

/**
 * The policies a patient linked and the employer programmes they activated, as FHIR Coverage.
 * Kept on erasure: they back what sponsors were billed for (the accounting the law makes the
 * clinic keep), and they carry no health data.
 */
export const coveragePersonData: PersonDataSection = {
  name: 'coverage',
  async *gather(patientId, read) {
    const { policies, enrolments } = await read(async (r) => ({
      policies: await r.insurers.policiesOfPatient(patientId),
      enrolments: await r.employers.enrolmentsOfPatient(patientId),
    }));
    const beneficiary = { reference: `Patient/${patientId}` };
    for (const policy of policies) {
      const first = policy.periods[0];
      const last = policy.periods.at(-1);
      yield {
        resource: {
          resourceType: 'Coverage',
          id: policy.id,
          status: policy.status === 'active' ? 'active' : 'cancelled',
          type: { text: 'telemedicine insurance policy' },
          subscriberId: policy.number,
          beneficiary,
          payor: [{ identifier: { value: policy.insurerId } }],
          ...(first && last
            ? {
                period: {
                  start: new Date(first.startsAt).toISOString(),
                  end: new Date(last.endsAt).toISOString(),
                },
              }
            : {}),
        },
      };
    }
    for (const enrolment of enrolments)
      yield {
        resource: {
          resourceType: 'Coverage',
          id: `enrolment-${enrolment.id}`,
          status: 'active',
          type: { text: 'employer psychology programme' },
          beneficiary,
          payor: [{ identifier: { value: enrolment.employerId } }],
          ...(enrolment.activatedAt
            ? { period: { start: new Date(enrolment.activatedAt).toISOString() } }
            : {}),
        },
      };
  },
  keeps: {
    what: {
      ru: 'привязанные полисы и корпоративные программы',
      en: 'linked insurance policies and employer programmes',
    },
    basis: {
      ru: 'учёт оказанных по договору услуг (402-ФЗ ст. 29: первичные учётные документы хранятся не менее 5 лет)',
      en: 'the record of services billed to a sponsor (402-FZ art. 29: primary accounting records are kept at least 5 years)',
    },
  },
};
