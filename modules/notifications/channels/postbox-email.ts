import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Channel, OutgoingMessage } from './port';
import { PermanentFailure } from './port';

/** Email through Yandex Cloud Postbox (SES v2 API) from a verified sender domain. */
export function postboxEmail(settings: {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  from: string;
}): Channel {
  const client = new SESv2Client({
    region: 'ru-central1',
    endpoint: settings.endpoint,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  return {
    name: 'email',
    send: async (message: OutgoingMessage) => {
      try {
        await client.send(
          new SendEmailCommand({
            FromEmailAddress: settings.from,
            Destination: { ToAddresses: [message.address] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
              },
            },
          }),
        );
      } catch (error) {
        const code = (error as { name?: string }).name;
        if (code === 'BadRequestException' || code === 'MessageRejected')
          throw new PermanentFailure(String(code));
        throw error;
      }
    },
  };
}
