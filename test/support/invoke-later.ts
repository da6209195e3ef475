import type { Role } from '../../platform/roles';
import type { TestCloud } from './test-cloud';

/**
 * A call as API Gateway makes it once its authorizer has passed, for simulated weeks: the gateway
 * runs on its own thread with the real clock, so inside `later` the test authorizes (a token
 * minted and verified on the moved clock) and invokes the function itself.
 */
export async function invokeAsGateway(
  cloud: TestCloud,
  fn: string,
  who: { role: Role; subject: string; tenant?: string },
  call: {
    operationId: string;
    method: string;
    path: string;
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
  },
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
): Promise<{ status: number; body: any }> {
  const claims = await cloud.identity.verify(await cloud.token(who.role, who));
  const params = call.params ?? {};
  const resource = Object.entries(params).reduce(
    (path, [name, value]) => path.replace(value, `{${name}}`),
    call.path,
  );
  const response = (await cloud.invoke(fn, {
    version: '1.0',
    resource,
    path: call.path,
    httpMethod: call.method,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    multiValueHeaders: {},
    queryStringParameters: call.query ?? {},
    multiValueQueryStringParameters: Object.fromEntries(
      Object.entries(call.query ?? {}).map(([k, v]) => [k, [v]]),
    ),
    requestContext: {
      identity: { sourceIp: '127.0.0.1', userAgent: 'test' },
      httpMethod: call.method,
      requestId: crypto.randomUUID(),
      requestTime: new Date().toUTCString(),
      requestTimeEpoch: Math.floor(Date.now() / 1000),
      apiGateway: { operationContext: {} },
      authorizer: { jwt: { claims, scopes: [] } },
    },
    pathParameters: params,
    parameters: params,
    multiValueParameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, [v]])),
    body: call.body === undefined ? '' : JSON.stringify(call.body),
    operationId: call.operationId,
    isBase64Encoded: false,
  })) as { statusCode: number; body: string };
  return { status: response.statusCode, body: JSON.parse(response.body || 'null') };
}
