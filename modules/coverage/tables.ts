import { defineTables, type TablesOf } from '../../storage/catalog';
import { bool, int, json, optional, text, timestamp } from '../../storage/columns';

/**
 * Sponsors (insurers and employers), what they bought, and the entitlement ledger;
 * part of the catalog in storage/schema.ts. None of these rows holds health data: a
 * covered visit is recorded by time, format, specialty, service, clinic and price.
 */
export const coverageTables = defineTables({
  insurance_products: {
    columns: {
      id: text,
      insurer_id: text,
      name: text,
      consultations_per_year: int,
      /** Specialty → consultations a year, within the overall number. */
      specialty_limits: json,
      specialties: json,
      formats: json,
      duty_doctor: bool,
      waiting_minutes: optional(int),
      forfeit_late_cancellation: bool,
      forfeit_no_show: bool,
      created_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: { products_by_insurer: { columns: ['insurer_id'] } },
  },
  insurance_policies: {
    columns: {
      id: text,
      insurer_id: text,
      product_id: text,
      number: text,
      /** What a patient proves, with the number, to link the policy to themself. */
      holder_birth_date: text,
      patient_id: optional(text),
      status: text,
      /** Every period the policy was in force, oldest first; each has its own allowance. */
      periods: json,
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      policies_insurer_number: { columns: ['insurer_id', 'number'], unique: true },
      policies_by_patient: { columns: ['patient_id'] },
    },
  },
  corporate_contracts: {
    columns: {
      id: text,
      employer_id: text,
      company_name: text,
      starts_at: timestamp,
      ends_at: timestamp,
      company_sessions: optional(int),
      sessions_per_employee: optional(int),
      specialties: json,
      formats: json,
      forfeit_late_cancellation: bool,
      forfeit_no_show: bool,
      status: text,
      created_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: { contracts_by_employer: { columns: ['employer_id'] } },
  },
  /**
   * An employee enrolled in a contract. The key is a hash of the employer's reference, so
   * enrolling the same person again (a re-uploaded file) is a no-op; the reference itself is
   * erased at activation, after which nothing ties the employer's view to the person.
   */
  corporate_enrolments: {
    columns: {
      contract_id: text,
      ref_hash: text,
      id: text,
      employer_id: text,
      employee_ref: optional(text),
      code_hash: text,
      /** The upload that enrolled the employee, if one did: a retried import re-issues its codes. */
      upload_id: optional(text),
      status: text,
      patient_id: optional(text),
      created_at: timestamp,
      activated_at: optional(timestamp),
    },
    primaryKey: ['contract_id', 'ref_hash'],
    indexes: {
      enrolments_by_code: { columns: ['code_hash'], unique: true },
      enrolments_by_patient: { columns: ['patient_id'] },
    },
  },
  enrolment_imports: {
    columns: {
      id: text,
      contract_id: text,
      employer_id: text,
      status: text,
      total_rows: int,
      enrolled: int,
      already_enrolled: int,
      rejected: int,
      error: optional(text),
      created_at: timestamp,
      /** When an import run took the upload; a run that died holding it is taken over after a while. */
      claimed_at: optional(timestamp),
      finished_at: optional(timestamp),
    },
    primaryKey: ['id'],
  },
  /** An insurer's policy file: who uploaded it for which product, and how its import went. */
  policy_imports: {
    columns: {
      id: text,
      product_id: text,
      insurer_id: text,
      status: text,
      total_rows: int,
      created: int,
      renewed: int,
      cancelled: int,
      unchanged: int,
      rejected: int,
      error: optional(text),
      created_at: timestamp,
      /** As in enrolment_imports: a run that died holding the upload is taken over after a while. */
      claimed_at: optional(timestamp),
      finished_at: optional(timestamp),
    },
    primaryKey: ['id'],
  },
  /**
   * The balance of one allowance (a policy period, a specialty within it, a company pool, an
   * employee's sessions). Every reservation updates this row in its transaction, so two
   * concurrent bookings of the last unit conflict on it and only one commits.
   */
  entitlement_accounts: {
    columns: {
      id: text,
      owner_id: text,
      tenant_id: text,
      granted: int,
      reserved: int,
      consumed: int,
      forfeited: int,
      /** How many ledger entries the account has: the next entry's sequence number. */
      entries: int,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: { accounts_by_owner: { columns: ['owner_id'] } },
  },
  /** Units reserved and not yet settled; a hold's reservation carries the hold's expiry. */
  entitlement_reservations: {
    columns: {
      account_id: text,
      appointment_id: text,
      expires_at: optional(timestamp),
      created_at: timestamp,
    },
    primaryKey: ['account_id', 'appointment_id'],
  },
  /** Append-only: every grant, reserve, consume, release and forfeit of every account. */
  entitlement_ledger: {
    columns: {
      account_id: text,
      seq: int,
      at: timestamp,
      kind: text,
      units: int,
      appointment_id: optional(text),
      reason: optional(text),
    },
    primaryKey: ['account_id', 'seq'],
  },
  /** A visit a sponsor pays for: what reports and settlement need, and nothing clinical. */
  sponsored_visits: {
    columns: {
      appointment_id: text,
      payer_type: text,
      payer_id: text,
      tenant_id: text,
      account_ids: json,
      patient_id: text,
      clinic_id: text,
      specialty: text,
      format: text,
      service_name: text,
      price_kopecks: int,
      start_at: timestamp,
      forfeit_late_cancellation: bool,
      forfeit_no_show: bool,
      status: text,
      created_at: timestamp,
      settled_at: optional(timestamp),
    },
    primaryKey: ['appointment_id'],
    indexes: {
      visits_by_tenant: { columns: ['tenant_id', 'start_at'] },
      visits_by_payer: { columns: ['payer_id', 'start_at'] },
    },
  },
  /** Failed attempts to link coverage, by caller or by policy (a hash): throttles guessing. */
  coverage_link_attempts: {
    columns: {
      attempt_key: text,
      failures: int,
      window_start: timestamp,
      locked_until: optional(timestamp),
    },
    primaryKey: ['attempt_key'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof coverageTables> {}
}
