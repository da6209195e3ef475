import type { Payer } from '../booking';
import {
  type Appointment,
  cancelAppointment,
  confirmHold,
  findDutyVisit,
  findSlots,
  holdSlot,
  holdUrgent,
  isLiveHold,
  rescheduleAppointment,
} from '../booking';
import { missingConsents, requiredFor } from '../consents';
import { type Button, inline } from './replies';
import type { ChatbotPatient } from './repositories/chatbot';
import type { SlotList, SlotOption, SlotSearch } from './state';
import { slotLabel, when } from './texts';
import { goTo, languageOf, type Refusal, refusalCode, type Turn, textsOf } from './turn';
import { zoneCity } from './zones';

const searchDays = 14;
const slotsShown = 6;

const patientOf = (turn: Turn) => turn.patient as ChatbotPatient;
const whenOf = (turn: Turn, ms: number) => when(ms, patientOf(turn).timeZone, languageOf(turn));
const rowsOf = (buttons: Button[], perRow: number) =>
  Array.from({ length: Math.ceil(buttons.length / perRow) }, (_, i) =>
    buttons.slice(i * perRow, (i + 1) * perRow),
  );

/** Free times as buttons in the patient's zone: time and format only, never the doctor's specialty. */
export async function offerSlots(
  turn: Turn,
  search: SlotSearch,
  payer: Payer,
  intro?: string,
): Promise<void> {
  const { now } = turn;
  const found = await findSlots(
    turn.repos,
    {
      ...(search.specialty ? { specialty: search.specialty } : {}),
      ...(search.doctorId ? { doctorId: search.doctorId } : {}),
      ...(search.serviceId ? { serviceId: search.serviceId } : {}),
      ...(search.withinHours ? { withinHours: search.withinHours } : {}),
      from: now,
      to: now + searchDays * 86_400_000,
      limit: 50,
    },
    now,
  );
  const options: SlotOption[] = [];
  // Triage asked for soon: a doctor on duty, free now, comes first.
  const duty =
    search.withinHours &&
    search.specialty &&
    (await findDutyVisit(turn.repos, search.specialty, 'video', now));
  if (duty) {
    const { doctor, service, start } = duty;
    options.push({ doctorId: doctor.id, serviceId: service.id, start, format: service.format, urgent: true });
  }
  for (const slot of found) {
    const format = slot.doctor.services.find((s) => s.id === slot.serviceId)?.format;
    // Several doctors free at one time look the same to the patient: offer the time once.
    if (!format || options.some((o) => o.start === slot.start && o.format === format)) continue;
    options.push({ doctorId: slot.doctor.id, serviceId: slot.serviceId, start: slot.start, format });
    if (options.length === slotsShown) break;
  }
  const t = textsOf(turn);
  if (options.length === 0) {
    goTo(turn, { step: 'idle' });
    return turn.out.say(intro ? `${intro}\n${t.noSlots}` : t.noSlots);
  }
  const list: SlotList = { id: crypto.randomUUID().slice(0, 8), options, search };
  goTo(turn, { step: 'slots', list, payer });
  showSlots(turn, list, intro);
}

export function showSlots(turn: Turn, list: SlotList, intro?: string): void {
  const language = languageOf(turn);
  const { timeZone } = patientOf(turn);
  const t = textsOf(turn);
  const buttons = list.options.map((o, i) => ({
    text: o.urgent ? t.doctorNow(t.shortFormats[o.format]) : slotLabel(o.start, timeZone, o.format, language),
    data: `slot:${list.id}:${i}`,
  }));
  const choose = t.chooseSlot(zoneCity(timeZone, language));
  turn.out.say(intro ? `${intro}\n${choose}` : choose, inline(rowsOf(buttons, 2)));
}

/** A slot was tapped: hold it (or move the appointment being rescheduled there). */
export async function onSlot(turn: Turn, list: SlotList, index: number, payer: Payer): Promise<void> {
  const option = list.options[index] as SlotOption;
  if (list.search.reschedule) return moveTo(turn, list, option);
  const patient = patientOf(turn);
  // A consent withdrawn in the app since onboarding stops a booking here as it does there.
  if ((await missingConsents(turn.repos, patient.patientId, requiredFor.booking)).length) {
    goTo(turn, { step: 'idle' });
    return turn.out.say(textsOf(turn).consentsNeeded);
  }
  const who = { patientId: patient.patientId, patientTimeZone: patient.timeZone, payer };
  const context = {
    now: turn.now,
    holdMinutes: turn.deps.holdMinutes,
    correlationId: turn.deps.correlationId,
    payers: turn.deps.payers,
  };
  const { specialty } = list.search;
  const held = await turn.attempt(() =>
    option.urgent && specialty
      ? holdUrgent(turn.repos, { ...who, specialty, format: option.format }, context)
      : holdSlot(turn.repos, { ...option, ...who }, context),
  );
  if (!held.ok) return refused(turn, held.refusal, list, index);
  const t = textsOf(turn);
  goTo(turn, { step: 'held', appointmentId: held.value.id, list, payer });
  turn.out.say(
    t.held(whenOf(turn, held.value.start), t.formats[option.format], turn.deps.holdMinutes),
    inline([
      [{ text: t.confirm, data: `confirm:${held.value.id}` }],
      [{ text: t.otherTime, data: `other:${list.id}` }],
    ]),
  );
}

