import { config } from '../../../platform/config';
import type { Store } from '../../../platform/store';
import type { ChannelName } from '../channel-policy';
import { notificationsSettings } from '../settings';
import { captureChannel } from './capture';
import type { Channel } from './port';

type Channels = Partial<Record<ChannelName, Channel>>;

let cloudChannels: Promise<Channels> | undefined;

/**
 * The channels this deployment sends through: the local capture unless APP_ENV=cloud;
 * in the cloud CNS for SMS and push, Postbox for email and the Bot API for Telegram, their
 * SDKs loaded on first use.
 */
export async function channelsFor(store: Store): Promise<Channels> {
  const cfg = { ...config(), ...notificationsSettings() };
  const driver = cfg.NOTIFY_DRIVER ?? (cfg.APP_ENV === 'cloud' ? 'cloud' : 'capture');
  if (driver === 'capture') {
    return Object.fromEntries(
      (['sms', 'email', 'telegram', 'push'] as const).map((name) => [name, captureChannel(name, store)]),
    );
  }
  cloudChannels ??= (async () => {
    const credentials = {
      accessKeyId: cfg.ACCESS_KEY_ID ?? '',
      secretAccessKey: cfg.SECRET_ACCESS_KEY ?? '',
    };
    const [{ snsSms }, { snsPush }, { postboxEmail }, { telegramMessages }] = await Promise.all([
      import('./sns-sms'),
      import('./sns-push'),
      import('./postbox-email'),
      import('./telegram'),
    ]);
    return {
      sms: snsSms({ endpoint: cfg.SNS_ENDPOINT, senderId: cfg.SMS_SENDER_ID, ...credentials }),
      push: snsPush({ endpoint: cfg.SNS_ENDPOINT, ...credentials }),
      email: postboxEmail({ endpoint: cfg.POSTBOX_ENDPOINT, from: cfg.EMAIL_FROM, ...credentials }),
      // Only where the bot's token is given (required in the cloud; absent in local stand-ins).
      ...(cfg.TELEGRAM_BOT_TOKEN
        ? { telegram: telegramMessages(cfg.TELEGRAM_BOT_TOKEN, cfg.TELEGRAM_API_ROOT) }
        : {}),
    };
  })();
  return cloudChannels;
}
