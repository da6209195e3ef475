import middy from '@middy/core';
import type * as z from 'zod';
import { header, parseJsonBody, validate } from './http-body';
import { accessLog, correlationHeaders, problemResponses } from './http-middleware';
import { idempotent } from './idempotency';
import { type Caller, callerFromClaims, requireRole, tenantOf } from './identity';
import { currentInvocation } from './invocation';
import type { Logger } from './logger';
import { problems } from './problem';
import type { Role } from './roles';
import { withInvocation } from './runtime';
import type { FunctionContext, HttpEvent, HttpResponse } from './yandex';

export interface ApiRequest<TBody, TParams, TQuery> {
  body: TBody;
  params: TParams;
  query: TQuery;
  /** Present on every route that is not public. */
  caller: Caller;
  /** `METHOD /path/{template}`, recorded in the audit log. */
  route: string;
  requestId: string;
  correlationId: string;
  logger: Logger;
  /** What a patient or doctor reads is in Russian unless Accept-Language prefers English. */
  language: 'ru' | 'en';
  /** A request header by name, case-insensitively (content negotiation, e.g. Accept). */
  header(name: string): string | undefined;
  /** Where the call came from, as the gateway saw it: evidence of a consent given online. */
  client: { ip: string | undefined; userAgent: string | undefined };
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<TBody, TParams, TQuery> {
  /** The operation's route as in contracts/openapi.yaml, e.g. `GET /v1/patients/{patientId}`. */
  route: string;
  auth: readonly Role[] | 'public';
  body?: z.ZodType<TBody>;
  params?: z.ZodType<TParams>;
  query?: z.ZodType<TQuery>;
  /** Honour the Idempotency-Key header (POST endpoints that create things). */
  idempotent?: boolean;
  /**
   * The route reads or changes health data (`x-health-data` in the contract): a success that
   * left no audit record is refused as an internal error, so nothing reaches the caller unaudited.
   */
  healthData?: true;
  handle(request: ApiRequest<TBody, TParams, TQuery>): Promise<ApiResult>;
}

export type HttpHandler = (event: HttpEvent, context: FunctionContext) => Promise<HttpResponse>;

/**
 * One HTTP route of a function: parse, authorize, validate, run, map the result.
 * Errors leave as application/problem+json (RFC 9457) with a stable code.
 */
export function httpRoute<TBody = undefined, TParams = Record<string, never>, TQuery = Record<string, never>>(
  spec: RouteSpec<TBody, TParams, TQuery>,
): HttpHandler {
  const core = async (event: HttpEvent): Promise<HttpResponse> => {
    const invocation = currentInvocation();
    if (!invocation) throw new Error('httpRoute must run inside withInvocation');
    const caller = authenticate(event, spec.auth);
    if (caller) invocation.actor = { subject: caller.subject, role: caller.role };
    const request: ApiRequest<TBody, TParams, TQuery> = {
      get caller() {
        if (!caller) throw new Error(`${spec.route} is public and has no caller`);
        return caller;
      },
      params: spec.params ? validate(spec.params, event.pathParameters ?? {}, 'path') : ({} as TParams),
      query: spec.query ? validate(spec.query, event.queryStringParameters ?? {}, 'query') : ({} as TQuery),
      body: spec.body ? validate(spec.body, parseJsonBody(event), 'body') : (undefined as TBody),
      route: spec.route,
      language: /^\s*en\b/i.test(header(event, 'accept-language') ?? '') ? 'en' : 'ru',
      header: (name) => header(event, name),
      client: {
        ip: event.requestContext?.identity?.sourceIp,
        userAgent: event.requestContext?.identity?.userAgent ?? header(event, 'user-agent'),
      },
      requestId: invocation.requestId,
      correlationId: invocation.correlationId,
      logger: invocation.logger,
    };
    const run = async () => {
      const result = await spec.handle(request);
      if (spec.healthData && result.status < 300 && invocation.audited === 0)
        throw new Error(`${spec.route} touched health data and left no audit record`);
      return toResponse(result);
    };
    const key = header(event, 'idempotency-key');
    if (!spec.idempotent || !key) return run();
    return idempotent(
      // The whole request: the same key on another path or query is another request.
      {
        scope: idempotencyScope(caller, spec.route),
        key,
        request: { params: request.params, query: request.query, body: request.body },
      },
      run,
    );
  };
  const handler = middy<HttpEvent, HttpResponse>()
    .use(correlationHeaders())
    .use(accessLog(spec.route))
    .use(problemResponses())
    .handler(core);
  return withInvocation(
    spec.route,
    (event: HttpEvent) => header(event, 'x-correlation-id') ?? header(event, 'x-request-id'),
    (event, context) => handler(event, context as never),
  );
}

/**
 * Whose stored response a key replays: the caller's whole identity, not the subject alone, so a
 * token with another tenant, role or issuer but the same `sub` never reads another's response.
 */
function idempotencyScope(caller: Caller | undefined, route: string): string {
  if (!caller) return JSON.stringify(['public', route]);
  return JSON.stringify([caller.issuer ?? '', caller.subject, caller.role, tenantOf(caller) ?? '', route]);
}

function authenticate(event: HttpEvent, auth: readonly Role[] | 'public'): Caller | undefined {
  if (auth === 'public') return undefined;
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims) throw problems.unauthenticated();
  const caller = callerFromClaims(claims);
  requireRole(caller, auth);
  return caller;
}

function toResponse(result: ApiResult): HttpResponse {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) return { statusCode: result.status, headers };
  headers['Content-Type'] ??= 'application/json; charset=utf-8';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
}
