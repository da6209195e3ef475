import type { QueuedCall } from '../../modules/chatbot/repositories/chatbot';
import { getServices } from '../../platform/services';
import type { TestCloud } from './test-cloud';

export const webhookSecret = 'test-telegram-webhook-secret';
export const secretHeader = 'X-Telegram-Bot-Api-Secret-Token';

let nextUpdateId = 500_000_000 + Math.floor(Math.random() * 1_000_000);
export const newUpdateId = () => nextUpdateId++;

interface InlineButton {
  text: string;
  callback_data: string;
}

/** A sendMessage the bot made, as the patient's Telegram client would show it. */
export interface BotMessage {
  text: string;
  buttons: InlineButton[];
  asksForContact: boolean;
}

/** The text of a captured call, whatever its method: what the scans read. */
export function shownText(call: QueuedCall): string {
  const payload = call.payload as { text?: string; reply_markup?: { inline_keyboard?: InlineButton[][] } };
  const buttons = payload.reply_markup?.inline_keyboard?.flat().map((b) => b.text) ?? [];
  return [payload.text ?? '', ...buttons].join('\n');
}

/**
 * A Telegram user talking to the bot through the local cloud's webhook, with updates shaped
 * as Telegram sends them; reads what the bot answered from the capture (chatbot outbox).
 */
export function telegramUser(cloud: TestCloud, userId: number, languageCode = 'ru') {
  const from = { id: userId, is_bot: false, first_name: 'Мария', language_code: languageCode };
  const chat = { id: userId, first_name: 'Мария', type: 'private' };
  let messageId = 1;
  const message = (extra: Record<string, unknown>) => ({
    message_id: messageId++,
    from,
    chat,
    date: Math.floor(Date.now() / 1000),
    ...extra,
  });

  /** `secret` null: no header at all. */
  const deliver = (update: Record<string, unknown>, secret: string | null = webhookSecret) =>
    cloud.request('POST', '/v1/telegram/webhook', {
      body: update,
      headers: secret === null ? {} : { [secretHeader]: secret },
    });
  const send = async (update: Record<string, unknown>) => {
    const response = await deliver(update);
    if (response.status !== 200)
      throw new Error(`webhook: ${response.status} ${JSON.stringify(response.body)}`);
    return update;
  };

  const calls = async (): Promise<QueuedCall[]> => {
    const { store } = await getServices();
    return store.transaction((r) => r.chatbot.callsTo(String(userId)), { readOnly: true });
  };
  const messages = async (): Promise<BotMessage[]> =>
    (await calls())
      .filter((c) => c.method === 'sendMessage')
      .map((c) => {
        const markup = (c.payload.reply_markup ?? {}) as {
          inline_keyboard?: InlineButton[][];
          keyboard?: { request_contact?: boolean }[][];
        };
        return {
          text: String(c.payload.text),
          buttons: markup.inline_keyboard?.flat() ?? [],
          asksForContact: markup.keyboard?.flat().some((b) => b.request_contact) ?? false,
        };
      });
  const last = async () => (await messages()).at(-1) as BotMessage;

  const text = (value: string) => {
    const command = value.match(/^\/\w+/)?.[0];
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command.length }] : undefined;
    return send({
      update_id: newUpdateId(),
      message: message({ text: value, ...(entities ? { entities } : {}) }),
    });
  };
  const contact = (phone: string, own = true) =>
    send({
      update_id: newUpdateId(),
      message: message({
        contact: { phone_number: phone, first_name: 'Мария', ...(own ? { user_id: userId } : {}) },
      }),
    });
  const callback = (data: string) => ({
    update_id: newUpdateId(),
    callback_query: {
      id: String(newUpdateId()),
      from,
      message: {
        message_id: messageId++,
        from: { id: 1, is_bot: true, first_name: 'bot' },
        chat,
        date: 0,
        text: '…',
      },
      chat_instance: '-42',
      data,
    },
  });
  /** Taps the button with this label on the newest message that has one. */
  const press = async (label: string | RegExp) => {
    const all = await messages();
    for (let i = all.length - 1; i >= 0; i--) {
      const button = all[i]?.buttons.find((b) =>
        typeof label === 'string' ? b.text === label : label.test(b.text),
      );
      if (button) return send(callback(button.callback_data));
    }
    throw new Error(`no button ${label} in: ${JSON.stringify(all.at(-1))}`);
  };

  return { userId, deliver, send, text, contact, callback, press, calls, messages, last };
}

export type TelegramUser = ReturnType<typeof telegramUser>;

/** /start up to the complaint prompt: consent, own phone, no coverage, a zone. */
export async function onboard(user: TelegramUser, zoneButton = 'Москва (UTC+3)'): Promise<void> {
  await user.text('/start');
  await user.press('Согласен');
  await user.contact('+7 916 123-45-67');
  await user.press('Пропустить');
  await user.press(zoneButton);
}

/** Complaint, age, then "no" (or "cannot measure") to every follow-up; returns how many were asked. */
export async function describeAndAnswer(user: TelegramUser, complaint: string, age = '34'): Promise<number> {
  await user.text(complaint);
  await user.text(age);
  let asked = 0;
  for (;;) {
    const { buttons } = await user.last();
    const no = buttons.find((b) => b.text === 'Нет' || b.text === 'No');
    const skip = buttons.find((b) => b.text === 'Не могу измерить' || b.text === 'Cannot measure');
    if (!no && !skip) return asked;
    await user.press((no ?? skip)?.text as string);
    asked++;
  }
}

export async function patientOf(user: TelegramUser) {
  const { store } = await getServices();
  const patient = await store.transaction((r) => r.chatbot.patient(String(user.userId)));
  if (!patient) throw new Error('no patient');
  return patient;
}

export async function appointmentsOf(user: TelegramUser) {
  const { patientId } = await patientOf(user);
  const { store } = await getServices();
  return store.transaction((r) => r.appointments.forPatient(patientId));
}
