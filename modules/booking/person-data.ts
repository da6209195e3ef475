import { medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';

const statusOf: Record<string, string> = {
  held: 'pending',
  pending_payment: 'pending',
  booked: 'booked',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

/** A patient's appointments, as FHIR Appointments: kept, a visit is part of the medical record. */
export const bookingPersonData: PersonDataSection = {
  name: 'booking',
  async *gather(patientId, read) {
    const appointments = await read((r) => r.appointments.forPatient(patientId, 10_000));
    for (const a of appointments)
      yield {
        resource: {
          resourceType: 'Appointment',
          id: a.id,
          status: statusOf[a.status] ?? 'proposed',
          start: new Date(a.start).toISOString(),
          end: new Date(a.end).toISOString(),
          serviceType: [{ text: a.format }],
          appointmentType: { text: a.consultationType },
          created: new Date(a.createdAt).toISOString(),
          participant: [
            { actor: { reference: `Patient/${patientId}` }, status: 'accepted' },
            { actor: { reference: `Practitioner/${a.doctorId}` }, status: 'accepted' },
          ],
        },
      };
  },
  keeps: {
    what: { ru: 'записи на приём и их исход', en: 'appointments and their outcome' },
    basis: medicalRecordBasis,
  },
};
