import { RuleBroken } from '../../platform/rule-broken';
import type { Repositories } from '../../platform/store';
import type { Payers, VideoRooms } from '../booking';
import type { Replies } from './replies';
import type { BotLanguage, ChatbotPatient } from './repositories/chatbot';
import type { Incoming } from './routing';
import type { Conversation, Step } from './state';
import { texts } from './texts';

export interface TurnDeps {
  holdMinutes: number;
  video: VideoRooms;
  payers: Payers;
  /** Present when self-paying patients pay through a provider: how long they have, and the link. */
  payment?: { minutes: number; checkoutUrl(paymentId: string): string };
  route: string;
  requestId: string;
  correlationId: string;
}

/** A domain rule said no: the dialogue explains it to the patient instead of failing the update. */
export type Refusal = RuleBroken;
export const refusalCode = (refusal: Refusal): string => refusal.code;
export type Attempted<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };
export type Attempt = <T>(action: () => Promise<T>) => Promise<Attempted<T>>;

/** One update's pass through the dialogue, inside the transaction that commits its effects. */
export interface Turn {
  incoming: Exclude<Incoming, { kind: 'ignored' }>;
  repos: Repositories;
  now: number;
  patient: ChatbotPatient | undefined;
  conversation: Conversation;
  out: Replies;
  /** Runs a use case that may be refused; see `attempts`. */
  attempt: Attempt;
  deps: TurnDeps;
}

export const languageOf = (turn: Turn): BotLanguage =>
  turn.patient?.language ?? turn.conversation.language ?? 'ru';
export const textsOf = (turn: Turn) => texts[languageOf(turn)];
export const goTo = (turn: Turn, step: Step) => {
  turn.conversation.step = step;
};

function isRefusal(error: unknown): error is Refusal {
  return error instanceof RuleBroken;
}

/** Thrown out of the transaction so a refused use case leaves no half-written rows behind. */
export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly index: number,
  ) {
    super(refusal.message);
    this.name = 'Refused';
  }
}

/**
 * A use case refused halfway (a slot cell taken after others were claimed) may have written
 * rows. So a refusal aborts the whole transaction; the update then runs again in a fresh one
 * where that attempt (by its order in the turn) returns the refusal without running, and the
 * dialogue answers it. Turns are deterministic up to there, so the same attempt comes back.
 */
export function attempts(known: ReadonlyMap<number, Refusal>): Attempt {
  let next = 0;
  return async (action) => {
    const index = next++;
    const refusal = known.get(index);
    if (refusal) return { ok: false, refusal };
    try {
      return { ok: true, value: await action() };
    } catch (error) {
      if (isRefusal(error)) throw new Refused(error, index);
      throw error;
    }
  };
}
