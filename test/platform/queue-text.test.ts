import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../events/envelope';
import { notificationRequestedV1 } from '../../modules/notifications/events';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('text a queue refuses', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  it('travels escaped, arrives unchanged, and stops no event after it', async () => {
    // Prepare: an event whose text holds U+FFFF (which Message Queue refuses) and an emoji, then an ordinary one
    const { store } = await getServices();
    const event = (recipientId: string) =>
      createEvent(
        notificationRequestedV1,
        { recipientId, template: 'patient.welcome', variables: {} },
        { correlationId: crypto.randomUUID(), tenant: 'clinic-1' },
      );
    const odd = event('p\uffff😀');
    const plain = event(crypto.randomUUID());
    await store.transaction(async (r) => {
      await r.outbox.add(notificationRequestedV1.queue, odd);
      await r.outbox.add(notificationRequestedV1.queue, plain);
    });
    // Act
    await cloud.fireTimer('outbox-relay');
    const processed = await eventually(
      () =>
        store.database.transaction((t) =>
          t.find('notifications', { where: { template: 'patient.welcome', status: 'no_contact' } }),
        ),
      (rows) =>
        rows.some((row) => row.source_event_id === plain.id) &&
        rows.some((row) => row.source_event_id === odd.id),
    );
    // Assess: both consumed, the odd one for exactly the recipient it named
    const oddRow = processed.find((row) => row.source_event_id === odd.id);
    expect(oddRow?.recipient_id).toBe('p\uffff😀');
    expect(processed.some((row) => row.source_event_id === plain.id)).toBe(true);
  });
});
