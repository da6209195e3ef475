import { ConfigError } from '../../../platform/settings';
import type { PaymentProvider } from '../payment-provider';
import type { bookingSettings } from '../settings';
import { localPaymentProvider } from './local-provider';
import { yookassaPaymentProvider } from './yookassa-provider';

/** The configured payment provider; none when self-paying patients pay at the clinic. */
export function paymentProviderFrom(
  settings: ReturnType<typeof bookingSettings>,
): PaymentProvider | undefined {
  switch (settings.PAYMENT_PROVIDER) {
    case 'none':
      return undefined;
    case 'local':
      return localPaymentProvider(settings.PAYMENT_WEBHOOK_SECRET as string);
    case 'yookassa':
      if (!settings.YOOKASSA_SHOP_ID || !settings.YOOKASSA_SECRET_KEY)
        throw new ConfigError('PAYMENT_PROVIDER=yookassa needs YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY');
      return yookassaPaymentProvider({
        apiRoot: settings.YOOKASSA_API_ROOT,
        shopId: settings.YOOKASSA_SHOP_ID,
        secretKey: settings.YOOKASSA_SECRET_KEY,
        returnUrl: settings.PAYMENT_RETURN_URL,
      });
  }
}
