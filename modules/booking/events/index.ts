export {
  appointmentBookedV1,
  appointmentCancelledV1,
  appointmentCompletedV1,
  appointmentEventsV1,
  appointmentHeldV1,
  appointmentNoShowV1,
  appointmentReminderDueV1,
  appointmentRescheduledV1,
} from './appointment.v1';
export { paymentRefundRefusedV1 } from './payment.v1';
