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
});
