import type { MiddlewareObj } from '@middy/core';
import { isProblem } from './http-body';
import { currentInvocation } from './invocation';
import { Problem, problems } from './problem';
import { RuleBroken } from './rule-broken';
import type { HttpEvent, HttpResponse } from './yandex';

type HttpMiddleware = MiddlewareObj<HttpEvent, HttpResponse>;

/** Echoes the request and correlation ids so clients and support can trace a call. */
export function correlationHeaders(): HttpMiddleware {
  const stamp = (response: HttpResponse | null | undefined) => {
    const invocation = currentInvocation();
    if (!response || !invocation) return;
    response.headers = {
      ...response.headers,
      'X-Request-Id': invocation.requestId,
      'X-Correlation-Id': invocation.correlationId,
    };
  };
  return {
    name: 'correlationHeaders',
    after: (request) => stamp(request.response),
    onError: (request) => stamp(request.response),
  };
}

/** Turns every error into application/problem+json; unexpected ones become a logged 500 without details. */
export function problemResponses(): HttpMiddleware {
  return {
    name: 'problemResponses',
    onError: (request) => {
      const invocation = currentInvocation();
      const problem = problemOf(request.error);
      if (!problem) invocation?.logger.error({ err: request.error }, 'unhandled error');
      request.response = {
        statusCode: (problem ?? problems.internal()).status,
        headers: { 'Content-Type': 'application/problem+json' },
        body: JSON.stringify((problem ?? problems.internal()).toBody(invocation?.requestId)),
      };
    },
  };
}

/** One line per request: route, status, latency; never the body. */
export function accessLog(route: string): HttpMiddleware {
  const log = (response: HttpResponse | null | undefined) => {
    const invocation = currentInvocation();
    invocation?.logger.info(
      { route, status: response?.statusCode, ms: Math.round(performance.now() - invocation.startedAt) },
      'http request',
    );
  };
  return {
    name: 'accessLog',
    after: (request) => log(request.response),
    onError: (request) => log(request.response),
  };
}

/** The one place errors become problems: the route's own, and every domain refusal by its code. */
function problemOf(error: unknown): Problem | undefined {
  if (isProblem(error)) return error;
  if (error instanceof RuleBroken)
    return new Problem(
      error.status,
      error.code,
      error.status === 404 ? 'Not found' : 'Request refused',
      error.message,
      undefined,
      error.extensions,
    );
  return undefined;
}
