import type { Repositories } from '../../platform/store';
import type { Intent } from './decisions';

/** How long before the visit each reminder's wording holds ("tomorrow", "in an hour"). */
const reminderLeads: Record<string, number> = {
  'appointment.reminder_24h': 24 * 3_600_000,
  'appointment.reminder_1h': 3_600_000,
};

/**
 * What a message held back by quiet hours says when it goes out: as written, in wording true
 * now (a reminder past its "in an hour" says only when), or nothing at all when the visit was
 * cancelled, moved or has begun since. A cancellation stays true and goes as it is.
 */
export async function stillTrue<T extends Intent>(
  repos: Repositories,
  message: T,
  now: number,
): Promise<T | undefined> {
  const appointmentId = message.variables.appointmentId;
  if (!appointmentId || message.template === 'appointment.cancelled') return message;
  const appointment = await bookedAsAnnounced(repos, appointmentId, message.variables.at ?? '');
  if (!appointment || appointment.start <= now) return undefined;
  const lead = reminderLeads[message.template];
  // Three quarters of its lead gone: "in an hour" would no longer be true.
  if (lead && appointment.start - now < lead * 0.75) return { ...message, template: 'appointment.upcoming' };
  return message;
}

/** The appointment, if it is still booked for the time a message announces; else undefined. */
export async function bookedAsAnnounced(repos: Repositories, appointmentId: string, start: string) {
  const appointment = await repos.appointments.get(appointmentId);
  if (appointment?.status !== 'booked' || new Date(appointment.start).toISOString() !== start)
    return undefined;
  return appointment;
}
