import type { Row, Tables } from '../../../storage/port';
import type { PartyKind, ProviderVerification, RegisterCheck } from '../domain/assurance';

/** Verifications by party and register look-ups by doctor: nothing personal, nothing sealed. */
export class AssuranceRepository {
  constructor(private readonly tables: Tables) {}

  async verificationOf(kind: PartyKind, id: string): Promise<ProviderVerification | null> {
    const row = await this.tables.get('identity_verifications', { party_kind: kind, party_id: id });
    return row ? toVerification(row) : null;
  }

  /** Writes the first verification of a party; one already there is kept as it was. */
  async recordOnce(kind: PartyKind, id: string, verification: ProviderVerification): Promise<boolean> {
    if (await this.verificationOf(kind, id)) return false;
    await this.tables.insert('identity_verifications', {
      party_kind: kind,
      party_id: id,
      issuer: verification.issuer,
      trust_framework: verification.trustFramework,
      assurance_level: verification.assuranceLevel,
      verified_at: verification.verifiedAt,
      txn: verification.transaction,
      claims: verification.claims,
      recorded_at: verification.recordedAt,
    });
    return true;
  }

  async registerCheckOf(doctorId: string): Promise<RegisterCheck | null> {
    const row = await this.tables.get('register_checks', { doctor_id: doctorId });
    return row
      ? {
          register: String(row.register),
          found: Boolean(row.found),
          entryId: row.entry_id === null ? null : String(row.entry_id),
          checkedAt: Number(row.checked_at),
        }
      : null;
  }

  /** The latest look-up replaces the one before: a doctor can leave the register, or join it. */
  async saveRegisterCheck(doctorId: string, check: RegisterCheck): Promise<void> {
    await this.tables.upsert('register_checks', {
      doctor_id: doctorId,
      register: check.register,
      found: check.found,
      entry_id: check.entryId,
      checked_at: check.checkedAt,
    });
  }
}

function toVerification(row: Row): ProviderVerification {
  return {
    issuer: String(row.issuer),
    trustFramework: String(row.trust_framework),
    assuranceLevel: row.assurance_level === null ? null : String(row.assurance_level),
    verifiedAt: Number(row.verified_at),
    transaction: row.txn === null ? null : String(row.txn),
    claims: row.claims as string[],
    recordedAt: Number(row.recorded_at),
  };
}
