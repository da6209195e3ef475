import { createHash } from 'node:crypto';
import { problems } from './problem';
import { getServices } from './services';
import type { HttpResponse } from './yandex';

/**
 * Runs a POST once per Idempotency-Key: a retry with the same key and body gets the
 * stored response; the same key with another body is refused; a retry while the first
 * call still runs is told so. A call that fails releases the key so a retry runs again.
 */
export async function idempotent(
  request: { scope: string; key: string; request: unknown },
  run: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  if (request.key.length > 255)
    throw problems.validation([{ path: 'header.Idempotency-Key', message: 'too long' }]);
  const { store } = await getServices();
  const hash = createHash('sha256')
    .update(JSON.stringify(request.request ?? null))
    .digest('hex');
  const claim = await store.transaction((r) => r.idempotencyKeys.claim(request.scope, request.key, hash));
  if (claim.outcome === 'mismatch') throw problems.idempotencyKeyReused();
  if (claim.outcome === 'in_progress') throw problems.idempotencyInProgress();
  if (claim.outcome === 'replay') {
    const { statusCode, headers, body } = claim.response;
    return { statusCode, headers: { ...headers, 'Idempotent-Replayed': 'true' }, body };
  }
  let response: HttpResponse;
  try {
    response = await run();
  } catch (error) {
    // Nothing was changed (errors roll back), so the key is freed for the client's retry.
    await store.transaction((r) => r.idempotencyKeys.release(request.scope, request.key));
    throw error;
  }
  await store.transaction((r) =>
    r.idempotencyKeys.complete(request.scope, request.key, {
      statusCode: response.statusCode,
      headers: response.headers ?? {},
      body: response.body ?? '',
    }),
  );
  return response;
}
