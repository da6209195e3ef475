import './store';

export { cancelAppointment, confirmHold, holdSlot, notFound, rescheduleAppointment } from './appointments';
export { bookingDoctors } from './doctor-directory';
export {
  type Appointment,
  type ConsultationFormat,
  isLiveHold,
  rules,
} from './domain/appointment';
export { type Specialty, specialties } from './domain/doctor';
export { sendDueReminders } from './due-reminders';
export { type Outcome, type Payer, PayerRefused, type Payers, type Sponsor, type Visit } from './payers';
export { sweepPayments } from './payment-sweep';
export { paymentSweepTimer } from './payment-sweep-timer';
export { bookingPersonData } from './person-data';
export { remindersTimer } from './reminders-timer';
export { bookingApi } from './routes';
export { format } from './schemas';
export { bookingSettings } from './settings';
export { findSlots } from './slot-search';
export { useSponsorPayers } from './sponsor-payers';
export { findDutyVisit, holdUrgent } from './urgent';
export type { VideoRooms } from './video-rooms';
export { checkoutUrl, paymentMinutes, paymentProvider, video } from './wiring';
