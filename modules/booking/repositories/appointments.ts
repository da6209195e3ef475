import { UniqueConflict } from '../../../storage/errors';
import type { Row, Tables } from '../../../storage/port';
import {
  type Appointment,
  type AppointmentStatus,
  type ConsultationFormat,
  type ConsultationType,
  type PayerType,
  rules,
} from '../domain/appointment';
import type { Interval } from '../domain/schedule';
import { cellsOf } from '../domain/slots';

/**
 * Appointments and the doctor's time they occupy. Occupancy is a set of unique cells per
 * doctor, so two overlapping bookings cannot both commit (see storage/booking-schema.ts).
 */
export class AppointmentRepository {
  constructor(private readonly tables: Tables) {}

  /** Inserts the appointment and claims its cells; throws `SLOT_TAKEN` if any cell is taken. */
  async create(appointment: Appointment): Promise<void> {
    await this.claim(appointment.doctorId, appointment.id, blockOf(appointment), appointment.holdExpiresAt);
    await this.tables.insert('appointments', toRow(appointment));
  }

  async get(id: string): Promise<Appointment | undefined> {
    const row = await this.tables.get('appointments', { id });
    return row ? toAppointment(row) : undefined;
  }

  async save(appointment: Appointment): Promise<void> {
    const { id, ...rest } = toRow(appointment);
    await this.tables.update('appointments', { id }, rest);
  }

  /** Whether every cell of the appointment's block is still claimed by it (a lapsed hold may have lost some). */
  async ownsBlock(appointment: Appointment): Promise<boolean> {
    // One range read instead of a read per cell; expired cells are not returned.
    const rows = await this.tables.find('slot_cells', {
      where: { doctor_id: appointment.doctorId },
      range: { column: 'cell_start', from: appointment.blockStart, to: appointment.blockEnd },
    });
    const owned = new Set(
      rows.filter((row) => row.appointment_id === appointment.id).map((row) => Number(row.cell_start)),
    );
    return cellsOf(blockOf(appointment)).every((cell) => owned.has(cell));
  }

  /** Makes the block permanent (a confirmed hold) or gives it a new expiry. */
  async setBlockExpiry(appointment: Appointment, expiresAt: number | null): Promise<void> {
    for (const cell of cellsOf(blockOf(appointment))) {
      await this.tables.update(
        'slot_cells',
        { doctor_id: appointment.doctorId, cell_start: cell },
        { expires_at: expiresAt },
      );
    }
  }

  /** Frees the block, keeping cells another appointment has claimed since (after a lapsed hold). */
  async releaseBlock(appointment: Appointment): Promise<void> {
    for (const cell of cellsOf(blockOf(appointment))) {
      const key = { doctor_id: appointment.doctorId, cell_start: cell };
      const row = await this.tables.get('slot_cells', key);
      if (row?.appointment_id === appointment.id) await this.tables.remove('slot_cells', key);
    }
  }

  /** Claims a block for an appointment (a new time when rescheduling); throws `SLOT_TAKEN`. */
  async claim(
    doctorId: string,
    appointmentId: string,
    block: Interval,
    expiresAt: number | null,
  ): Promise<void> {
    try {
      for (const cell of cellsOf(block)) {
        await this.tables.insert('slot_cells', {
          doctor_id: doctorId,
          cell_start: cell,
          appointment_id: appointmentId,
          expires_at: expiresAt,
        });
      }
    } catch (error) {
      if (error instanceof UniqueConflict) throw rules.slotTaken();
      throw error;
    }
  }

  /** Cells of a doctor taken (by live holds or bookings) in a time range. */
  async occupiedCells(doctorId: string, from: number, to: number): Promise<Set<number>> {
    const rows = await this.tables.find('slot_cells', {
      where: { doctor_id: doctorId },
      range: { column: 'cell_start', from, to },
    });
    return new Set(rows.map((row) => Number(row.cell_start)));
  }

  /** Booked appointments starting in [from, to), for reminders. */
  async bookedStartingBetween(from: number, to: number, limit: number): Promise<Appointment[]> {
    const rows = await this.tables.find('appointments', {
      where: { status: 'booked' },
      range: { column: 'start_at', from, to },
      orderBy: [{ column: 'start_at' }],
      limit,
    });
    return rows.map(toAppointment);
  }

  /** Appointments in a status, soonest first (e.g. confirmed visits still waiting for payment). */
  async inStatus(status: AppointmentStatus, limit: number): Promise<Appointment[]> {
    const rows = await this.tables.find('appointments', {
      where: { status },
      orderBy: [{ column: 'start_at' }],
      limit,
    });
    return rows.map(toAppointment);
  }

  /** Records that a reminder went out; false when it already had (a timer firing twice). */
  async claimReminder(appointment: Appointment, kind: string, at: number): Promise<boolean> {
    try {
      await this.tables.insert('appointment_reminders', {
        appointment_id: appointment.id,
        kind,
        start_at: appointment.start,
        sent_at: at,
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConflict) return false;
      throw error;
    }
  }

  async forPatient(patientId: string, limit = 100): Promise<Appointment[]> {
    return this.list({ patient_id: patientId }, limit);
  }

  async forDoctor(doctorId: string, limit = 100): Promise<Appointment[]> {
    return this.list({ doctor_id: doctorId }, limit);
  }

  async forClinic(clinicId: string, limit = 100): Promise<Appointment[]> {
    return this.list({ clinic_id: clinicId }, limit);
  }

  private async list(where: Row, limit: number): Promise<Appointment[]> {
    const rows = await this.tables.find('appointments', {
      where,
      orderBy: [{ column: 'start_at', direction: 'desc' }],
      limit,
    });
    return rows.map(toAppointment);
  }
}

function blockOf(appointment: Appointment): Interval {
  return { start: appointment.blockStart, end: appointment.blockEnd };
}

function toRow(a: Appointment): Row {
  return {
    id: a.id,
    clinic_id: a.clinicId,
    doctor_id: a.doctorId,
    patient_id: a.patientId,
    patient_time_zone: a.patientTimeZone,
    doctor_time_zone: a.doctorTimeZone,
    service_id: a.serviceId,
    format: a.format,
    start_at: a.start,
    end_at: a.end,
    block_start: a.blockStart,
    block_end: a.blockEnd,
    status: a.status,
    hold_expires_at: a.holdExpiresAt,
    consultation_type: a.consultationType,
    late_cancellation: a.lateCancellation,
    video_link: a.videoLink,
    payer_type: a.payerType,
    price_kopecks: a.priceKopecks,
    urgent: a.urgent,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

function toAppointment(row: Row): Appointment {
  return {
    id: String(row.id),
    clinicId: String(row.clinic_id),
    doctorId: String(row.doctor_id),
    patientId: String(row.patient_id),
    patientTimeZone: String(row.patient_time_zone),
    doctorTimeZone: row.doctor_time_zone === null ? null : String(row.doctor_time_zone),
    serviceId: String(row.service_id),
    format: row.format as ConsultationFormat,
    start: Number(row.start_at),
    end: Number(row.end_at),
    blockStart: Number(row.block_start),
    blockEnd: Number(row.block_end),
    status: row.status as AppointmentStatus,
    holdExpiresAt: row.hold_expires_at === null ? null : Number(row.hold_expires_at),
    consultationType: row.consultation_type as ConsultationType,
    lateCancellation: Boolean(row.late_cancellation),
    videoLink: row.video_link === null ? null : String(row.video_link),
    payerType: (row.payer_type ?? 'self') as PayerType,
    priceKopecks: Number(row.price_kopecks ?? 0),
    urgent: Boolean(row.urgent),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
