import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../storage/sqlite/migrations';

const migrations = join(import.meta.dirname, '../../storage/sqlite/migrations');

/** A database migrated only up to (not including) the named migration file. */
function databaseBefore(file: string): DatabaseSync {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  const earlier = join(dir, 'earlier');
  for (const name of readdirSync(migrations).filter((name) => name < file))
    cpSync(join(migrations, name), join(earlier, name));
  const db = new DatabaseSync(join(dir, 'db.sqlite'));
  migrate(db, earlier);
  return db;
}

describe('SQLite migrations', () => {
  it('give the appointments made before 016 their doctor’s time zone', () => {
    // Prepare: a doctor in Vladivostok and an appointment of theirs, written before 016 existed
    const db = databaseBefore('016_appointment_doctor_zone.sql');
    db.exec(`INSERT INTO doctors (id, clinic_id, full_name, specialty, languages, time_zone, services, schedule, created_at, updated_at)
      VALUES ('d1', 'c1', 'Doctor', 'therapist', '[]', 'Asia/Vladivostok', '[]', '{}', 0, 0)`);
    db.exec(`INSERT INTO appointments (id, clinic_id, doctor_id, patient_id, patient_time_zone, service_id, format,
      start_at, end_at, block_start, block_end, status, consultation_type, late_cancellation, created_at, updated_at)
      VALUES ('a1', 'c1', 'd1', 'p1', 'Europe/Kaliningrad', 's1', 'video', 0, 1, 0, 1, 'booked', 'informational', 0, 0, 0)`);
    // Act
    const applied = migrate(db, migrations);
    // Assess
    expect(applied[0]).toBe('016_appointment_doctor_zone.sql');
    expect(db.prepare("SELECT doctor_time_zone FROM appointments WHERE id = 'a1'").get()).toEqual({
      doctor_time_zone: 'Asia/Vladivostok',
    });
  });

  it('keep every outbox entry and appointment when 017 rebuilds their tables, ids still unique', () => {
    // Prepare: an unsent event and an appointment written before 017
    const db = databaseBefore('017_rowid_outbox_and_appointments.sql');
    db.exec(`INSERT INTO outbox (id, created_at, seq, queue, event_id, event_type, body)
      VALUES ('o1', 5, 0, 'notifications', 'e1', 'appointment.booked.v1', '{"id":"e1"}')`);
    db.exec(`INSERT INTO appointments (id, clinic_id, doctor_id, patient_id, patient_time_zone, doctor_time_zone,
      service_id, format, start_at, end_at, block_start, block_end, status, consultation_type, late_cancellation,
      payer_type, price_kopecks, urgent, created_at, updated_at)
      VALUES ('a1', 'c1', 'd1', 'p1', 'Europe/Kaliningrad', 'Asia/Vladivostok', 's1', 'video', 10, 20, 5, 25,
      'booked', 'follow_up', 1, 'policy', 150000, 1, 1, 2)`);
    const before = {
      outbox: db.prepare('SELECT * FROM outbox').all(),
      appointments: db.prepare('SELECT * FROM appointments').all(),
    };
    // Act
    migrate(db, migrations);
    // Assess: the same rows, and a second row with a taken id is refused as before
    expect(db.prepare('SELECT * FROM outbox').all()).toEqual(before.outbox);
    expect(db.prepare('SELECT * FROM appointments').all()).toEqual(before.appointments);
    expect(() =>
      db.exec(`INSERT INTO outbox (id, created_at, seq, queue, event_id, event_type, body)
        VALUES ('o1', 6, 0, 'notifications', 'e2', 'appointment.booked.v1', '{}')`),
    ).toThrow(/UNIQUE constraint failed: outbox.id/);
  });
});
