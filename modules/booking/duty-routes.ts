import { httpRoute } from '../../platform/http';
import { tenantOf } from '../../platform/identity';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import { notFound } from './appointments';
import { rules } from './domain/appointment';
import { type DutyShift, longestShiftHours } from './domain/duty';
import { answerHold } from './hold-route';
import * as schemas from './schemas';
import { holdUrgent } from './urgent';
import { dutyShiftView } from './views';

/** The clinic admin puts one of the clinic's doctors on the duty roster. */
export const addDutyShift = httpRoute({
  route: 'POST /v1/duty-shifts',
  auth: ['clinic_admin'],
  body: schemas.dutyShiftBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const now = Date.now();
    const end = Date.parse(body.end);
    if (end <= now)
      throw problems.validation([{ path: 'body.end', message: 'the shift must end in the future' }]);
    const shift = await inTransaction(async (r) => {
      const doctor = await r.doctors.get(body.doctorId);
      if (doctor?.clinicId !== clinicId) throw notFound('Doctor');
      const start = Date.parse(body.start);
      // A doctor on duty twice at once would be offered to two urgent patients for one slot of time.
      const nearby = await r.dutyShifts.ofClinic(clinicId, start - longestShiftHours * 3_600_000, end);
      if (nearby.some((other) => other.doctorId === doctor.id && other.start < end && start < other.end))
        throw rules.shiftOverlaps();
      const added: DutyShift = {
        id: crypto.randomUUID(),
        clinicId,
        doctorId: doctor.id,
        specialty: doctor.specialty,
        start,
        end,
        createdBy: caller.subject,
        createdAt: now,
      };
      await r.dutyShifts.add(added);
      return added;
    });
    return { status: 201, body: dutyShiftView(shift) };
  },
});

export const listDutyShifts = httpRoute({
  route: 'GET /v1/duty-shifts',
  auth: ['clinic_admin'],
  query: schemas.dutyShiftQuery,
  handle: async ({ query, caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const shifts = await inTransaction((r) =>
      r.dutyShifts.ofClinic(clinicId, Date.parse(query.from), Date.parse(query.to)),
    );
    return { status: 200, body: { items: shifts.map(dutyShiftView) } };
  },
});

/** "A doctor now": holds the next free minutes of a doctor on duty; confirmed like any hold. */
export const holdUrgentVisit = httpRoute({
  route: 'POST /v1/urgent-holds',
  auth: ['patient', 'service'],
  body: schemas.urgentHoldBody,
  idempotent: true,
  handle: (request) =>
    answerHold(request, (r, patient, context) =>
      holdUrgent(r, { specialty: request.body.specialty, format: request.body.format, ...patient }, context),
    ),
});
