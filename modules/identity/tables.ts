import { defineTables, type TablesOf } from '../../storage/catalog';
import { bool, json, optional, text, timestamp } from '../../storage/columns';

/**
 * Identity assurance: what a state identity provider verified of a patient or doctor (one row
 * each, written once), and each doctor's latest look-up in the federal register. No SNILS or
 * other personal identifier is kept: the names of the claims verified say what was checked.
 */
export const identityTables = defineTables({
  identity_verifications: {
    columns: {
      party_kind: text,
      party_id: text,
      issuer: text,
      trust_framework: text,
      assurance_level: optional(text),
      verified_at: timestamp,
      txn: optional(text),
      /** The claim names the provider verified (`["family_name","given_name","snils"]`). */
      claims: json,
      recorded_at: timestamp,
    },
    primaryKey: ['party_kind', 'party_id'],
  },
  register_checks: {
    columns: {
      doctor_id: text,
      register: text,
      found: bool,
      entry_id: optional(text),
      checked_at: timestamp,
    },
    primaryKey: ['doctor_id'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof identityTables> {}
}
