import type { Repositories } from '../../platform/store';
import { type HoldContext, hold } from './appointments';
import { type Appointment, type ConsultationFormat, rules } from './domain/appointment';
import type { Doctor, Service, Specialty } from './domain/doctor';
import { covers, urgentStart } from './domain/duty';
import type { Interval } from './domain/schedule';
import { blockOf } from './domain/slots';
import type { Payer } from './payers';

export interface DutyVisit {
  doctor: Doctor;
  service: Service;
  start: number;
  end: number;
  block: Interval;
}

/**
 * A doctor on duty in the specialty who is free from the next cell on for a whole visit in
 * the format, whatever their weekly schedule says. Doctors are tried in random order so that
 * urgent visits spread over the roster.
 */
export async function findDutyVisit(
  repos: Repositories,
  specialty: Specialty,
  format: ConsultationFormat,
  now: number,
): Promise<DutyVisit | undefined> {
  const start = urgentStart(now);
  const shifts = await repos.dutyShifts.onDuty(specialty, start);
  for (const shift of shifts.sort(() => Math.random() - 0.5)) {
    const doctor = await repos.doctors.get(shift.doctorId);
    const service = doctor?.services.find((s) => s.format === format);
    if (!doctor || !service) continue;
    const end = start + service.durationMinutes * 60_000;
    if (!covers(shift, start, end)) continue;
    const { bufferBeforeMinutes, bufferAfterMinutes } = doctor.schedule;
    const block = blockOf(start, end, bufferBeforeMinutes, bufferAfterMinutes);
    // Read before claiming: a failed claim would leave the cells it did take in the transaction.
    if ((await repos.appointments.occupiedCells(doctor.id, block.start, block.end)).size) continue;
    return { doctor, service, start, end, block };
  }
  return undefined;
}

/** "A doctor now": holds the next minutes of a free doctor on duty; none free is `NO_DOCTOR_ON_DUTY`. */
export async function holdUrgent(
  repos: Repositories,
  request: {
    specialty: Specialty;
    format: ConsultationFormat;
    patientId: string;
    patientTimeZone: string;
    payer?: Payer | undefined;
  },
  context: HoldContext,
): Promise<Appointment> {
  const visit = await findDutyVisit(repos, request.specialty, request.format, context.now);
  if (!visit) throw rules.noDoctorOnDuty();
  return hold(repos, { ...request, ...visit, urgent: true }, context);
}
