import { medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';

/** The patient record itself: kept whole on an erasure request, it is the medical record's front page. */
export const patientsPersonData: PersonDataSection = {
  name: 'patients',
  async *gather(patientId, read) {
    const patient = await read((r) => r.patients.get(patientId));
    if (!patient) return;
    yield {
      resource: {
        resourceType: 'Patient',
        id: patient.id,
        name: [{ text: patient.fullName }],
        telecom: [{ system: 'phone', value: patient.phone }],
        ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
        managingOrganization: { identifier: { value: patient.clinicId } },
        ...(patient.medicalNotes
          ? { extension: [{ url: 'urn:telemed:medical-notes', valueString: patient.medicalNotes }] }
          : {}),
        meta: { lastUpdated: patient.updatedAt },
      },
    };
  },
  keeps: {
    what: {
      ru: 'карта пациента (имя, телефон, дата рождения, заметки врача)',
      en: 'the patient record (name, phone, birth date, clinical notes)',
    },
    basis: medicalRecordBasis,
  },
};
