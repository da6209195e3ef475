import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Notification Service (SNS API) on a local port: every SMS published to it is counted by
 * phone number, as the phone would receive it. `refuse(n)` answers the next n with a 500, as a
 * provider briefly down would.
 */
export async function startSmsProvider() {
  const received: string[] = [];
  let refusals = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (refusals > 0) {
        refusals--;
        response
          .writeHead(500, { 'Content-Type': 'text/xml' })
          .end('<ErrorResponse><Error><Code>InternalError</Code></Error></ErrorResponse>');
        return;
      }
      received.push(new URLSearchParams(body).get('PhoneNumber') ?? '');
      response
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(
          '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    to: (phone: string) => received.filter((p) => p === phone).length,
    refuse: (n: number) => {
      refusals = n;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
