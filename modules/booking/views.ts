import type { Appointment, ConsultationType } from './domain/appointment';
import type { Doctor } from './domain/doctor';
import type { DutyShift } from './domain/duty';
import type { Payment } from './domain/payment';
import { localIso } from './local-time';
import type { Slot } from './slot-search';

const notices: Record<ConsultationType, { ru: string; en: string }> = {
  informational: {
    ru: 'Консультация носит информационный характер: дистанционно поставить диагноз и назначить лечение можно только после очного приёма в этой клинике (323-ФЗ, ст. 36.2).',
    en: 'This consultation is informational: a diagnosis and treatment can be given remotely only after an in-person visit to this clinic (Federal Law 323-FZ, art. 36.2).',
  },
  follow_up: {
    ru: 'Повторная консультация после очного приёма: врач может скорректировать диагноз и лечение.',
    en: 'Follow-up after an in-person visit: the doctor may adjust the diagnosis and treatment.',
  },
};

/** An instant in UTC and as the clock on the wall reads it in `zone`. */
function at(ms: number, zone: string) {
  return {
    utc: new Date(ms).toISOString(),
    local: localIso(ms, zone),
  };
}

/** A self-paid visit's payment: how much, by when, and the link that opens the provider's page. */
export interface PaymentLink {
  payment: Payment;
  checkoutUrl: string;
}

export function appointmentView(
  appointment: Appointment,
  doctorZone: string,
  language: 'ru' | 'en',
  payment?: PaymentLink,
  now = Date.now(),
) {
  const start = at(appointment.start, appointment.patientTimeZone);
  const end = at(appointment.end, appointment.patientTimeZone);
  return {
    id: appointment.id,
    // A hold past its expiry has let its slot go, whatever the row still says.
    status:
      appointment.status === 'held' && appointment.holdExpiresAt !== null && appointment.holdExpiresAt <= now
        ? 'expired'
        : appointment.status,
    clinicId: appointment.clinicId,
    doctorId: appointment.doctorId,
    patientId: appointment.patientId,
    serviceId: appointment.serviceId,
    format: appointment.format,
    start: start.utc,
    end: end.utc,
    patientTimeZone: appointment.patientTimeZone,
    patientLocalStart: start.local,
    patientLocalEnd: end.local,
    doctorTimeZone: doctorZone,
    doctorLocalStart: at(appointment.start, doctorZone).local,
    holdExpiresAt:
      appointment.holdExpiresAt === null ? null : new Date(appointment.holdExpiresAt).toISOString(),
    consultationType: appointment.consultationType,
    consultationNotice: notices[appointment.consultationType][language],
    lateCancellation: appointment.lateCancellation,
    videoLink: appointment.videoLink,
    payerType: appointment.payerType,
    urgent: appointment.urgent,
    payment: payment
      ? {
          id: payment.payment.id,
          status: payment.payment.status,
          amountRub: payment.payment.amountKopecks / 100,
          checkoutUrl: payment.checkoutUrl,
        }
      : null,
  };
}

export function dutyShiftView(shift: DutyShift) {
  return {
    id: shift.id,
    clinicId: shift.clinicId,
    doctorId: shift.doctorId,
    specialty: shift.specialty,
    start: new Date(shift.start).toISOString(),
    end: new Date(shift.end).toISOString(),
  };
}

export function slotView(slot: Slot, patientZone: string) {
  const service = slot.doctor.services.find((s) => s.id === slot.serviceId);
  return {
    doctorId: slot.doctor.id,
    doctorName: slot.doctor.fullName,
    specialty: slot.doctor.specialty,
    clinicId: slot.doctor.clinicId,
    serviceId: slot.serviceId,
    format: service?.format,
    durationMinutes: service?.durationMinutes,
    priceRub: service?.priceRub,
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
    localStart: at(slot.start, patientZone).local,
    localEnd: at(slot.end, patientZone).local,
    doctorLocalStart: at(slot.start, slot.doctor.timeZone).local,
  };
}

export function doctorView(doctor: Doctor) {
  return {
    id: doctor.id,
    clinicId: doctor.clinicId,
    fullName: doctor.fullName,
    specialty: doctor.specialty,
    languages: doctor.languages,
    timeZone: doctor.timeZone,
    services: doctor.services,
    schedule: doctor.schedule,
  };
}
