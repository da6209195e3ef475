import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import type { Row, Tables } from '../../../storage/port';

export interface TriageDecisionRecord {
  id: string;
  tenantId: string;
  patientId: string | null;
  kind: 'symptoms' | 'intake';
  ruleSetVersion: string;
  disposition: string;
  /** Health data (complaint, answers, vitals): sealed at rest. */
  inputs: unknown;
  /** Health data too (red flags, scores): sealed at rest. */
  outcome: unknown;
  createdAt: string;
}

const context = (id: string, column: 'inputs' | 'outcome') => `triage_decisions/${id}/${column}`;

/**
 * Every triage decision with the rule-set version that made it, so each stays explainable
 * after the rules change. Inputs and outcome are sealed with envelope encryption, bound to
 * the record; the disposition stays readable for review statistics.
 */
export class TriageDecisionRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  async create(decision: Omit<TriageDecisionRecord, 'createdAt'>): Promise<TriageDecisionRecord> {
    const at = this.now();
    await this.tables.insert('triage_decisions', {
      id: decision.id,
      tenant_id: decision.tenantId,
      patient_id: decision.patientId,
      kind: decision.kind,
      rule_set_version: decision.ruleSetVersion,
      disposition: decision.disposition,
      inputs: await this.seal(decision.id, 'inputs', decision.inputs),
      outcome: await this.seal(decision.id, 'outcome', decision.outcome),
      created_at: at,
    });
    return { ...decision, createdAt: new Date(at).toISOString() };
  }

  async get(id: string): Promise<TriageDecisionRecord | undefined> {
    const row = await this.tables.get('triage_decisions', { id });
    return row ? this.toRecord(row) : undefined;
  }

  /** A patient's decisions in time order, a page at a time (`after` is the last page's created_at). */
  async forPatient(patientId: string, after: number, limit: number): Promise<TriageDecisionRecord[]> {
    const rows = await this.tables.find('triage_decisions', {
      where: { patient_id: patientId },
      range: { column: 'created_at', from: after + 1 },
      orderBy: [{ column: 'created_at' }],
      limit,
    });
    return Promise.all(rows.map((row) => this.toRecord(row)));
  }

  private async seal(id: string, column: 'inputs' | 'outcome', value: unknown): Promise<SealedField> {
    return this.cipher.seal(JSON.stringify(value), context(id, column));
  }

  private async toRecord(row: Row): Promise<TriageDecisionRecord> {
    const id = String(row.id);
    const open = async (column: 'inputs' | 'outcome') =>
      JSON.parse(await this.cipher.open(row[column] as SealedField, context(id, column))) as unknown;
    return {
      id,
      tenantId: String(row.tenant_id),
      patientId: row.patient_id === null ? null : String(row.patient_id),
      kind: row.kind as TriageDecisionRecord['kind'],
      ruleSetVersion: String(row.rule_set_version),
      disposition: String(row.disposition),
      inputs: await open('inputs'),
      outcome: await open('outcome'),
      createdAt: new Date(Number(row.created_at)).toISOString(),
    };
  }
}
