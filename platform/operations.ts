import type { HttpHandler } from './http';
import { problems } from './problem';
import type { HttpEvent, HttpResponse } from './yandex';

/**
 * A function serving several API operations: API Gateway has already matched the path
 * and passes the matched `operationId` (payload format 1.0), so this only dispatches.
 */
export function operations(handlers: Record<string, HttpHandler>): HttpHandler & { operationIds: string[] } {
  const dispatch: HttpHandler = async (event: HttpEvent, context) => {
    const handler = handlers[event.operationId];
    if (handler) return handler(event, context);
    const problem = problems.routeNotFound();
    return {
      statusCode: problem.status,
      headers: { 'Content-Type': 'application/problem+json' },
      body: JSON.stringify(problem.toBody()),
    } satisfies HttpResponse;
  };
  // Which operations it serves stays readable: a test holds it against the contract.
  return Object.assign(dispatch, { operationIds: Object.keys(handlers) });
}

type Operations = HttpHandler & { operationIds: string[] };

/** One function serving the operations of several modules (each face's own dispatcher answers its ids). */
export function combined(...apis: Operations[]): Operations {
  return operations(Object.fromEntries(apis.flatMap((api) => api.operationIds.map((id) => [id, api]))));
}
