import { randomBytes } from 'node:crypto';

/** The video provider port: a join link per appointment. */
export interface VideoRooms {
  roomFor(appointmentId: string): string;
}

/**
 * Links under a configured base with an unguessable room name; a provider adapter
 * (Yandex Telemost, a self-hosted Jitsi in ru-central1, …) replaces it behind the same port.
 */
export function linkRooms(baseUrl: string): VideoRooms {
  return {
    roomFor: (appointmentId) =>
      `${baseUrl.replace(/\/+$/, '')}/${appointmentId}-${randomBytes(12).toString('base64url')}`,
  };
}
