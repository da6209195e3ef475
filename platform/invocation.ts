import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from './logger';
import type { FunctionContext } from './yandex';

/** What one invocation carries through every call it makes. */
export interface Invocation {
  /** The function, or for HTTP the route, being called. */
  functionName: string;
  requestId: string;
  correlationId: string;
  logger: Logger;
  context: FunctionContext;
  /** performance.now() when the call started. */
  startedAt: number;
  /** Who the call acts for, once authenticated: the actor of every audit record it leaves. */
  actor?: { subject: string; role: string };
  /** Audit records this call has left (platform/repositories/audit-log.ts). */
  audited: number;
}

const current = new AsyncLocalStorage<Invocation>();

export function runInvocation<T>(invocation: Invocation, work: () => Promise<T>): Promise<T> {
  return current.run(invocation, work);
}

export function currentInvocation(): Invocation | undefined {
  return current.getStore();
}

/** The IAM token Yandex Cloud put in this call's context (present when the function has a service account). */
export function currentIamToken(): string | undefined {
  return current.getStore()?.context.token?.access_token;
}

/** The current call's logger; only valid inside a handler wrapped with `withInvocation`. */
export function invocationLogger(): Logger {
  const invocation = current.getStore();
  if (!invocation) throw new Error('No invocation: wrap the handler with withInvocation');
  return invocation.logger;
}
