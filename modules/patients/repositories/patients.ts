import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import type { Row, Tables } from '../../../storage/port';

export interface Patient {
  id: string;
  clinicId: string;
  fullName: string;
  phone: string;
  birthDate: string | null;
  /** Health data: sealed at rest with envelope encryption. */
  medicalNotes: string | null;
  createdAt: string;
  updatedAt: string;
}

const notesContext = (id: string) => `patients/${id}/medical_notes`;

export class PatientRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  /** Throws `UniqueConflict` (patients_clinic_phone) when the clinic already has this phone. */
  async create(patient: Omit<Patient, 'createdAt' | 'updatedAt'>): Promise<Patient> {
    const at = this.now();
    await this.tables.insert('patients', {
      id: patient.id,
      clinic_id: patient.clinicId,
      full_name: patient.fullName,
      phone: patient.phone,
      birth_date: patient.birthDate,
      medical_notes: await this.sealNotes(patient.id, patient.medicalNotes),
      created_at: at,
      updated_at: at,
    });
    const iso = new Date(at).toISOString();
    return { ...patient, createdAt: iso, updatedAt: iso };
  }

  /** The clinic a patient belongs to, without opening their record (no health data read). */
  async clinicOf(id: string): Promise<string | undefined> {
    const row = await this.tables.get('patients', { id });
    return row ? String(row.clinic_id) : undefined;
  }

  /** Reads a patient; notes sealed under an old key version are re-sealed on the way (lazy rotation). */
  async get(id: string): Promise<Patient | undefined> {
    const row = await this.tables.get('patients', { id });
    if (!row) return undefined;
    const sealed = row.medical_notes as SealedField | null;
    const notes = sealed ? await this.cipher.open(sealed, notesContext(id)) : null;
    if (sealed && (await this.cipher.isStale(sealed))) {
      await this.tables.update('patients', { id }, { medical_notes: await this.sealNotes(id, notes) });
    }
    return toPatient(row, notes);
  }

  /** Only the phone, for notifications: no health data is opened to send a message. */
  async phoneOf(id: string): Promise<string | undefined> {
    const row = await this.tables.get('patients', { id });
    return row ? String(row.phone) : undefined;
  }

  private async sealNotes(id: string, notes: string | null): Promise<SealedField | null> {
    return notes === null ? null : this.cipher.seal(notes, notesContext(id));
  }
}

function toPatient(row: Row, medicalNotes: string | null): Patient {
  return {
    id: String(row.id),
    clinicId: String(row.clinic_id),
    fullName: String(row.full_name),
    phone: String(row.phone),
    birthDate: row.birth_date === null ? null : String(row.birth_date),
    medicalNotes,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
