import { DateTime } from 'luxon';
import { RuleBroken } from '../../../platform/rule-broken';
import { isOpen, type TeleRequest } from './request';

/** A video session between the requesting doctor and the consilium: one instant, two zones. */
export interface VideoSession {
  /** UTC instant, ms. */
  startsAt: number;
  minutes: number;
  /** The room, from booking's video provider. */
  link: string;
  scheduledBy: string;
  scheduledAt: number;
  /** The centre's zone when it was scheduled: the time as the consilium reads it. */
  centreTimeZone: string;
}

export const videoRules = {
  notAccepted: () =>
    new RuleBroken(
      'TELECONSULTATION_STATE',
      409,
      'A video session is scheduled for an open request the centre has accepted.',
    ),
  inThePast: () => new RuleBroken('SESSION_IN_THE_PAST', 422, 'The video session must start in the future.'),
};

/** The centre (re)schedules the session; a new time replaces the last, the room stays. */
export function scheduleVideo(request: TeleRequest, session: VideoSession, now: number): TeleRequest {
  if (!isOpen(request) || request.acceptedAt === null) throw videoRules.notAccepted();
  if (session.startsAt <= now) throw videoRules.inThePast();
  return { ...request, videoSession: { ...session, link: request.videoSession?.link ?? session.link } };
}

/** The instant as a wall clock with its offset in a zone: `2026-12-10T19:00:00.000+07:00`. */
export const wallClock = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toISO() as string;
