import { config } from './config';
import { currentInvocation, runInvocation } from './invocation';
import { createLogger, type Logger } from './logger';
import { checkSettings } from './settings';
import type { FunctionContext } from './yandex';

let rootLogger: Logger | undefined;

/** Printable ASCII without spaces, at most the 128 characters an event envelope carries. */
const correlationIdPattern = /^[\x21-\x7e]{1,128}$/;

/** The function's logger; configuration is validated here, at cold start, before any call is handled. */
export function functionLogger(): Logger {
  // The call's ids join a line only when one is written: a child logger per call cost every
  // call a serialization and redaction pass, even when nothing was logged.
  rootLogger ??= createLogger({ level: config().LOG_LEVEL, mixin: invocationFields });
  return rootLogger;
}

function invocationFields(): Record<string, unknown> {
  const invocation = currentInvocation();
  if (!invocation) return {};
  const { functionName: fn, requestId, correlationId } = invocation;
  return { fn, requestId, correlationId };
}

/**
 * Wraps a function entry point: every call gets a request id, a correlation id and a
 * logger whose lines carry both, available to everything it calls.
 */
export function withInvocation<TEvent, TResult>(
  functionName: string,
  correlationIdOf: (event: TEvent) => string | undefined,
  handler: (event: TEvent, context: FunctionContext) => Promise<TResult>,
): (event: TEvent, context: FunctionContext) => Promise<TResult> {
  return (event, context) => {
    const requestId = context.requestId || crypto.randomUUID();
    // A caller's id joins our logs and events only if it is one we can carry everywhere.
    const offered = correlationIdOf(event);
    const correlationId = offered && correlationIdPattern.test(offered) ? offered : requestId;
    const invocation = {
      functionName,
      requestId,
      correlationId,
      logger: functionLogger(),
      context,
      startedAt: performance.now(),
      audited: 0,
    };
    return runInvocation(invocation, () => handler(event, context));
  };
}

/**
 * A cloud function's entry point, as its handler.ts exports it. Its settings (the runtime kit's
 * and those of every module it bundles, residency included) are checked while it loads, then
 * whatever else it must wire or check: a misconfigured function never starts.
 */
export function entryPoint<THandler>(handler: THandler, ...coldStart: (() => unknown)[]): THandler {
  checkSettings();
  functionLogger();
  for (const step of coldStart) step();
  return handler;
}
