import type { Row, Tables } from '../../../storage/port';
import type { Specialty } from '../domain/doctor';
import { type DutyShift, longestShiftHours } from '../domain/duty';

/** The duty roster. */
export class DutyShifts {
  constructor(private readonly tables: Tables) {}

  async add(shift: DutyShift): Promise<void> {
    await this.tables.insert('duty_shifts', {
      id: shift.id,
      clinic_id: shift.clinicId,
      doctor_id: shift.doctorId,
      specialty: shift.specialty,
      starts_at: shift.start,
      ends_at: shift.end,
      created_by: shift.createdBy,
      created_at: shift.createdAt,
    });
  }

  /** Shifts of a specialty under way at `at`: those ending after it (at most a day on) that began by then. */
  async onDuty(specialty: Specialty, at: number): Promise<DutyShift[]> {
    const rows = await this.tables.find('duty_shifts', {
      where: { specialty },
      range: { column: 'ends_at', from: at + 1, to: at + longestShiftHours * 3_600_000 + 1 },
    });
    return rows.map(toShift).filter((shift) => shift.start <= at);
  }

  /** A clinic's shifts starting in [from, to), earliest first. */
  async ofClinic(clinicId: string, from: number, to: number): Promise<DutyShift[]> {
    const rows = await this.tables.find('duty_shifts', {
      where: { clinic_id: clinicId },
      range: { column: 'starts_at', from, to },
      orderBy: [{ column: 'starts_at' }],
      limit: 500,
    });
    return rows.map(toShift);
  }
}

function toShift(row: Row): DutyShift {
  return {
    id: String(row.id),
    clinicId: String(row.clinic_id),
    doctorId: String(row.doctor_id),
    specialty: row.specialty as Specialty,
    start: Number(row.starts_at),
    end: Number(row.ends_at),
    createdBy: String(row.created_by),
    createdAt: Number(row.created_at),
  };
}
