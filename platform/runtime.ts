import { config } from './config';
import { runInvocation } from './invocation';
import { createLogger, type Logger } from './logger';
import type { FunctionContext } from './yandex';

let rootLogger: Logger | undefined;

/** The function's logger; configuration is validated here, at cold start, before any call is handled. */
export function functionLogger(): Logger {
  rootLogger ??= createLogger({ level: config().LOG_LEVEL });
  return rootLogger;
}

/**
 * Wraps a function entry point: every call gets a request id, a correlation id and a
 * child logger carrying both, available to everything it calls.
 */
export function withInvocation<TEvent, TResult>(
  functionName: string,
  correlationIdOf: (event: TEvent) => string | undefined,
  handler: (event: TEvent, context: FunctionContext) => Promise<TResult>,
): (event: TEvent, context: FunctionContext) => Promise<TResult> {
  // Validate configuration (residency included) while the module loads: a misconfigured function never starts.
  functionLogger();
  return (event, context) => {
    const requestId = context.requestId || crypto.randomUUID();
    const correlationId = correlationIdOf(event) ?? requestId;
    const logger = functionLogger().child({ fn: functionName, requestId, correlationId });
    return runInvocation({ requestId, correlationId, logger, context, startedAt: performance.now() }, () =>
      handler(event, context),
    );
  };
}
