import type { Update, UserFromGetMe } from 'grammy/types';
import { Api, Composer, Context } from 'grammy/web';

export const commands = ['start', 'lang', 'my', 'cancel', 'reschedule', 'rehab'] as const;
export type Command = (typeof commands)[number];

interface From {
  chatId: string;
  userId: string;
}

/** What an update asks of the dialogue, or why it is deliberately left alone. */
export type Incoming =
  | (From & { kind: 'command'; command: Command })
  | (From & { kind: 'text'; text: string })
  | (From & { kind: 'contact'; phone: string; own: boolean })
  | (From & { kind: 'button'; data: string; callbackQueryId: string })
  | (From & { kind: 'unsupported' })
  | { kind: 'ignored'; reason: string };

interface Routed extends Context {
  incoming?: Incoming;
}

const from = (ctx: Context): From => ({
  chatId: String(ctx.chat?.id),
  userId: String(ctx.from?.id),
});

/** grammY's filters sort an update; only private chats with a person are served. */
const router = new Composer<Routed>();
router.on('edited_message', (ctx) => {
  ctx.incoming = { kind: 'ignored', reason: 'edited_message' };
});
const person = router.chatType('private').filter((ctx) => ctx.from?.is_bot !== true);
for (const command of commands) {
  person.command(command, (ctx) => {
    ctx.incoming = { ...from(ctx), kind: 'command', command };
  });
}
person.on('message:text', (ctx) => {
  const command = bareCommand(ctx.message.text, ctx.me.username);
  ctx.incoming = command
    ? { ...from(ctx), kind: 'command', command }
    : { ...from(ctx), kind: 'text', text: ctx.message.text };
});
person.on('message:contact', (ctx) => {
  const { contact } = ctx.message;
  // Only the request_contact button sends the sender's own card: its user_id is theirs.
  ctx.incoming = {
    ...from(ctx),
    kind: 'contact',
    phone: contact.phone_number,
    own: contact.user_id === ctx.from.id,
  };
});
person.on('callback_query:data', (ctx) => {
  ctx.incoming = {
    ...from(ctx),
    kind: 'button',
    data: ctx.callbackQuery.data,
    callbackQueryId: ctx.callbackQuery.id,
  };
});
person.on('message', (ctx) => {
  ctx.incoming = { ...from(ctx), kind: 'unsupported' };
});
router.on('callback_query', (ctx) => {
  ctx.incoming = {
    kind: 'ignored',
    reason: ctx.chat ? 'callback_outside_private_chat' : 'inline_message_callback',
  };
});

/** Clients mark commands with a bot_command entity, but Telegram's own sample "/start" has none. */
function bareCommand(text: string, username: string): Command | undefined {
  const match = text.match(/^\/(\w+)(?:@(\w+))?(?:\s|$)/);
  if (!match || (match[2] && match[2].toLowerCase() !== username.toLowerCase())) return undefined;
  return commands.find((command) => command === match[1]);
}

/** The Api is never called while routing; Context only needs one to exist. */
const idleApi = new Api('0:routing-only');

export async function route(update: Update, me: UserFromGetMe): Promise<Incoming> {
  const ctx = new Context(update, idleApi, me) as Routed;
  await router.middleware()(ctx, async () => undefined);
  return ctx.incoming ?? { kind: 'ignored', reason: `unhandled_${updateKind(update)}` };
}

function updateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
}

/** What grammY would learn from getMe, known from configuration so no call is made per cold start. */
export function botIdentity(botId: number, username: string): UserFromGetMe {
  return {
    id: botId,
    is_bot: true,
    first_name: username,
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
