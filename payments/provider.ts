import type { PaymentProvider } from '../functions/booking/payment-provider';
import type { Config } from '../platform/config';
import { localPaymentProvider } from './local-provider';
import { yookassaPaymentProvider } from './yookassa-provider';

/** The configured payment provider; none when self-paying patients pay at the clinic. */
export function paymentProviderFrom(settings: Config): PaymentProvider | undefined {
  switch (settings.PAYMENT_PROVIDER) {
    case 'none':
      return undefined;
    case 'local':
      return localPaymentProvider(settings.PAYMENT_WEBHOOK_SECRET as string);
    case 'yookassa':
      return yookassaPaymentProvider({
        shopId: settings.YOOKASSA_SHOP_ID as string,
        secretKey: settings.YOOKASSA_SECRET_KEY as string,
        returnUrl: settings.PAYMENT_RETURN_URL,
      });
  }
}
