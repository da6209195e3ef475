import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import { UniqueConflict } from '../../../storage/errors';
import type { Row, Tables } from '../../../storage/port';
import type { Sponsor } from '../../booking';

/** Telegram retries an update for about a day; a week of ids is plenty. */
const updateMemoryMs = 7 * 24 * 3_600_000;
/** Sent calls are kept a month for support, then expire. */
const outboxMemoryMs = 30 * 24 * 3_600_000;

export type BotLanguage = 'ru' | 'en';

export interface ChatbotPatient {
  telegramUserId: string;
  patientId: string;
  language: BotLanguage;
  timeZone: string;
  phone: string | null;
  /** The policy or employer programme the patient linked; null pays for themself. */
  payer: Sponsor | null;
  consentVersion: string;
  consentedAt: number;
}

/** One Bot API call, Telegram-shaped, as it leaves (or, under capture, would leave). */
export interface BotCall {
  method: 'sendMessage' | 'answerCallbackQuery';
  payload: Record<string, unknown>;
}

export interface QueuedCall extends BotCall {
  updateId: number;
  seq: number;
  chatId: string | null;
  status: 'pending' | 'sent' | 'rejected';
  transport: string | null;
}

/** The chatbot's state: update dedupe, consented patients, sealed conversations, the call outbox. */
export class ChatbotRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  /** Records the update id; false when it was seen before (a retried delivery). */
  async claimUpdate(updateId: number): Promise<boolean> {
    const at = this.now();
    try {
      await this.tables.insert('chatbot_updates', {
        update_id: updateId,
        outcome: 'processing',
        received_at: at,
        expires_at: at + updateMemoryMs,
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConflict) return false;
      throw error;
    }
  }

  async setOutcome(updateId: number, outcome: string): Promise<void> {
    await this.tables.update('chatbot_updates', { update_id: updateId }, { outcome });
  }

  async outcome(updateId: number): Promise<string | undefined> {
    const row = await this.tables.get('chatbot_updates', { update_id: updateId });
    return row ? String(row.outcome) : undefined;
  }

  async patient(telegramUserId: string): Promise<ChatbotPatient | undefined> {
    const row = await this.tables.get('chatbot_patients', { telegram_user_id: telegramUserId });
    return row ? toPatient(row) : undefined;
  }

  async savePatient(patient: ChatbotPatient): Promise<void> {
    const at = this.now();
    const existing = await this.tables.get('chatbot_patients', { telegram_user_id: patient.telegramUserId });
    await this.tables.upsert('chatbot_patients', {
      telegram_user_id: patient.telegramUserId,
      patient_id: patient.patientId,
      language: patient.language,
      time_zone: patient.timeZone,
      phone: patient.phone,
      payer: patient.payer,
      consent_version: patient.consentVersion,
      consented_at: patient.consentedAt,
      created_at: existing ? Number(existing.created_at) : at,
      updated_at: at,
    });
  }

  /** Appends a consent; giving the same version again keeps the first record. */
  async recordConsent(telegramUserId: string, version: string, language: BotLanguage): Promise<void> {
    try {
      await this.tables.insert('chatbot_consents', {
        telegram_user_id: telegramUserId,
        version,
        language,
        given_at: this.now(),
      });
    } catch (error) {
      if (!(error instanceof UniqueConflict)) throw error;
    }
  }

  async consents(telegramUserId: string): Promise<{ version: string; givenAt: number }[]> {
    const rows = await this.tables.find('chatbot_consents', { where: { telegram_user_id: telegramUserId } });
    return rows.map((r) => ({ version: String(r.version), givenAt: Number(r.given_at) }));
  }

  /** The Telegram user a patient id is linked to, if the patient came through the bot. */
  async linkOf(patientId: string): Promise<ChatbotPatient | undefined> {
    const [row] = await this.tables.find('chatbot_patients', { where: { patient_id: patientId }, limit: 1 });
    return row ? toPatient(row) : undefined;
  }

  /**
   * Erasure: the bot forgets the patient's link, conversation and queued replies (a private
   * chat's id is the user's). Consents stay: they are the evidence the processing was lawful.
   */
  async forget(telegramUserId: string): Promise<number> {
    let removed = 0;
    if (await this.tables.remove('chatbot_patients', { telegram_user_id: telegramUserId })) removed++;
    if (await this.tables.remove('chatbot_conversations', { chat_id: telegramUserId })) removed++;
    for (const call of await this.tables.find('chatbot_outbox', { where: { chat_id: telegramUserId } }))
      if (await this.tables.remove('chatbot_outbox', { update_id: call.update_id, seq: call.seq })) removed++;
    return removed;
  }

  /** The chat's conversation, opened; undefined once it expired. */
  async conversation(chatId: string): Promise<unknown> {
    const row = await this.tables.get('chatbot_conversations', { chat_id: chatId });
    if (!row) return undefined;
    return JSON.parse(await this.cipher.open(row.state as SealedField, stateContext(chatId)));
  }

  async saveConversation(chatId: string, state: unknown, ttlMs: number): Promise<void> {
    const at = this.now();
    await this.tables.upsert('chatbot_conversations', {
      chat_id: chatId,
      state: await this.cipher.seal(JSON.stringify(state), stateContext(chatId)),
      updated_at: at,
      expires_at: at + ttlMs,
    });
  }

  async queueCalls(updateId: number, chatId: string | null, calls: BotCall[]): Promise<void> {
    const at = this.now();
    for (const [seq, call] of calls.entries()) {
      await this.tables.insert('chatbot_outbox', {
        update_id: updateId,
        seq,
        chat_id: chatId,
        method: call.method,
        // What the bot says repeats the patient's complaint and triage answers: sealed.
        payload: await this.cipher.seal(JSON.stringify(call.payload), payloadContext(updateId, seq)),
        status: 'pending',
        transport: null,
        created_at: at,
        sent_at: null,
        expires_at: at + outboxMemoryMs,
      });
    }
  }

  async pendingCalls(updateId: number): Promise<QueuedCall[]> {
    const rows = await this.tables.find('chatbot_outbox', {
      where: { update_id: updateId, status: 'pending' },
      orderBy: [{ column: 'seq' }],
    });
    return Promise.all(rows.map((row) => this.toCall(row)));
  }

  async markCall(call: QueuedCall, status: 'sent' | 'rejected', transport: string): Promise<void> {
    await this.tables.update(
      'chatbot_outbox',
      { update_id: call.updateId, seq: call.seq },
      { status, transport, sent_at: this.now() },
    );
  }

  /** Every call to one chat, oldest first: what the patient saw. */
  async callsTo(chatId: string): Promise<QueuedCall[]> {
    const rows = await this.tables.find('chatbot_outbox', {
      where: { chat_id: chatId },
      orderBy: [{ column: 'update_id' }, { column: 'seq' }],
    });
    return Promise.all(rows.map((row) => this.toCall(row)));
  }

  /**
   * The newest messages the bot would have sent under the capture transport, opened: the local
   * cloud's view of what Telegram users saw (`GET /v1/dev/outbox`, never in the cloud).
   */
  async capturedReplies(limit: number): Promise<{ chatId: string; text: string; sentAt: number }[]> {
    const rows = await this.tables.find('chatbot_outbox', {
      where: { transport: 'capture', method: 'sendMessage' },
      orderBy: [{ column: 'sent_at', direction: 'desc' }],
      limit,
    });
    const calls = await Promise.all(rows.map((row) => this.toCall(row)));
    return calls.map((call, i) => ({
      chatId: call.chatId ?? '',
      text: String(call.payload.text ?? ''),
      sentAt: Number(rows[i]?.sent_at),
    }));
  }

  private async toCall(row: Row): Promise<QueuedCall> {
    const [updateId, seq] = [Number(row.update_id), Number(row.seq)];
    return {
      updateId,
      seq,
      chatId: row.chat_id === null ? null : String(row.chat_id),
      method: row.method as BotCall['method'],
      payload: JSON.parse(await this.cipher.open(row.payload as SealedField, payloadContext(updateId, seq))),
      status: row.status as QueuedCall['status'],
      transport: row.transport === null ? null : String(row.transport),
    };
  }
}

const payloadContext = (updateId: number, seq: number) => `chatbot_outbox/${updateId}/${seq}/payload`;

const stateContext = (chatId: string) => `chatbot_conversations/${chatId}/state`;

function toPatient(row: Row): ChatbotPatient {
  return {
    telegramUserId: String(row.telegram_user_id),
    patientId: String(row.patient_id),
    language: row.language as BotLanguage,
    timeZone: String(row.time_zone),
    phone: row.phone === null ? null : String(row.phone),
    payer: (row.payer as Sponsor | null) ?? null,
    consentVersion: String(row.consent_version),
    consentedAt: Number(row.consented_at),
  };
}
