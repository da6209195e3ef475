import type { Services } from './services';
import { defineSettings, setting } from './settings';

/** The bucket whose reachability stands for Object Storage's. */
const healthSettings = defineSettings('health', {
  ATTACHMENTS_BUCKET: setting.bucket('telemed-attachments'),
});

export interface HealthReport {
  status: 'ok' | 'degraded';
  dependencies: Record<string, { status: 'ok' | 'down'; ms: number; error?: string }>;
}

const timeoutMs = 2000;

export async function checkDependencies(services: Services): Promise<HealthReport> {
  const checks: Record<string, () => Promise<unknown>> = {
    // A point read of a key that is never written: the database answers and reads no row, however large.
    database: () =>
      services.store.database.transaction((t) => t.get('outbox_quarantine', { event_id: 'health-probe' }), {
        readOnly: true,
      }),
    queue: () => services.queues.ping(),
    objectStorage: () => services.objects.ping(healthSettings().ATTACHMENTS_BUCKET),
  };
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await probe(check)] as const),
  );
  const dependencies = Object.fromEntries(entries);
  const healthy = entries.every(([, result]) => result.status === 'ok');
  return { status: healthy ? 'ok' : 'degraded', dependencies };
}

async function probe(check: () => Promise<unknown>): Promise<HealthReport['dependencies'][string]> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok', ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', ms: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
