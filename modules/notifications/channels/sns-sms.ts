import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Channel, OutgoingMessage } from './port';
import { PermanentFailure } from './port';

/** SMS through Yandex Cloud Notification Service (SNS API), sender name registered with CNS. */
export function snsSms(settings: {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  senderId: string;
}): Channel {
  const client = new SNSClient({
    region: 'ru-central1',
    endpoint: settings.endpoint,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  return {
    name: 'sms',
    send: async (message: OutgoingMessage) => {
      try {
        await client.send(
          new PublishCommand({
            PhoneNumber: message.address,
            Message: message.text,
            MessageAttributes: {
              'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: settings.senderId },
            },
          }),
        );
      } catch (error) {
        // An invalid number or a number opted out will not succeed on a retry.
        const code = (error as { name?: string }).name;
        if (code === 'InvalidParameterException' || code === 'OptedOutException')
          throw new PermanentFailure(String(code));
        throw error;
      }
    },
  };
}
