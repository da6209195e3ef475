import type { FunctionContext } from '../platform/yandex';

/**
 * The context Yandex Cloud passes as a handler's second argument. `stopping` lets the
 * local cloud shorten the remaining time on shutdown, so long-running handlers wrap up.
 */
export function createFunctionContext(
  name: string,
  timeoutSeconds: number,
  memoryMb: number,
  stopping: () => boolean,
): FunctionContext {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    requestId: crypto.randomUUID(),
    functionName: `local-${name}`,
    functionVersion: 'local',
    memoryLimitInMB: String(memoryMb),
    getRemainingTimeInMillis: () => (stopping() ? 0 : Math.max(0, deadline - Date.now())),
  };
}
