import type { Row, Tables } from '../../../storage/port';
import type { Period, Policy, Product } from '../domain/sponsor';

export interface PolicyImport {
  id: string;
  productId: string;
  insurerId: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  totalRows: number;
  created: number;
  renewed: number;
  cancelled: number;
  unchanged: number;
  rejected: number;
  error: string | null;
  createdAt: number;
  claimedAt: number | null;
  finishedAt: number | null;
}

/** Insurers' products, policies and policy file imports. Policy numbers are unique per insurer. */
export class InsurerRepository {
  constructor(private readonly tables: Tables) {}

  async addProduct(product: Product): Promise<void> {
    await this.tables.insert('insurance_products', {
      id: product.id,
      insurer_id: product.insurerId,
      name: product.name,
      consultations_per_year: product.consultationsPerYear,
      specialty_limits: product.specialtyLimits,
      specialties: product.specialties,
      formats: product.formats,
      duty_doctor: product.dutyDoctor,
      waiting_minutes: product.waitingMinutes,
      forfeit_late_cancellation: product.forfeitLateCancellation,
      forfeit_no_show: product.forfeitNoShow,
      created_at: product.createdAt,
    });
  }

  async product(id: string): Promise<Product | undefined> {
    const row = await this.tables.get('insurance_products', { id });
    return row ? toProduct(row) : undefined;
  }

  /** Every insurer that has a product: whom the monthly registers are for. */
  async insurerIds(): Promise<string[]> {
    const rows = await this.tables.find('insurance_products', {});
    return [...new Set(rows.map((row) => String(row.insurer_id)))];
  }

  /** Throws `UniqueConflict` (policies_insurer_number) when the insurer already issued that number. */
  async addPolicy(policy: Policy): Promise<void> {
    await this.tables.insert('insurance_policies', {
      id: policy.id,
      insurer_id: policy.insurerId,
      product_id: policy.productId,
      number: policy.number,
      holder_birth_date: policy.holderBirthDate,
      patient_id: policy.patientId,
      status: policy.status,
      periods: policy.periods,
      created_at: policy.createdAt,
      updated_at: policy.updatedAt,
    });
  }

  async policy(id: string): Promise<Policy | undefined> {
    const row = await this.tables.get('insurance_policies', { id });
    return row ? toPolicy(row) : undefined;
  }

  async policyByNumber(insurerId: string, number: string): Promise<Policy | undefined> {
    const [row] = await this.tables.find('insurance_policies', {
      where: { insurer_id: insurerId, number },
      limit: 1,
    });
    return row ? toPolicy(row) : undefined;
  }

  async policiesOfPatient(patientId: string): Promise<Policy[]> {
    return (await this.tables.find('insurance_policies', { where: { patient_id: patientId } })).map(toPolicy);
  }

  async updatePolicy(
    policy: Pick<Policy, 'id' | 'status' | 'periods' | 'patientId' | 'updatedAt'>,
  ): Promise<void> {
    await this.tables.update(
      'insurance_policies',
      { id: policy.id },
      {
        status: policy.status,
        periods: policy.periods,
        patient_id: policy.patientId,
        updated_at: policy.updatedAt,
      },
    );
  }

  async addImport(run: PolicyImport): Promise<void> {
    await this.tables.insert('policy_imports', importRow(run));
  }

  async import(id: string): Promise<PolicyImport | undefined> {
    const row = await this.tables.get('policy_imports', { id });
    return row ? toImport(row) : undefined;
  }

  async saveImport(run: PolicyImport): Promise<void> {
    const { id, ...rest } = importRow(run);
    await this.tables.update('policy_imports', { id }, rest);
  }
}

function toProduct(row: Row): Product {
  return {
    id: String(row.id),
    insurerId: String(row.insurer_id),
    name: String(row.name),
    consultationsPerYear: Number(row.consultations_per_year),
    specialtyLimits: row.specialty_limits as Product['specialtyLimits'],
    specialties: row.specialties as Product['specialties'],
    formats: row.formats as Product['formats'],
    dutyDoctor: Boolean(row.duty_doctor),
    waitingMinutes: row.waiting_minutes === null ? null : Number(row.waiting_minutes),
    forfeitLateCancellation: Boolean(row.forfeit_late_cancellation),
    forfeitNoShow: Boolean(row.forfeit_no_show),
    createdAt: Number(row.created_at),
  };
}

function toPolicy(row: Row): Policy {
  return {
    id: String(row.id),
    insurerId: String(row.insurer_id),
    productId: String(row.product_id),
    number: String(row.number),
    holderBirthDate: String(row.holder_birth_date),
    patientId: row.patient_id === null ? null : String(row.patient_id),
    status: row.status as Policy['status'],
    periods: row.periods as Period[],
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function importRow(run: PolicyImport): Row {
  return {
    id: run.id,
    product_id: run.productId,
    insurer_id: run.insurerId,
    status: run.status,
    total_rows: run.totalRows,
    created: run.created,
    renewed: run.renewed,
    cancelled: run.cancelled,
    unchanged: run.unchanged,
    rejected: run.rejected,
    error: run.error,
    created_at: run.createdAt,
    claimed_at: run.claimedAt,
    finished_at: run.finishedAt,
  };
}

function toImport(row: Row): PolicyImport {
  return {
    id: String(row.id),
    productId: String(row.product_id),
    insurerId: String(row.insurer_id),
    status: row.status as PolicyImport['status'],
    totalRows: Number(row.total_rows),
    created: Number(row.created),
    renewed: Number(row.renewed),
    cancelled: Number(row.cancelled),
    unchanged: Number(row.unchanged),
    rejected: Number(row.rejected),
    error: row.error === null ? null : String(row.error),
    createdAt: Number(row.created_at),
    claimedAt: row.claimed_at === null ? null : Number(row.claimed_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
