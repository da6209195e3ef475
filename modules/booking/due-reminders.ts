import type { Repositories } from '../../platform/store';
import { appointmentEvent } from './appointment-events';

/** How long before the start each reminder goes out; `start` brings the link to join by. */
export const reminderLeads = { '24h': 24 * 3_600_000, '1h': 3_600_000, start: 5 * 60_000 } as const;

/**
 * A run catches appointments whose reminder time fell in the last `lookbackMs`: runs are
 * a minute apart, and a missed run or two is still covered. Each reminder is claimed by a
 * unique row in the same transaction as its event, so a timer firing twice sends it once;
 * only booked appointments are read, so a cancelled one is never reminded, and a moved one
 * is reminded for its new time.
 */
export async function sendDueReminders(
  repos: Repositories,
  context: { now: number; lookbackMs: number; correlationId: string; limit: number },
): Promise<number> {
  let sent = 0;
  for (const [kind, lead] of Object.entries(reminderLeads) as [keyof typeof reminderLeads, number][]) {
    const from = context.now + lead - context.lookbackMs;
    const due = await repos.appointments.bookedStartingBetween(from, context.now + lead, context.limit);
    for (const appointment of due) {
      if (!(await repos.appointments.claimReminder(appointment, kind, context.now))) continue;
      await repos.outbox.add(
        ...appointmentEvent('reminder_due', appointment, context.correlationId, {
          kind,
          patientTimeZone: appointment.patientTimeZone,
          ...(kind === 'start' ? { videoLink: appointment.videoLink } : {}),
        }),
      );
      sent++;
    }
  }
  return sent;
}
