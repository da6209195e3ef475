import type { Repositories } from '../../platform/store';
import type { ConsultationFormat } from './domain/appointment';
import type { Doctor, Specialty } from './domain/doctor';
import { slotStep, workingIntervals } from './domain/schedule';
import { blockOf, candidateStarts, overlapsAny } from './domain/slots';

export interface SlotQuery {
  specialty?: Specialty;
  doctorId?: string;
  serviceId?: string;
  format?: ConsultationFormat;
  from: number;
  to: number;
  /** Only slots starting within this many hours from now (triage's consultation_24 uses 24). */
  withinHours?: number;
  limit: number;
}

export interface Slot {
  doctor: Doctor;
  serviceId: string;
  start: number;
  end: number;
}

/** Free slots of matching doctors, earliest first: working hours minus booked, held and buffer time. */
export async function findSlots(repos: Repositories, query: SlotQuery, now: number): Promise<Slot[]> {
  const doctors = query.doctorId
    ? [await repos.doctors.get(query.doctorId)].filter((d): d is Doctor => d !== undefined)
    : await repos.doctors.bySpecialty(query.specialty as Specialty);
  const slots: Slot[] = [];
  for (const doctor of doctors) {
    if (query.specialty && doctor.specialty !== query.specialty) continue;
    const { schedule } = doctor;
    const from = Math.max(query.from, now + schedule.minNoticeMinutes * 60_000);
    const to = Math.min(
      query.to,
      now + schedule.horizonDays * 86_400_000,
      query.withinHours ? now + query.withinHours * 3_600_000 : Number.POSITIVE_INFINITY,
    );
    if (to <= from) continue;
    const services = doctor.services.filter(
      (s) => (!query.serviceId || s.id === query.serviceId) && (!query.format || s.format === query.format),
    );
    if (!services.length) continue;
    const intervals = workingIntervals(schedule, doctor.timeZone, from, to);
    const margin = (schedule.bufferBeforeMinutes + schedule.bufferAfterMinutes + 24 * 60) * 60_000;
    const occupied = await repos.appointments.occupiedCells(doctor.id, from - margin, to + margin);
    for (const service of services) {
      for (const slot of candidateStarts(
        intervals,
        service.durationMinutes,
        slotStep(schedule, service.durationMinutes),
      )) {
        if (slot.start < from || slot.start >= to) continue;
        const block = blockOf(
          slot.start,
          slot.end,
          schedule.bufferBeforeMinutes,
          schedule.bufferAfterMinutes,
        );
        if (!overlapsAny(block, occupied)) slots.push({ doctor, serviceId: service.id, ...slot });
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start).slice(0, query.limit);
}
