import type { Caller } from '../../platform/identity';
import { problems } from '../../platform/problem';
import type { Appointment } from './domain/appointment';
import type { Doctor } from './domain/doctor';

/** The patient, their doctor, an admin of the clinic, or a trusted service (the chatbot). */
export function canSeeAppointment(caller: Caller, appointment: Appointment): boolean {
  switch (caller.role) {
    case 'patient':
      return caller.subject === appointment.patientId;
    case 'doctor':
      return caller.subject === appointment.doctorId;
    case 'clinic_admin':
      return caller.clinicId === appointment.clinicId;
    case 'service':
      return serviceMayAct(caller, appointment);
    default:
      return false;
  }
}

/** A service token that names a clinic acts for that clinic only. */
function serviceMayAct(caller: Caller, appointment: Appointment): boolean {
  return !caller.clinicId || caller.clinicId === appointment.clinicId;
}

/** Confirming and rescheduling are the patient's (or the chatbot acting for them). */
export function canManageAsPatient(caller: Caller, appointment: Appointment): boolean {
  if (caller.role === 'service') return serviceMayAct(caller, appointment);
  return caller.role === 'patient' && caller.subject === appointment.patientId;
}

/** Completion and no-show are recorded by the appointment's doctor or the clinic's admin. */
export function canClose(caller: Caller, appointment: Appointment): boolean {
  return (
    (caller.role === 'doctor' && caller.subject === appointment.doctorId) ||
    (caller.role === 'clinic_admin' && caller.clinicId === appointment.clinicId)
  );
}

export function canManageDoctor(caller: Caller, doctor: Doctor): boolean {
  return caller.role === 'clinic_admin' && caller.clinicId === doctor.clinicId;
}

/** Whom a hold is for: a patient books for themself; a service (the chatbot) names the patient. */
export function patientBooked(caller: Caller, named: string | undefined): string {
  if (caller.role === 'patient') {
    if (named && named !== caller.subject) throw problems.forbidden('A patient books only for themself.');
    return caller.subject;
  }
  if (!named)
    throw problems.validation([{ path: 'body.patientId', message: 'required when a service books' }]);
  return named;
}
