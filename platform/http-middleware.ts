import type { MiddlewareObj } from '@middy/core';
import { isProblem } from './http-body';
import { currentInvocation } from './invocation';
import { problems } from './problem';
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
      const problem = isProblem(request.error) ? request.error : problems.internal();
      if (!isProblem(request.error)) invocation?.logger.error({ err: request.error }, 'unhandled error');
      request.response = {
        statusCode: problem.status,
        headers: { 'Content-Type': 'application/problem+json' },
        body: JSON.stringify(problem.toBody(invocation?.requestId)),
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
