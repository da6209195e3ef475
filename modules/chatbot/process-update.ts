import type { Update, UserFromGetMe } from 'grammy/types';
import type { Repositories, Store } from '../../platform/store';
import { converse } from './dialogue';
import { Replies } from './replies';
import { type Incoming, route } from './routing';
import { type Conversation, conversationTtlMs } from './state';
import type { BotTransport } from './transport';
import { attempts, type Refusal, Refused, type TurnDeps } from './turn';

/** 'handled', 'ignored:<why>' or 'duplicate' (a retried delivery); recorded per update id. */
export type Outcome = string;

/** A turn may meet a refusal at each of its attempts; more than this is a bug, not a patient. */
const maxRefusals = 3;

/**
 * Applies one update exactly once: its id, the dialogue's effects (bookings included), the new
 * conversation state and the Bot API calls to make all commit in one transaction.
 */
export async function processUpdate(
  store: Store,
  update: Update,
  me: UserFromGetMe,
  deps: TurnDeps,
): Promise<Outcome> {
  const incoming = await route(update, me);
  const now = Date.now();
  const known = new Map<number, Refusal>();
  for (;;) {
    try {
      return await store.transaction((repos) => apply(repos, update.update_id, incoming, now, known, deps));
    } catch (error) {
      if (!(error instanceof Refused) || known.size >= maxRefusals) throw error;
      known.set(error.index, error.refusal);
    }
  }
}

async function apply(
  repos: Repositories,
  updateId: number,
  incoming: Incoming,
  now: number,
  known: ReadonlyMap<number, Refusal>,
  deps: TurnDeps,
): Promise<Outcome> {
  if (!(await repos.chatbot.claimUpdate(updateId))) return 'duplicate';
  if (incoming.kind === 'ignored') {
    const outcome = `ignored:${incoming.reason}`;
    await repos.chatbot.setOutcome(updateId, outcome);
    return outcome;
  }
  const saved = (await repos.chatbot.conversation(incoming.chatId)) as Conversation | undefined;
  const turn = {
    incoming,
    repos,
    now,
    patient: await repos.chatbot.patient(incoming.userId),
    conversation: saved ?? { step: { step: 'idle' as const } },
    out: new Replies(incoming.chatId),
    attempt: attempts(known),
    deps,
  };
  await converse(turn);
  await repos.chatbot.saveConversation(incoming.chatId, turn.conversation, conversationTtlMs);
  await repos.chatbot.queueCalls(updateId, incoming.chatId, turn.out.calls);
  await repos.chatbot.setOutcome(updateId, 'handled');
  return 'handled';
}

/**
 * Delivers the update's calls still pending, in order. A retried delivery of the same update
 * finds them again, so a crash or a Telegram outage after commit loses no message.
 */
export async function deliverCalls(store: Store, transport: BotTransport, updateId: number): Promise<void> {
  const pending = await store.transaction((r) => r.chatbot.pendingCalls(updateId), { readOnly: true });
  for (const call of pending) {
    const result = await transport.deliver(call);
    await store.transaction((r) => r.chatbot.markCall(call, result, transport.name));
  }
}
