import { DateTime } from 'luxon';
import type { NotificationContact } from './repositories/notification-contacts';

/**
 * When the recipient's quiet hours end, if `now` falls inside them (read in their zone;
 * hours may run past midnight, e.g. 22:00-08:00); undefined outside them.
 */
export function quietUntil(contact: NotificationContact, now: number): number | undefined {
  if (!contact.quietHours) return undefined;
  const local = DateTime.fromMillis(now, { zone: contact.timeZone });
  const minutes = local.hour * 60 + local.minute;
  const [from, to] = [contact.quietHours.from, contact.quietHours.to].map(toMinutes) as [number, number];
  const inside = from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
  if (!inside) return undefined;
  const end = local.startOf('day').plus({ minutes: to });
  return (end.toMillis() > now ? end : end.plus({ days: 1 })).toMillis();
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
