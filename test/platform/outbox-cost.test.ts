import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { createEvent } from '../../events/envelope';
import { createQueues, startProtocolServers } from '../../local/protocol-servers';
import { patientRegisteredV1 } from '../../modules/patients/events/patient-registered.v1';
import { createLogger } from '../../platform/logger';
import { relayOutbox } from '../../platform/messaging/outbox-relay';
import { SqsQueues } from '../../platform/messaging/sqs-queues';
import type { SqliteDatabase } from '../../storage/sqlite/database';
import { clockedStore } from '../support/clocked-store';

describe('the relay at rest', () => {
  it('reads no row when nothing is pending, however many events it has published', async () => {
    // Prepare: 500 events committed and published
    const { store, database } = clockedStore('outbox-cost', Date.now);
    const servers = await startProtocolServers({
      dataDir: mkdtempSync(join(tmpdir(), 'outbox-cost-')),
      port: 0,
    });
    await createQueues(servers.sqs, [patientRegisteredV1.queue]);
    const queues = new SqsQueues({ endpoint: servers.endpoint });
    const logger = createLogger({ level: 'silent' });
    for (let i = 0; i < 500; i++) {
      const event = createEvent(
        patientRegisteredV1,
        { patientId: crypto.randomUUID(), clinicId: 'clinic-1' },
        { correlationId: 'c', tenant: 'clinic-1' },
      );
      await store.transaction((r) => r.outbox.add(patientRegisteredV1.queue, event));
    }
    await relayOutbox(store, queues, logger);
    const reads = (database as SqliteDatabase).reads;
    const before = { ...reads };
    // Act: an idle hour is 3,600 of these polls; 60 stand for it here
    for (let i = 0; i < 60; i++) await relayOutbox(store, queues, logger);
    const { QueueUrl } = await servers.sqs.send(
      new GetQueueUrlCommand({ QueueName: patientRegisteredV1.queue }),
    );
    const { Attributes } = await servers.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    await servers.stop();
    // Assess
    expect(Attributes?.ApproximateNumberOfMessages).toBe('500');
    expect(reads.rows - before.rows).toBe(0);
    expect(reads.queries - before.queries).toBe(60);
  });
});
