import type { Repositories } from '../../storage/unit-of-work';
import { type HoldContext, hold } from './appointments';
import { type Appointment, type ConsultationFormat, rules } from './domain/appointment';
import type { Specialty } from './domain/doctor';
import { covers, urgentStart } from './domain/duty';
import { blockOf } from './domain/slots';
import type { Payer } from './payers';

/**
 * "A doctor now": holds the next cell with a doctor on duty in the specialty who is free,
 * whatever their weekly schedule says. Doctors are tried in random order so that urgent
 * visits spread over the roster; none free is `NO_DOCTOR_ON_DUTY`.
 */
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
  const start = urgentStart(context.now);
  const shifts = await repos.dutyShifts.onDuty(request.specialty, start);
  for (const shift of shifts.sort(() => Math.random() - 0.5)) {
    const doctor = await repos.doctors.get(shift.doctorId);
    const service = doctor?.services.find((s) => s.format === request.format);
    if (!doctor || !service) continue;
    const end = start + service.durationMinutes * 60_000;
    if (!covers(shift, start, end)) continue;
    const { bufferBeforeMinutes, bufferAfterMinutes } = doctor.schedule;
    const block = blockOf(start, end, bufferBeforeMinutes, bufferAfterMinutes);
    // Read before claiming: a failed claim would leave the cells it did take in the transaction.
    if ((await repos.appointments.occupiedCells(doctor.id, block.start, block.end)).size) continue;
    return hold(repos, { ...request, doctor, service, start, end, block, urgent: true }, context);
  }
  throw rules.noDoctorOnDuty();
}
