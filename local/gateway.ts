import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ErrorObject } from 'ajv';
import FindMyWay from 'find-my-way';
import { type Problem, problems } from '../platform/problem';
import type { HttpEvent, HttpResponse } from '../platform/yandex';
import type { DevIdentity } from './dev-identity';
import type { Operation } from './openapi-routes';

export type Invoke = (functionName: string, event: unknown) => Promise<unknown>;

/**
 * The local API Gateway: matches a request to an operation of contracts/openapi.yaml,
 * applies the JWT authorizer and request validators, and calls the operation's function
 * with the event API Gateway builds (payload format 1.0, reference/yandex-cloud.md §2a).
 */
/**
 * Local-only routes outside the contract (the dev outbox, a device publishing), answered by the
 * local cloud itself with a whole response. They show every captured message, so they need a
 * `service` token.
 */
export type DevRoutes = Record<string, (body: Buffer) => Promise<HttpResponse>>;

export function createGateway(
  operations: Operation[],
  identity: DevIdentity,
  invoke: Invoke,
  devRoutes: DevRoutes = {},
): Server {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const operation of operations) {
    router.on(
      operation.method as 'GET',
      operation.path.replace(/\{(\w+)\}/g, ':$1'),
      () => undefined,
      operation,
    );
  }
  // Like API Gateway's authorizer_result_ttl_in_seconds: a verified token's claims are reused for a minute.
  const cache = new Map<string, { claims: Record<string, unknown>; until: number }>();
  const verified = async (token: string) => {
    const hit = cache.get(token);
    if (hit && hit.until > Date.now()) return hit.claims;
    const claims = await identity.verify(token);
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now();
    if (cache.size > 10_000) cache.clear();
    cache.set(token, { claims, until: Math.min(Date.now() + 60_000, expiresAt) });
    return claims;
  };
  /** The verified claims of an `Authorization: Bearer` header, or undefined when there is none valid. */
  const claimsOf = async (header: string | undefined) => {
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!token) return undefined;
    return verified(token).catch(() => undefined);
  };
  return createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('gateway error', error);
      if (!res.headersSent) send(res, problemResponse(problems.internal()));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      return send(res, {
        statusCode: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(identity.jwks()),
      });
    }
    const devRoute = devRoutes[`${req.method} ${url.pathname}`];
    if (devRoute) {
      const claims = await claimsOf(req.headers.authorization);
      if (!claims) return send(res, problemResponse(problems.unauthenticated()));
      if (claims.role !== 'service')
        return send(res, problemResponse(problems.forbidden('Local dev routes need a service token.')));
      const body = await readBody(req);
      if (!body) return send(res, problemResponse(problems.payloadTooLarge(maxBodyBytes)));
      return send(res, await devRoute(body));
    }
    const match = router.find(req.method as 'GET', url.pathname);
    if (!match) {
      const pathKnown = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].some((m) =>
        router.find(m as 'GET', url.pathname),
      );
      return send(res, problemResponse(pathKnown ? problems.methodNotAllowed() : problems.routeNotFound()));
    }
    const operation = match.store as Operation;
    const body = await readBody(req);
    if (!body) {
      // The rest of the body is never read, so the connection cannot carry another request.
      const tooLarge = problemResponse(problems.payloadTooLarge(maxBodyBytes));
      return send(res, { ...tooLarge, headers: { ...tooLarge.headers, Connection: 'close' } });
    }
    const event = buildEvent(req, url, operation, match.params as Record<string, string>, body);

    if (operation.requiresJwt) {
      const header = event.headers.Authorization ?? event.headers.authorization;
      if (!header?.startsWith('Bearer ')) return send(res, problemResponse(problems.unauthenticated()));
      const claims = await claimsOf(header);
      if (!claims)
        return send(
          res,
          problemResponse(problems.unauthenticated('The bearer token is invalid or expired.')),
        );
      event.requestContext.authorizer = { jwt: { claims, scopes: [] } };
    }
    const invalid = validateRequest(operation, event, body);
    if (invalid) return send(res, problemResponse(invalid));

    const response = (await invoke(operation.functionName, event)) as HttpResponse;
    send(res, response);
  }
}

