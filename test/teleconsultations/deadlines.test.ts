import { describe, expect, it } from 'vitest';
import { deadline, orderLimits } from '../../modules/teleconsultations/domain/centre';
import { teleconsultationNotices } from '../../modules/teleconsultations/events';

const promises = { emergencyMinutes: 90, urgentHours: 24, plannedDays: 30 };

describe('teleconsultation deadlines per form', () => {
  it('counts emergency minutes and urgent hours on the clock, whatever the zone', () => {
    // Prepare
    const asked = Date.UTC(2026, 2, 28, 22, 30);
    // Act
    const emergency = deadline('emergency', promises, 'Asia/Kamchatka', asked);
    const urgent = deadline('urgent', promises, 'Europe/Kaliningrad', asked);
    // Assess
    expect(emergency - asked).toBe(90 * 60_000);
    expect(urgent - asked).toBe(24 * 3_600_000);
  });

  it('counts planned days as calendar days in the centre’s zone, to the end of the last one', () => {
    // Prepare: 23:30 on 1 March in Vladivostok is still 1 March there, but 2 March is 00:30 in Kamchatka
    const asked = Date.UTC(2026, 2, 1, 13, 30);
    // Act
    const inVladivostok = deadline('planned', { ...promises, plannedDays: 1 }, 'Asia/Vladivostok', asked);
    const inKamchatka = deadline('planned', { ...promises, plannedDays: 1 }, 'Asia/Kamchatka', asked);
    // Assess: the end of 2 March in Vladivostok (UTC+10), the end of 3 March in Kamchatka (UTC+12)
    expect(new Date(inVladivostok).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(new Date(inKamchatka).toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });

  it('keeps the order’s limits as the slowest a centre may promise', () => {
    // Assess
    expect(orderLimits).toEqual({ emergencyMinutes: 120, urgentHours: 24, plannedDays: 30 });
  });
});

describe('whom teleconsultation events tell', () => {
  it('tells the coordinators of every new request, an emergency too: its page goes up an escalation ladder instead', () => {
    // Prepare
    const data = {
      requestId: '0b5c9d1e-0000-4000-8000-000000000000',
      centreId: 'centre-1',
      dueAt: '2026-03-01T10:00:00Z',
    };
    const requested = teleconsultationNotices['teleconsultation.requested.v1'];
    // Act
    const emergency = requested?.({ ...data, dutyConsultantId: 'onco-2' });
    const unattended = requested?.({ ...data, dutyConsultantId: null });
    // Assess
    for (const notice of [emergency, unattended])
      expect(notice).toMatchObject({
        recipientId: 'clinic_admin:centre-1',
        template: 'teleconsultation.requested',
      });
  });

  it('tells the requester of each step, and the head of a request overdue past the coordinators', () => {
    // Prepare
    const data = {
      requestId: '0b5c9d1e-0000-4000-8000-000000000000',
      centreId: 'centre-1',
      requesterId: 'doctor-1',
    };
    // Act
    const steps = ['accepted', 'info_requested', 'concluded', 'declined'].map(
      (step) =>
        teleconsultationNotices[`teleconsultation.${step}.v1`]?.({ ...data, dueAt: '2026-03-01T10:00:00Z' })
          .recipientId,
    );
    const head = teleconsultationNotices['teleconsultation.overdue.v1']?.({
      ...data,
      escalatedTo: 'head',
      headId: 'head-1',
      dueAt: '2026-03-01T10:00:00Z',
    });
    // Assess
    expect(steps).toEqual(['doctor-1', 'doctor-1', 'doctor-1', 'doctor-1']);
    expect(head).toMatchObject({ recipientId: 'head-1', template: 'teleconsultation.overdue_head' });
  });
});
