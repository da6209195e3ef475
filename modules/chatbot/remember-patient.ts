import type { Turn } from './turn';

/**
 * Keeps what the bot knows of its patient, and makes this chat one of their notification
 * channels (they consented to reminders here): booked, reminders and cancellations reach them
 * in Telegram, in their language and zone. A channel they set themselves in the app is kept;
 * their phone, once shared, is the fallback. The channel policy still keeps health data out.
 */
export async function rememberPatient(turn: Turn): Promise<void> {
  const patient = turn.patient;
  if (!patient) return;
  await turn.repos.chatbot.savePatient(patient);
  const saved = await turn.repos.notificationContacts.get(patient.patientId);
  const phone = saved?.phone ?? patient.phone;
  const channels = saved?.channels.includes('telegram')
    ? saved.channels
    : [...(saved?.channels ?? []), 'telegram' as const];
  await turn.repos.notificationContacts.save({
    userId: patient.patientId,
    phone,
    email: saved?.email ?? null,
    telegramChatId: turn.incoming.chatId,
    pushEndpoint: saved?.pushEndpoint ?? null,
    language: patient.language,
    timeZone: patient.timeZone,
    quietHours: saved?.quietHours ?? null,
    channels: phone && !channels.includes('sms') ? [...channels, 'sms'] : channels,
  });
}