export async function onConfirm(turn: Turn, appointment: Appointment, list: SlotList): Promise<void> {
  const { video, payers, correlationId, payment } = turn.deps;
  const paymentMinutes = payment?.minutes;
  const booked = await turn.attempt(() =>
    confirmHold(turn.repos, appointment, {
      now: turn.now,
      correlationId,
      video,
      payers,
      ...(paymentMinutes ? { paymentMinutes } : {}),
    }),
  );
  if (!booked.ok) return refused(turn, booked.refusal, list);
  goTo(turn, { step: 'idle' });
  const t = textsOf(turn);
  const due =
    booked.value.status === 'pending_payment' && (await turn.repos.payments.ofAppointment(appointment.id));
  if (due && payment) {
    const link = payment.checkoutUrl(due.id);
    return turn.out.say(
      t.payToBook(whenOf(turn, appointment.start), due.amountKopecks / 100, payment.minutes, link),
    );
  }
  // Time and format only: the confirmation travels through Telegram's servers abroad.
  turn.out.say(t.booked(whenOf(turn, appointment.start), t.formats[appointment.format]));
}

async function moveTo(turn: Turn, list: SlotList, option: SlotOption): Promise<void> {
  const appointment = await ownAppointment(turn, list.search.reschedule as string);
  if (!appointment) return turn.out.say(textsOf(turn).cannotChange);
  const moved = await turn.attempt(() =>
    rescheduleAppointment(turn.repos, appointment, option.start, {
      now: turn.now,
      correlationId: turn.deps.correlationId,
      payers: turn.deps.payers,
    }),
  );
  if (!moved.ok) return refused(turn, moved.refusal, list);
  goTo(turn, { step: 'idle' });
  const t = textsOf(turn);
  turn.out.say(t.moved(whenOf(turn, option.start), t.formats[appointment.format]));
}

/** The patient's own appointment by id; anyone else's looks like none. */
export async function ownAppointment(turn: Turn, id: string): Promise<Appointment | undefined> {
  const appointment = await turn.repos.appointments.get(id);
  return appointment?.patientId === turn.patient?.patientId ? appointment : undefined;
}

async function refused(turn: Turn, refusal: Refusal, list: SlotList, index?: number): Promise<void> {
  const t = textsOf(turn);
  const code = refusalCode(refusal);
  if (refusal.name === 'PayerRefused' && index !== undefined) {
    return turn.out.say(
      t.notCovered,
      inline([
        [{ text: t.paySelf, data: `self:${list.id}:${index}` }],
        [{ text: t.otherTime, data: `other:${list.id}` }],
      ]),
    );
  }
  if (code === 'APPOINTMENT_STATE' || code.endsWith('_NOT_FOUND')) {
    goTo(turn, { step: 'idle' });
    return turn.out.say(t.cannotChange);
  }
  const payer =
    turn.conversation.step.step === 'held' || turn.conversation.step.step === 'slots'
      ? turn.conversation.step.payer
      : { type: 'self' as const };
  await offerSlots(turn, list.search, payer, code === 'HOLD_EXPIRED' ? t.holdExpired : t.slotTaken);
}

/** Upcoming appointments the patient can still act on, soonest first. */
async function upcoming(turn: Turn, statuses: Appointment['status'][]): Promise<Appointment[]> {
  const all = await turn.repos.appointments.forPatient(patientOf(turn).patientId);
  return all
    .filter((a) => statuses.includes(a.status) && a.end > turn.now)
    .filter((a) => a.status === 'booked' || isLiveHold(a, turn.now))
    .sort((a, b) => a.start - b.start);
}

export async function listAppointments(turn: Turn): Promise<void> {
  const t = textsOf(turn);
  const list = await upcoming(turn, ['booked', 'held', 'pending_payment']);
  if (list.length === 0) return turn.out.say(t.noAppointments);
  const waitingFor = { held: t.awaitingConfirmation, pending_payment: t.awaitingPayment } as const;
  const lines = list.map((a) => {
    const waiting = a.status === 'held' || a.status === 'pending_payment' ? ` (${waitingFor[a.status]})` : '';
    return `• ${whenOf(turn, a.start)}, ${t.formats[a.format]}${waiting}`;
  });
  turn.out.say([t.yourAppointments, ...lines].join('\n'));
}

/** /cancel and /reschedule: the patient picks one of their booked appointments (/cancel: or an unpaid one). */
export async function pickAppointment(turn: Turn, action: 'cancel' | 'move'): Promise<void> {
  const t = textsOf(turn);
  const list = await upcoming(turn, action === 'cancel' ? ['booked', 'pending_payment'] : ['booked']);
  if (list.length === 0) return turn.out.say(t.noAppointments);
  const language = languageOf(turn);
  const buttons = list.slice(0, 10).map((a) => ({
    text: slotLabel(a.start, patientOf(turn).timeZone, a.format, language),
    data: `${action}:${a.id}`,
  }));
  turn.out.say(action === 'cancel' ? t.pickToCancel : t.pickToMove, inline(rowsOf(buttons, 1)));
}

export async function onCancel(turn: Turn, appointment: Appointment): Promise<void> {
  const cancelled = await turn.attempt(() =>
    cancelAppointment(turn.repos, appointment, {
      now: turn.now,
      correlationId: turn.deps.correlationId,
      by: 'patient',
      payers: turn.deps.payers,
    }),
  );
  const t = textsOf(turn);
  if (!cancelled.ok) return turn.out.say(t.cannotChange);
  turn.out.say(t.cancelled(whenOf(turn, appointment.start)));
}

export async function onMove(turn: Turn, appointment: Appointment): Promise<void> {
  if (appointment.status !== 'booked') return turn.out.say(textsOf(turn).cannotChange);
  await offerSlots(
    turn,
    { doctorId: appointment.doctorId, serviceId: appointment.serviceId, reschedule: appointment.id },
    { type: 'self' },
  );
}
