import type { Tables } from '../../../storage/port';

/** In-person visits to a clinic: what makes remote diagnosis and treatment lawful (323-FZ art. 36.2). */
export class InPersonVisits {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async record(visit: {
    clinicId: string;
    patientId: string;
    visitedOn: string;
    recordedBy: string;
  }): Promise<string> {
    const id = crypto.randomUUID();
    await this.tables.insert('in_person_visits', {
      clinic_id: visit.clinicId,
      patient_id: visit.patientId,
      id,
      visited_on: visit.visitedOn,
      recorded_by: visit.recordedBy,
      created_at: this.now(),
    });
    return id;
  }

  async any(clinicId: string, patientId: string): Promise<boolean> {
    const rows = await this.tables.find('in_person_visits', {
      where: { clinic_id: clinicId, patient_id: patientId },
      limit: 1,
    });
    return rows.length > 0;
  }
}
