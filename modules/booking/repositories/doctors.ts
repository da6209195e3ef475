import type { Row, Tables } from '../../../storage/port';
import type { Doctor, Service, Specialty } from '../domain/doctor';
import type { Schedule } from '../domain/schedule';

export class DoctorRepository {
  constructor(private readonly tables: Tables) {}

  async create(doctor: Doctor): Promise<void> {
    await this.tables.insert('doctors', toRow(doctor));
  }

  async get(id: string): Promise<Doctor | undefined> {
    const row = await this.tables.get('doctors', { id });
    return row ? toDoctor(row) : undefined;
  }

  async bySpecialty(specialty: Specialty): Promise<Doctor[]> {
    return (await this.tables.find('doctors', { where: { specialty } })).map(toDoctor);
  }

  async updateSchedule(id: string, schedule: Schedule, at: number): Promise<void> {
    await this.tables.update('doctors', { id }, { schedule, updated_at: at });
  }
}

function toRow(doctor: Doctor): Row {
  return {
    id: doctor.id,
    clinic_id: doctor.clinicId,
    full_name: doctor.fullName,
    specialty: doctor.specialty,
    languages: doctor.languages,
    time_zone: doctor.timeZone,
    services: doctor.services,
    schedule: doctor.schedule,
    created_at: doctor.createdAt,
    updated_at: doctor.updatedAt,
  };
}

function toDoctor(row: Row): Doctor {
  return {
    id: String(row.id),
    clinicId: String(row.clinic_id),
    fullName: String(row.full_name),
    specialty: row.specialty as Specialty,
    languages: row.languages as string[],
    timeZone: String(row.time_zone),
    services: row.services as Service[],
    schedule: row.schedule as Schedule,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
