import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../storage/sqlite/migrations';

const migrations = join(import.meta.dirname, '../../storage/sqlite/migrations');
const file = '022_group_contacts_and_escalation_codes.sql';

/** A database migrated only up to (not including) 022. */
function databaseBefore022(): DatabaseSync {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  const earlier = join(dir, 'earlier');
  for (const name of readdirSync(migrations).filter((name) => name < file))
    cpSync(join(migrations, name), join(earlier, name));
  const db = new DatabaseSync(join(dir, 'db.sqlite'));
  migrate(db, earlier);
  return db;
}

describe('migrations 022 and 023 (SQLite)', () => {
  it('moves clinics’ on-call and admin contacts out of personal settings, keeping people’s own rows', () => {
    // Prepare: on-call and admin contacts of clinic-1 as the on-call route saved them before 022, and a patient's own
    const db = databaseBefore022();
    const insert = db.prepare(`INSERT INTO notification_contacts (user_id, phone, email, telegram_chat_id,
      push_endpoint, language, time_zone, quiet_from, quiet_to, channels, updated_at)
      VALUES (?, ?, NULL, NULL, NULL, 'ru', 'Europe/Moscow', NULL, NULL, '["sms"]', 7)`);
    insert.run('duty:clinic-1', '+79990000001');
    insert.run('clinic_admin:clinic-1', '+79990000002');
    insert.run('patient-1', '+79990000003');
    // Act
    migrate(db, migrations);
    // Assess
    expect(db.prepare('SELECT * FROM group_contacts ORDER BY contact_group').all()).toEqual([
      expect.objectContaining({
        tenant_id: 'clinic-1',
        contact_group: 'clinic_admin',
        phone: '+79990000002',
      }),
      expect.objectContaining({ tenant_id: 'clinic-1', contact_group: 'duty', phone: '+79990000001' }),
    ]);
    expect(db.prepare('SELECT user_id FROM notification_contacts').all()).toEqual([{ user_id: 'patient-1' }]);
  });

  it('gives existing escalations their code and keeps each recorded step, numbered', () => {
    // Prepare
    const db = databaseBefore022();
    db.exec(`INSERT INTO escalations (id, kind, subject_id, tenant_id, level, next_at, created_at)
      VALUES ('0a1b2c3d-0000-4000-8000-000000000000', 'crisis', 't1', 'clinic-1', 1, 100, 1)`);
    db.exec(`INSERT INTO escalation_steps (escalation_id, level, recipient_id, status, at) VALUES
      ('0a1b2c3d-0000-4000-8000-000000000000', 0, 'duty:clinic-1', 'sent', 1),
      ('0a1b2c3d-0000-4000-8000-000000000000', 1, 'clinic_admin:clinic-1', 'sent', 2)`);
    // Act
    migrate(db, migrations);
    // Assess
    expect(db.prepare('SELECT code, duty_tenant_id FROM escalations').get()).toEqual({
      code: '0a1b2c3d',
      duty_tenant_id: null,
    });
    expect(db.prepare('SELECT seq, level, recipient_id FROM escalation_step_log ORDER BY seq').all()).toEqual(
      [
        { seq: 0, level: 0, recipient_id: 'duty:clinic-1' },
        { seq: 1, level: 1, recipient_id: 'clinic_admin:clinic-1' },
      ],
    );
  });
});