function buildEvent(
  req: IncomingMessage,
  url: URL,
  operation: Operation,
  pathParameters: Record<string, string>,
  body: Buffer,
): HttpEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = canonicalHeader(req.rawHeaders[i] as string);
    const value = req.rawHeaders[i + 1] as string;
    headers[name] = value;
    const values = multiValueHeaders[name];
    if (values) values.push(value);
    else multiValueHeaders[name] = [value];
  }
  const queryStringParameters: Record<string, string> = {};
  const multiValueQueryStringParameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    queryStringParameters[name] = value;
    const values = multiValueQueryStringParameters[name];
    if (values) values.push(value);
    else multiValueQueryStringParameters[name] = [value];
  }
  const isJson = /json/i.test(headers['Content-Type'] ?? '') || body.length === 0;
  const now = new Date();
  return {
    version: '1.0',
    resource: operation.path,
    path: url.pathname,
    httpMethod: operation.method,
    headers,
    multiValueHeaders,
    queryStringParameters,
    multiValueQueryStringParameters,
    requestContext: {
      identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['User-Agent'] ?? '' },
      httpMethod: operation.method,
      requestId: crypto.randomUUID(),
      requestTime: now.toUTCString(),
      requestTimeEpoch: Math.floor(now.getTime() / 1000),
      apiGateway: { operationContext: {} },
    },
    pathParameters,
    parameters: { ...queryStringParameters, ...pathParameters },
    multiValueParameters: {
      ...multiValueQueryStringParameters,
      ...Object.fromEntries(Object.entries(pathParameters).map(([k, v]) => [k, [v]])),
    },
    operationId: operation.operationId,
    body: isJson ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !isJson,
  };
}

function validateRequest(operation: Operation, event: HttpEvent, body: Buffer): Problem | undefined {
  if (operation.validateParameters) {
    const header = Object.fromEntries(Object.entries(event.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const input = { path: { ...event.pathParameters }, query: { ...event.queryStringParameters }, header };
    if (!operation.validateParameters(input))
      return problems.validation(toItems(operation.validateParameters.errors));
  }
  if (!operation.validateBody) return undefined;
  if (body.length === 0) {
    return operation.bodyRequired
      ? problems.validation([{ path: 'body', message: 'a JSON body is required' }])
      : undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return problems.malformedJson();
  }
  if (!operation.validateBody(parsed))
    return problems.validation(toItems(operation.validateBody.errors, 'body'));
  return undefined;
}

function toItems(errors: ErrorObject[] | null | undefined, prefix = '') {
  return (errors ?? []).map((e) => ({
    path:
      [prefix, ...e.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.') || prefix || 'request',
    message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? `: ${e.params.additionalProperty}` : ''}`,
  }));
}

export function problemResponse(problem: Problem): HttpResponse {
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: JSON.stringify(problem.toBody()),
  };
}

function send(res: ServerResponse, response: HttpResponse) {
  const headers: Record<string, string | string[]> = { ...response.headers, ...response.multiValueHeaders };
  if (!response.body) {
    res.writeHead(response.statusCode, headers);
    res.end();
    return;
  }
  const body = response.isBase64Encoded ? Buffer.from(response.body, 'base64') : response.body;
  // With its length known the body is not chunked, and a string body leaves in one write with the head.
  headers['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(response.statusCode, headers);
  res.end(body);
}

/** API Gateway refuses bodies over 2.5 MB before any function sees them. */
const maxBodyBytes = 2.5 * 1024 * 1024;

/** The request body; undefined once it passes the limit, leaving the rest unread. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  // Listeners rather than `for await`: an async iterator costs a promise per chunk and per request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** API Gateway passes header names in canonical Title-Case (`Content-Type`). */
function canonicalHeader(name: string): string {
  let canonical = canonicalNames.get(name);
  if (canonical === undefined) {
    canonical = name
      .toLowerCase()
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('-');
    // Clients send few distinct names; a bound keeps odd ones from growing the map without end.
    if (canonicalNames.size < 1000) canonicalNames.set(name, canonical);
  }
  return canonical;
}
const canonicalNames = new Map<string, string>();
