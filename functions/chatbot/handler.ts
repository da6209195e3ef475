import { chatbot, chatbotApi } from '../../modules/chatbot';
import { entryPoint } from '../../platform/runtime';

/** HTTP: the Telegram bot's webhook. A bot without its secret (or token) never starts. */
export const handler = entryPoint(chatbotApi, chatbot);
