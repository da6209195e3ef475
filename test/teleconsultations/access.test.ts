import { describe, expect, it } from 'vitest';
import { sideOf } from '../../modules/teleconsultations/access';
import type { TeleRequest } from '../../modules/teleconsultations/domain/request';
import type { Caller } from '../../platform/identity';

const day = 86_400_000;
const concludedAt = Date.UTC(2026, 2, 1, 12);
const request: TeleRequest = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  centreId: 'centre-onco',
  requesterClinicId: 'clinic-r',
  requesterId: 'doctor-r1',
  patientId: 'patient-1',
  form: 'planned',
  profile: 'oncology',
  videoWanted: false,
  consent: { given: true, obtainedAt: '2026-02-20T10:00:00Z' },
  caseFile: { question: 'Вопрос', caseSummary: 'Сводка', exchanges: [] },
  status: 'concluded',
  consultantIds: ['onco-1'],
  dutyConsultantId: null,
  onCallIds: [],
  requesterTimeZone: 'Europe/Moscow',
  requesterRegion: 'RU-TVE',
  videoSession: null,
  dueAt: null,
  remainingMs: null,
  declineReason: null,
  overdueLevel: 0,
  createdAt: concludedAt - 10 * day,
  acceptedAt: concludedAt - 9 * day,
  closedAt: concludedAt,
  metDeadline: true,
};
const as = (role: Caller['role'], clinicId: string | undefined, subject: string): Caller => ({
  role,
  subject,
  ...(clinicId ? { clinicId } : {}),
});

describe('who sees a teleconsultation, and for how long', () => {
  it('keeps a closed case in the centre’s sight for the access period, and not a moment after', () => {
    // Prepare
    const coordinator = as('clinic_admin', 'centre-onco', 'coordinator-1');
    const consultant = as('doctor', 'centre-onco', 'onco-1');
    // Act
    const within = [coordinator, consultant].map((c) =>
      sideOf(c, request, concludedAt + 30 * day - 1, 30 * day),
    );
    const after = [coordinator, consultant].map((c) => sideOf(c, request, concludedAt + 30 * day, 30 * day));
    // Assess
    expect(within).toEqual(['coordinator', 'consultant']);
    expect(after).toEqual([undefined, undefined]);
  });

  it('keeps the conclusion with the requesting clinic and the patient after the centre’s period', () => {
    // Prepare
    const later = concludedAt + 400 * day;
    // Act
    const sides = [
      as('doctor', 'clinic-r', 'doctor-r1'),
      as('clinic_admin', 'clinic-r', 'admin-r'),
      as('patient', undefined, 'patient-1'),
    ].map((c) => sideOf(c, request, later, 30 * day));
    // Assess
    expect(sides).toEqual(['requester', 'requesting_clinic', 'patient']);
  });

  it('gives no side to sponsors, services, another patient or a doctor of the clinic who did not ask', () => {
    // Act
    const sides = [
      as('insurer', undefined, 'insurer-1'),
      as('hr', undefined, 'hr-1'),
      as('service', 'clinic-r', 'chatbot-r'),
      as('patient', undefined, 'patient-2'),
      as('doctor', 'clinic-r', 'doctor-r2'),
    ].map((c) => sideOf(c, request, concludedAt, 30 * day));
    // Assess
    expect(sides).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
