import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

describe('a process killed between commit and relay', () => {
  let cloud: TestCloud | undefined;
  afterAll(() => cloud?.stop());

  it('still delivers the committed event after restart, and its effect happens exactly once', async () => {
    // Prepare: a function instance commits a registration and is killed before relaying
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
    const env = {
      ...process.env,
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DB_DRIVER: 'sqlite',
      SQLITE_PATH: join(dataDir, 'telemed.sqlite'),
      KMS_DRIVER: 'keyring',
      KEYRING_PATH: join(dataDir, 'keyring.json'),
      QUEUE_ENDPOINT: 'http://127.0.0.1:9', // nothing listens: the dying process must not need the queue
    };
    let patientId = '';
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(projectRoot, 'test/support/register-then-die.ts')],
        {
          env,
          cwd: projectRoot,
          encoding: 'utf8',
        },
      );
    } catch (error) {
      const killed = error as { signal?: string; stdout?: string };
      expect(killed.signal).toBe('SIGKILL');
      patientId = String(killed.stdout).trim();
    }
    expect(patientId).toMatch(/^[0-9a-f-]{36}$/);

    // Act: the system restarts on the same data and relays; then the relay "crashes" after
    // publishing but before marking sent, so the same event is published a second time
    cloud = await startTestCloud({ dataDir, env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const { store } = await getServices();
    const unsent = await store.database.transaction((t) => t.find('outbox', {}));
    await cloud.fireTimer('outbox-relay');
    // A sent entry leaves the outbox; one whose mark never happened is still there.
    await store.database.transaction(async (t) => {
      for (const row of unsent) await t.insert('outbox', row);
    });
    await cloud.fireTimer('outbox-relay');
    await eventually(
      () => store.transaction((r) => r.notifications.forRecipient(patientId)),
      (found) => found.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000)); // room for a duplicate to show up

    // Assess
    const notifications = await store.transaction((r) => r.notifications.forRecipient(patientId));
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ template: 'patient.welcome', tenantId: 'clinic-1' });
    const pending = await store.transaction((r) => r.outbox.pending(10));
    expect(pending).toHaveLength(0);
  });
});
