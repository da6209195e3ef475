import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../crypto/field-cipher';
import { LocalKeyring } from '../../crypto/local-keyring';
import type { Contract } from '../../functions/consultations/domain/contract';
import { postMessage, reportOverdueAnswers } from '../../functions/consultations/use-cases';
import { SqliteDatabase } from '../../storage/sqlite/database';
import { createStore } from '../../storage/unit-of-work';

describe('the SLA watch of asynchronous consultations', () => {
  it('reports an unanswered message once its deadline passes, and only once', async () => {
    // Prepare: a contract answering within 24 h, a patient's question at t0
    const dir = mkdtempSync(join(tmpdir(), 'sla-'));
    let now = Date.UTC(2026, 11, 1, 9);
    const database = new SqliteDatabase(join(dir, 'db.sqlite'), () => now);
    const store = createStore(
      database,
      new FieldCipher(new LocalKeyring(join(dir, 'keyring.json'))),
      () => now,
    );
    const contract: Contract = {
      id: crypto.randomUUID(),
      clinicId: 'clinic-1',
      doctorId: 'doctor-1',
      patientId: 'patient-1',
      startsAt: now - 86_400_000,
      endsAt: now + 90 * 86_400_000,
      responseHours: 24,
      rating: null,
      createdAt: now,
    };
    await store.transaction(async (r) => {
      await r.consultations.createContract(contract);
      await postMessage(
        r,
        contract,
        { role: 'patient', id: 'patient-1' },
        { body: 'Вопрос', attachments: [] },
        { now, correlationId: 'c' },
      );
    });
    const run = () =>
      store.transaction((r) => reportOverdueAnswers(r, { now, correlationId: 'c', limit: 10 }));
    // Act
    now += 23 * 3_600_000;
    const beforeDeadline = await run();
    now += 2 * 3_600_000;
    const afterDeadline = await run();
    const nextMinute = await run();
    // Assess
    expect([beforeDeadline, afterDeadline, nextMinute]).toEqual([0, 1, 0]);
    const events = await store.transaction((r) => r.outbox.pending(10));
    expect(events.map((e) => e.eventType)).toEqual([
      'consultation.message_posted.v1',
      'async_message.overdue.v1',
    ]);
    expect(JSON.parse(events[1]?.body ?? '{}').data).toMatchObject({
      contractId: contract.id,
      doctorId: 'doctor-1',
    });
    await database.close();
  });

  it('does not report a message the doctor answered in time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-'));
    let now = Date.UTC(2026, 11, 1, 9);
    const database = new SqliteDatabase(join(dir, 'db.sqlite'), () => now);
    const store = createStore(
      database,
      new FieldCipher(new LocalKeyring(join(dir, 'keyring.json'))),
      () => now,
    );
    const contract: Contract = {
      id: crypto.randomUUID(),
      clinicId: 'clinic-1',
      doctorId: 'doctor-1',
      patientId: 'patient-1',
      startsAt: now - 1000,
      endsAt: now + 86_400_000 * 10,
      responseHours: 1,
      rating: null,
      createdAt: now,
    };
    await store.transaction(async (r) => {
      await r.consultations.createContract(contract);
      await postMessage(
        r,
        contract,
        { role: 'patient', id: 'patient-1' },
        { body: 'Вопрос', attachments: [] },
        { now, correlationId: 'c' },
      );
    });
    now += 30 * 60_000;
    await store.transaction((r) =>
      postMessage(
        r,
        contract,
        { role: 'doctor', id: 'doctor-1' },
        { body: 'Ответ', attachments: [] },
        { now, correlationId: 'c' },
      ),
    );
    now += 5 * 3_600_000;
    const reported = await store.transaction((r) =>
      reportOverdueAnswers(r, { now, correlationId: 'c', limit: 10 }),
    );
    expect(reported).toBe(0);
    await database.close();
  });
});
