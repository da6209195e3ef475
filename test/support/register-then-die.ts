/**
 * Child process for the crash test: registers a patient through the real patients
 * handler (state, audit and outbox event commit together), then dies with SIGKILL before
 * any relay could publish the event. Prints the new patient's id first.
 */
import type { HttpEvent } from '../../platform/yandex';

const { handler } = await import('../../functions/patients/handler');
const event = {
  version: '1.0',
  resource: '/v1/patients',
  path: '/v1/patients',
  httpMethod: 'POST',
  headers: { 'Content-Type': 'application/json' },
  multiValueHeaders: {},
  queryStringParameters: {},
  multiValueQueryStringParameters: {},
  requestContext: {
    identity: { sourceIp: '127.0.0.1', userAgent: 'test' },
    httpMethod: 'POST',
    requestId: 'crash-test',
    requestTime: new Date().toUTCString(),
    requestTimeEpoch: Math.floor(Date.now() / 1000),
    authorizer: {
      jwt: {
        claims: {
          sub: 'admin-1',
          role: 'clinic_admin',
          clinic_id: 'clinic-1',
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 600,
        },
        scopes: [],
      },
    },
  },
  pathParameters: {},
  parameters: {},
  multiValueParameters: {},
  operationId: 'registerPatient',
  body: JSON.stringify({ fullName: 'Crash Test', phone: '+79160000099' }),
  isBase64Encoded: false,
} satisfies HttpEvent;
const response = await handler(event, {
  requestId: 'crash-test',
  functionName: 'patients',
  functionVersion: 'test',
  memoryLimitInMB: '256',
  getRemainingTimeInMillis: () => 10_000,
});
process.stdout.write(`${JSON.parse(response.body ?? '{}').id}\n`, () => process.kill(process.pid, 'SIGKILL'));
