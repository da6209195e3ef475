import type { Repositories } from '../../platform/store';
import { type Appointment, needsPayment } from './domain/appointment';
import { appointmentView } from './views';
import { checkoutUrl } from './wiring';

/** The appointment as the API shows it: in both zones, with its payment link while one is due. */
export async function viewOf(repos: Repositories, appointment: Appointment, language: 'ru' | 'en') {
  // A hold has no payment yet: one is created when a self-paid hold is confirmed.
  const payment =
    appointment.status !== 'held' && needsPayment(appointment)
      ? await repos.payments.ofAppointment(appointment.id)
      : undefined;
  const doctorZone =
    appointment.doctorTimeZone ?? (await repos.doctors.get(appointment.doctorId))?.timeZone ?? 'UTC';
  return appointmentView(
    appointment,
    doctorZone,
    language,
    payment && { payment, checkoutUrl: checkoutUrl(payment.id) },
  );
}
