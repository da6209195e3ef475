import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../platform/crypto/field-cipher';
import { CiphertextRejected } from '../../platform/crypto/key-wrapper';
import { LocalKeyring } from '../../platform/crypto/local-keyring';
import { createStore } from '../../platform/store';
import { SqliteDatabase } from '../../storage/sqlite/database';

const fresh = () => new LocalKeyring(join(mkdtempSync(join(tmpdir(), 'keyring-')), 'keyring.json'));

describe('field encryption with the local keyring', () => {
  it('opens a ciphertext sealed before a key rotation', async () => {
    // Prepare
    const keyring = fresh();
    const sealed = await new FieldCipher(keyring).seal('аллергия на пенициллин', 'patients/1/medical_notes');
    // Act
    keyring.rotate();
    const opened = await new FieldCipher(keyring).open(sealed, 'patients/1/medical_notes');
    // Assess
    expect(opened).toBe('аллергия на пенициллин');
    expect(sealed.kv).toBe('v1');
    expect(await new FieldCipher(keyring).isStale(sealed)).toBe(true);
  });

  it.each([
    ['ciphertext', (s: Record<string, string>) => ({ ...s, ct: flip(s.ct as string) })],
    ['auth tag', (s: Record<string, string>) => ({ ...s, tag: flip(s.tag as string) })],
    ['wrapped data key', (s: Record<string, string>) => ({ ...s, dk: flip(s.dk as string) })],
  ])('fails loudly on a tampered %s', async (_part, tamper) => {
    const cipher = new FieldCipher(fresh());
    const sealed = await cipher.seal('диагноз', 'patients/1/medical_notes');
    const reopened = new FieldCipher((cipher as unknown as { kms: LocalKeyring }).kms);
    await expect(
      reopened.open(tamper(sealed as never) as never, 'patients/1/medical_notes'),
    ).rejects.toBeInstanceOf(CiphertextRejected);
  });

  it('refuses a ciphertext moved to another record', async () => {
    const cipher = new FieldCipher(fresh());
    const sealed = await cipher.seal('диагноз', 'patients/1/medical_notes');
    await expect(cipher.open(sealed, 'patients/2/medical_notes')).rejects.toBeInstanceOf(CiphertextRejected);
  });

  it('re-seals a stored field under the new key version when the record is next read', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'rotation-'));
    const keyring = new LocalKeyring(join(dir, 'keyring.json'));
    const database = new SqliteDatabase(join(dir, 'db.sqlite'));
    const store = createStore(database, new FieldCipher(keyring));
    const id = crypto.randomUUID();
    await store.transaction((r) =>
      r.patients.create({
        id,
        clinicId: 'c',
        fullName: 'A',
        phone: '+79160000000',
        birthDate: null,
        medicalNotes: 'астма',
      }),
    );
    // Act
    keyring.rotate();
    const afterRotation = createStore(database, new FieldCipher(keyring));
    const read = await afterRotation.transaction((r) => r.patients.get(id));
    const row = await database.transaction((t) => t.get('patients', { id }));
    // Assess
    expect(read?.medicalNotes).toBe('астма');
    expect(row?.medical_notes).toMatchObject({ kv: 'v2' });
    expect(JSON.stringify(row)).not.toContain('астма');
    await database.close();
  });
});

function flip(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return bytes.toString('base64');
}
