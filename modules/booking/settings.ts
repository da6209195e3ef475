import { checkPaymentEndpoint } from '../../platform/residency';
import { defineSettings, setting } from '../../platform/settings';

/** Booking's settings: holds, payments by self-paying patients, video links. */
export const bookingSettings = defineSettings(
  'booking',
  {
    /** How long a slot stays held while the patient confirms. */
    HOLD_MINUTES: setting.integer(1, 60, 5),
    /** Holds one patient may keep waiting for confirmation at once. */
    MAX_OPEN_HOLDS: setting.integer(1, 20, 2),
    /** Held or booked visits one patient may have with one doctor on one day. */
    MAX_VISITS_PER_DOCTOR_PER_DAY: setting.integer(1, 20, 2),
    /**
     * How self-paying patients pay: none (at the clinic, outside this system: a confirmed visit is
     * booked at once), yookassa (ЮKassa: booked once paid), local (a stand-in for development).
     */
    PAYMENT_PROVIDER: setting.oneOf(['none', 'local', 'yookassa'], 'none'),
    /** How long a confirmed self-paid visit keeps its slot while the patient pays. */
    PAYMENT_MINUTES: setting.integer(1, 60, 15),
    /** The public base URL of the API (API Gateway): payment links point at its checkout route. */
    PUBLIC_API_URL: setting.optionalUrl(),
    /** Where the provider sends the patient after paying. */
    PAYMENT_RETURN_URL: setting.url('https://telemed.example.ru/paid'),
    /** ЮKassa's API; another host only for a local stand-in in tests. */
    YOOKASSA_API_ROOT: setting.text('https://api.yookassa.ru/v3'),
    YOOKASSA_SHOP_ID: setting.matching(/^\d{3,12}$/, 'a ЮKassa shopId (digits)'),
    YOOKASSA_SECRET_KEY: setting.optionalText(16),
    /** The local stand-in trusts notifications carrying this secret in X-Webhook-Secret. */
    PAYMENT_WEBHOOK_SECRET: setting.optionalText(16),
    /** Base of video consultation links; the video provider adapter builds room links under it. */
    VIDEO_BASE_URL: setting.url('https://video.telemed.example.ru/room'),
  },
  {
    check: (env, { cloud, fail, guard }) => {
      guard('YOOKASSA_API_ROOT', () =>
        checkPaymentEndpoint('YOOKASSA_API_ROOT', env.YOOKASSA_API_ROOT, !cloud),
      );
      // The shop's credentials are checked where the provider is built (paymentProvider), not
      // here: the chatbot sends payment links and must not hold the shop's secret.
      if (env.PAYMENT_PROVIDER !== 'none' && cloud && !env.PUBLIC_API_URL)
        fail('PUBLIC_API_URL', 'payment links need the public URL of the API Gateway');
      if (env.PAYMENT_PROVIDER === 'local' && (cloud || !env.PAYMENT_WEBHOOK_SECRET))
        fail(
          'PAYMENT_PROVIDER',
          'the local payment stand-in is for APP_ENV=local or test, with PAYMENT_WEBHOOK_SECRET',
        );
    },
  },
);
