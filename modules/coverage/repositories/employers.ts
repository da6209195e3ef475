import type { Row, Tables } from '../../../storage/port';
import type { CorporateContract, Enrolment } from '../domain/sponsor';

export interface EnrolmentImport {
  id: string;
  contractId: string;
  employerId: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  totalRows: number;
  enrolled: number;
  alreadyEnrolled: number;
  rejected: number;
  error: string | null;
  createdAt: number;
  claimedAt: number | null;
  finishedAt: number | null;
}

/** Employers' contracts, their enrolled employees and enrolment file imports. */
export class EmployerRepository {
  constructor(private readonly tables: Tables) {}

  async addContract(contract: CorporateContract): Promise<void> {
    await this.tables.insert('corporate_contracts', {
      id: contract.id,
      employer_id: contract.employerId,
      company_name: contract.companyName,
      starts_at: contract.startsAt,
      ends_at: contract.endsAt,
      company_sessions: contract.companySessions,
      sessions_per_employee: contract.sessionsPerEmployee,
      specialties: contract.specialties,
      formats: contract.formats,
      forfeit_late_cancellation: contract.forfeitLateCancellation,
      forfeit_no_show: contract.forfeitNoShow,
      status: contract.status,
      created_at: contract.createdAt,
    });
  }

  async contract(id: string): Promise<CorporateContract | undefined> {
    const row = await this.tables.get('corporate_contracts', { id });
    return row ? toContract(row) : undefined;
  }

  async allContracts(): Promise<CorporateContract[]> {
    return (await this.tables.find('corporate_contracts', {})).map(toContract);
  }

  async enrolment(contractId: string, refHash: string): Promise<Enrolment | undefined> {
    const row = await this.tables.get('corporate_enrolments', { contract_id: contractId, ref_hash: refHash });
    return row ? toEnrolment(row) : undefined;
  }

  async enrolmentByCode(codeHash: string): Promise<Enrolment | undefined> {
    const [row] = await this.tables.find('corporate_enrolments', {
      where: { code_hash: codeHash },
      limit: 1,
    });
    return row ? toEnrolment(row) : undefined;
  }

  async enrolmentsOfPatient(patientId: string): Promise<Enrolment[]> {
    return (await this.tables.find('corporate_enrolments', { where: { patient_id: patientId } })).map(
      toEnrolment,
    );
  }

  async enrolments(contractId: string): Promise<Enrolment[]> {
    return (await this.tables.find('corporate_enrolments', { where: { contract_id: contractId } })).map(
      toEnrolment,
    );
  }

  async addEnrolment(enrolment: Enrolment): Promise<void> {
    await this.tables.insert('corporate_enrolments', {
      contract_id: enrolment.contractId,
      ref_hash: enrolment.refHash,
      id: enrolment.id,
      employer_id: enrolment.employerId,
      employee_ref: enrolment.employeeRef,
      code_hash: enrolment.codeHash,
      upload_id: enrolment.uploadId,
      status: enrolment.status,
      patient_id: enrolment.patientId,
      created_at: enrolment.createdAt,
      activated_at: enrolment.activatedAt,
    });
  }

  /** The employee links themself; the employer's reference to them is erased. */
  async activate(enrolment: Enrolment): Promise<void> {
    await this.tables.update(
      'corporate_enrolments',
      { contract_id: enrolment.contractId, ref_hash: enrolment.refHash },
      {
        status: enrolment.status,
        patient_id: enrolment.patientId,
        employee_ref: enrolment.employeeRef,
        activated_at: enrolment.activatedAt,
      },
    );
  }

  async reissueCode(enrolment: Enrolment, codeHash: string): Promise<void> {
    await this.tables.update(
      'corporate_enrolments',
      { contract_id: enrolment.contractId, ref_hash: enrolment.refHash },
      { code_hash: codeHash },
    );
  }

  async addImport(run: EnrolmentImport): Promise<void> {
    await this.tables.insert('enrolment_imports', importRow(run));
  }

  async import(id: string): Promise<EnrolmentImport | undefined> {
    const row = await this.tables.get('enrolment_imports', { id });
    return row ? toImport(row) : undefined;
  }

  async saveImport(run: EnrolmentImport): Promise<void> {
    const { id, ...rest } = importRow(run);
    await this.tables.update('enrolment_imports', { id }, rest);
  }
}

function toContract(row: Row): CorporateContract {
  return {
    id: String(row.id),
    employerId: String(row.employer_id),
    companyName: String(row.company_name),
    startsAt: Number(row.starts_at),
    endsAt: Number(row.ends_at),
    companySessions: row.company_sessions === null ? null : Number(row.company_sessions),
    sessionsPerEmployee: row.sessions_per_employee === null ? null : Number(row.sessions_per_employee),
    specialties: row.specialties as CorporateContract['specialties'],
    formats: row.formats as CorporateContract['formats'],
    forfeitLateCancellation: Boolean(row.forfeit_late_cancellation),
    forfeitNoShow: Boolean(row.forfeit_no_show),
    status: row.status as CorporateContract['status'],
    createdAt: Number(row.created_at),
  };
}

function toEnrolment(row: Row): Enrolment {
  return {
    contractId: String(row.contract_id),
    refHash: String(row.ref_hash),
    id: String(row.id),
    employerId: String(row.employer_id),
    employeeRef: row.employee_ref === null ? null : String(row.employee_ref),
    codeHash: String(row.code_hash),
    uploadId: row.upload_id === null ? null : String(row.upload_id),
    status: row.status as Enrolment['status'],
    patientId: row.patient_id === null ? null : String(row.patient_id),
    createdAt: Number(row.created_at),
    activatedAt: row.activated_at === null ? null : Number(row.activated_at),
  };
}

function importRow(run: EnrolmentImport): Row {
  return {
    id: run.id,
    contract_id: run.contractId,
    employer_id: run.employerId,
    status: run.status,
    total_rows: run.totalRows,
    enrolled: run.enrolled,
    already_enrolled: run.alreadyEnrolled,
    rejected: run.rejected,
    error: run.error,
    created_at: run.createdAt,
    claimed_at: run.claimedAt,
    finished_at: run.finishedAt,
  };
}

function toImport(row: Row): EnrolmentImport {
  return {
    id: String(row.id),
    contractId: String(row.contract_id),
    employerId: String(row.employer_id),
    status: row.status as EnrolmentImport['status'],
    totalRows: Number(row.total_rows),
    enrolled: Number(row.enrolled),
    alreadyEnrolled: Number(row.already_enrolled),
    rejected: Number(row.rejected),
    error: row.error === null ? null : String(row.error),
    createdAt: Number(row.created_at),
    claimedAt: row.claimed_at === null ? null : Number(row.claimed_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
