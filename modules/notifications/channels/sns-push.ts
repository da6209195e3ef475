import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Channel, OutgoingMessage } from './port';
import { PermanentFailure } from './port';

/**
 * Mobile push through Cloud Notification Service: the address is the platform endpoint
 * (FCM, APNs, HMS or RuStore) the app registered. FCM and APNs servers are abroad: the
 * channel policy sends no health data here.
 */
export function snsPush(settings: {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
}): Channel {
  const client = new SNSClient({
    region: 'ru-central1',
    endpoint: settings.endpoint,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  return {
    name: 'push',
    send: async (message: OutgoingMessage) => {
      const notification = { title: message.subject, body: message.text };
      try {
        await client.send(
          new PublishCommand({
            TargetArn: message.address,
            MessageStructure: 'json',
            Message: JSON.stringify({
              default: message.text,
              GCM: JSON.stringify({ notification }),
              APNS: JSON.stringify({ aps: { alert: notification } }),
            }),
          }),
        );
      } catch (error) {
        // A disabled or deleted endpoint (the app was removed) will not come back on a retry.
        const code = (error as { name?: string }).name;
        if (code === 'EndpointDisabledException' || code === 'NotFoundException')
          throw new PermanentFailure(String(code));
        throw error;
      }
    },
  };
}
