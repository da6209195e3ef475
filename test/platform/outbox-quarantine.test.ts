import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../events/envelope';
import { notificationRequestedV1 } from '../../modules/notifications/events';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('an outbox entry the queue refuses', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  it('is set aside with the reason, and the events after it are delivered', async () => {
    // Prepare: an entry with raw U+FFFF in its body (as written before bodies were escaped), then an ordinary event
    const { store } = await getServices();
    const poison = crypto.randomUUID();
    await store.database.transaction((t) =>
      t.insert('outbox', {
        id: crypto.randomUUID(),
        created_at: Date.now() - 1000,
        seq: 0,
        queue: 'notifications',
        event_id: poison,
        event_type: 'notification.requested.v1',
        body: JSON.stringify({ id: poison, note: 'p\uffff' }).replace('\\uffff', '\uffff'),
        sent_at: null,
        expires_at: null,
      }),
    );
    const after = createEvent(
      notificationRequestedV1,
      { recipientId: crypto.randomUUID(), template: 'patient.welcome', variables: {} },
      { correlationId: crypto.randomUUID(), tenant: 'clinic-1' },
    );
    await store.transaction((r) => r.outbox.add(notificationRequestedV1.queue, after));
    // Act
    await cloud.fireTimer('outbox-relay');
    const delivered = await eventually(
      () => store.database.transaction((t) => t.find('processed_events', { where: { event_id: after.id } })),
      (rows) => rows.length > 0,
    );
    const quarantined = await store.database.transaction((t) =>
      t.find('outbox_quarantine', { where: { event_id: poison } }),
    );
    const pending = await store.transaction((r) => r.outbox.pending(1000));
    // Assess
    expect(delivered).toHaveLength(1);
    expect(quarantined).toEqual([
      expect.objectContaining({ queue: 'notifications', reason: expect.any(String) }),
    ]);
    expect(pending.map((entry) => entry.eventId)).not.toContain(poison);
  });
});
