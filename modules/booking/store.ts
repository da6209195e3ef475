import { defineRepositories } from '../../platform/store';
import { AppointmentRepository } from './repositories/appointments';
import { DoctorRepository } from './repositories/doctors';
import { DutyShifts } from './repositories/duty-shifts';
import { InPersonVisits } from './repositories/in-person-visits';
import { Payments } from './repositories/payments';
import './tables';
// Holds by a clinic's service token check the patient's clinic.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    doctors: DoctorRepository;
    appointments: AppointmentRepository;
    dutyShifts: DutyShifts;
    payments: Payments;
    inPersonVisits: InPersonVisits;
  }
}

/** Booking's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  doctors: ({ tables }) => new DoctorRepository(tables),
  appointments: ({ tables }) => new AppointmentRepository(tables),
  dutyShifts: ({ tables }) => new DutyShifts(tables),
  payments: ({ tables }) => new Payments(tables),
  inPersonVisits: ({ tables, now }) => new InPersonVisits(tables, now),
});
