import type { BotCall } from './repositories/chatbot';

export interface Button {
  text: string;
  /** At most 64 bytes (Bot API); ids and indexes, never health data. */
  data: string;
}

type Markup =
  | { inline_keyboard: { text: string; callback_data: string }[][] }
  | { keyboard: { text: string; request_contact: true }[][]; resize_keyboard: true; one_time_keyboard: true }
  | { remove_keyboard: true };

export const inline = (rows: Button[][]): Markup => ({
  inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))),
});

export const contactRequest = (label: string): Markup => ({
  keyboard: [[{ text: label, request_contact: true }]],
  resize_keyboard: true,
  one_time_keyboard: true,
});

export const removeKeyboard: Markup = { remove_keyboard: true };

/** The Bot API calls one update produces, in order; they are committed with its effects. */
export class Replies {
  readonly calls: BotCall[] = [];

  constructor(private readonly chatId: string) {}

  say(text: string, markup?: Markup): void {
    this.calls.push({
      method: 'sendMessage',
      payload: { chat_id: Number(this.chatId), text, ...(markup ? { reply_markup: markup } : {}) },
    });
  }

  /** Stops the button's spinner (Telegram wants an answer to every callback query): sent first. */
  answer(callbackQueryId: string, text?: string): void {
    this.calls.unshift({
      method: 'answerCallbackQuery',
      payload: { callback_query_id: callbackQueryId, ...(text ? { text } : {}) },
    });
  }
}
