import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionConflict, UniqueConflict } from '../../storage/errors';
import type { Database } from '../../storage/port';

export interface ContractSubject {
  database: Database;
  /** Moves the database's clock; every adapter takes its notion of "now" from here. */
  setNow(ms: number): void;
}

const base = Date.UTC(2026, 10, 23, 12, 0, 0);

const patientRow = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  clinic_id: 'clinic-1',
  full_name: 'Test Patient',
  phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
  birth_date: null,
  medical_notes: null,
  created_at: base,
  updated_at: base,
  ...overrides,
});

/** One suite every database adapter must pass; run by sqlite.test.ts and ydb.test.ts. */
export function databaseContract(name: string, open: () => Promise<ContractSubject>) {
  describe(`database contract: ${name}`, () => {
    let subject: ContractSubject;
    let db: Database;

    beforeAll(async () => {
      subject = await open();
      db = subject.database;
    });
    afterAll(async () => {
      await db.close();
    });

    it('creates, reads and updates a row', async () => {
      // Prepare
      const id = crypto.randomUUID();
      // Act
      await db.transaction((t) => t.insert('patients', patientRow(id, { medical_notes: { v: 1, ct: 'x' } })));
      const updated = await db.transaction((t) =>
        t.update('patients', { id }, { full_name: 'Renamed', updated_at: base + 1 }),
      );
      const row = await db.transaction((t) => t.get('patients', { id }), { readOnly: true });
      // Assess
      expect(updated).toBe(true);
      expect(row).toMatchObject({ id, full_name: 'Renamed', updated_at: base + 1, birth_date: null });
      expect(row?.medical_notes).toEqual({ v: 1, ct: 'x' });
    });

    it('reports an update of a missing row as false', async () => {
      const updated = await db.transaction((t) =>
        t.update('patients', { id: crypto.randomUUID() }, { full_name: 'x' }),
      );
      expect(updated).toBe(false);
    });

    it('surfaces a duplicate primary key as UniqueConflict', async () => {
      const id = crypto.randomUUID();
      await db.transaction((t) => t.insert('patients', patientRow(id)));
      const second = db.transaction((t) => t.insert('patients', patientRow(id)));
      await expect(second).rejects.toBeInstanceOf(UniqueConflict);
      await expect(second).rejects.toMatchObject({ table: 'patients', constraint: 'primary_key' });
    });

    it('surfaces a duplicate unique index value as UniqueConflict naming the index', async () => {
      const phone = `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      await db.transaction((t) => t.insert('patients', patientRow(crypto.randomUUID(), { phone })));
      const second = db.transaction((t) => t.insert('patients', patientRow(crypto.randomUUID(), { phone })));
      await expect(second).rejects.toMatchObject({
        name: 'UniqueConflict',
        constraint: 'patients_clinic_phone',
      });
    });

    it('lets exactly one of 100 concurrent transactions claim one unique key', async () => {
      // Prepare
      subject.setNow(base);
      const key = crypto.randomUUID();
      const claim = (i: number) =>
        db.transaction((t) =>
          t.insert('idempotency_keys', {
            scope: 'contract',
            key,
            request_hash: String(i),
            state: 'in_progress',
            response: null,
            created_at: base,
            expires_at: base + 60_000,
          }),
        );
      // Act
      const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => claim(i)));
      // Assess
      const committed = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(committed).toHaveLength(1);
      expect(rejected).toHaveLength(99);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(UniqueConflict);
    });

    it('never loses an update when concurrent transactions modify one row', async () => {
      // Prepare: a counter kept in a row
      const id = crypto.randomUUID();
      await db.transaction((t) => t.insert('outbox', outboxRow(id, 0)));
      const increment = () =>
        db.transaction(async (t) => {
          const row = await t.get('outbox', { id });
          await new Promise((resolve) => setTimeout(resolve, 1));
          await t.update('outbox', { id }, { seq: Number(row?.seq) + 1 });
        });
      // Act
      const results = await Promise.allSettled(Array.from({ length: 20 }, increment));
      // Assess: each either committed its increment or failed cleanly with TransactionConflict
      const committed = results.filter((r) => r.status === 'fulfilled').length;
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TransactionConflict);
      const row = await db.transaction((t) => t.get('outbox', { id }));
      expect(row?.seq).toBe(committed);
      expect(committed).toBeGreaterThan(0);
    });

    it('keeps outbox rows only when their transaction commits', async () => {
      // Prepare
      const kept = crypto.randomUUID();
      const rolledBack = crypto.randomUUID();
      // Act
      await db.transaction((t) => t.insert('outbox', outboxRow(kept, 0)));
      const failing = db.transaction(async (t) => {
        await t.insert('outbox', outboxRow(rolledBack, 0));
        throw new Error('domain rule broken after the event was written');
      });
      // Assess
      await expect(failing).rejects.toThrow('domain rule broken');
      const rows = await db.transaction((t) => t.find('outbox', { isNull: ['sent_at'] }));
      const ids = rows.map((r) => r.id);
      expect(ids).toContain(kept);
      expect(ids).not.toContain(rolledBack);
    });

    it('finds rows by index with range, order and limit', async () => {
      const clinic = `clinic-${crypto.randomUUID()}`;
      for (let i = 0; i < 5; i++) {
        await db.transaction((t) =>
          t.insert('patients', patientRow(crypto.randomUUID(), { clinic_id: clinic, created_at: base + i })),
        );
      }
      const rows = await db.transaction((t) =>
        t.find('patients', {
          where: { clinic_id: clinic },
          range: { column: 'created_at', from: base + 1, to: base + 4 },
          orderBy: [{ column: 'created_at', direction: 'desc' }],
          limit: 2,
        }),
      );
      expect(rows.map((r) => r.created_at)).toEqual([base + 3, base + 2]);
    });

    it('hides expired rows, lets their key be reused, and sweeps them', async () => {
      // Prepare
      subject.setNow(base);
      const row = {
        consumer: 'contract',
        event_id: crypto.randomUUID(),
        processed_at: base,
        expires_at: base + 1000,
      };
      await db.transaction((t) => t.insert('processed_events', row));
      // Act: time passes beyond expiry
      subject.setNow(base + 2000);
      const seen = await db.transaction((t) =>
        t.get('processed_events', { consumer: 'contract', event_id: row.event_id }),
      );
      await db.transaction((t) =>
        t.insert('processed_events', { ...row, processed_at: base + 2000, expires_at: base + 5000 }),
      );
      subject.setNow(base + 6000);
      await db.sweepExpired(base + 6000);
      const afterSweep = await db.transaction((t) =>
        t.get('processed_events', { consumer: 'contract', event_id: row.event_id }),
      );
      // Assess
      expect(seen).toBeUndefined();
      expect(afterSweep).toBeUndefined();
      subject.setNow(Date.now());
    });
  });
}

function outboxRow(id: string, seq: number) {
  return {
    id,
    created_at: base,
    seq,
    queue: 'contract',
    event_id: crypto.randomUUID(),
    event_type: 'contract.test.v1',
    body: '{}',
    sent_at: null,
    expires_at: null,
  };
}
