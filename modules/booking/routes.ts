import { type ApiRequest, httpRoute } from '../../platform/http';
import { tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { checkPatientInReach } from '../patients';
import { canClose, canManageAsPatient, canManageDoctor, canSeeAppointment } from './access';
import { viewOf } from './appointment-view';
import {
  type Canceller,
  cancelAppointment,
  closeAppointment,
  confirmHold,
  holdSlot,
  notFound,
  rescheduleAppointment,
} from './appointments';
import { type Appointment, latestVisitDay, rules } from './domain/appointment';
import { type Doctor, defaultSchedule } from './domain/doctor';
import { addDutyShift, holdUrgentVisit, listDutyShifts } from './duty-routes';
import { answerHold } from './hold-route';
import { checkout, paymentWebhook } from './payment-routes';
import * as schemas from './schemas';
import { findSlots } from './slot-search';
import { sponsorPayers } from './sponsor-payers';
import { doctorView, slotView } from './views';
import { paymentMinutes, video } from './wiring';

/** Loads an appointment the caller may see; anything else looks like a missing one. */
async function visibleAppointment(
  repos: Repositories,
  request: ApiRequest<unknown, { appointmentId: string }, unknown>,
) {
  const appointment = await repos.appointments.get(request.params.appointmentId);
  if (!appointment || !canSeeAppointment(request.caller, appointment)) throw notFound('Appointment');
  return appointment;
}

const registerDoctor = httpRoute({
  route: 'POST /v1/doctors',
  auth: ['clinic_admin'],
  body: schemas.registerDoctorBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const now = Date.now();
    const doctor: Doctor = {
      id: crypto.randomUUID(),
      clinicId,
      fullName: body.fullName,
      specialty: body.specialty,
      languages: body.languages,
      timeZone: body.timeZone,
      services: body.services.map((service) => ({ id: crypto.randomUUID(), ...service })),
      schedule: body.schedule ?? defaultSchedule,
      createdAt: now,
      updatedAt: now,
    };
    await inTransaction((r) => r.doctors.create(doctor));
    return { status: 201, body: doctorView(doctor), headers: { Location: `/v1/doctors/${doctor.id}` } };
  },
});

const getDoctor = httpRoute({
  route: 'GET /v1/doctors/{doctorId}',
  auth: ['patient', 'doctor', 'clinic_admin', 'service'],
  params: schemas.doctorParams,
  handle: async ({ params }) => {
    const doctor = await inTransaction((r) => r.doctors.get(params.doctorId));
    if (!doctor) throw problems.notFound('Doctor');
    return { status: 200, body: doctorView(doctor) };
  },
});

const setSchedule = httpRoute({
  route: 'PUT /v1/doctors/{doctorId}/schedule',
  auth: ['clinic_admin'],
  params: schemas.doctorParams,
  body: schemas.scheduleBody,
  handle: async ({ params, body, caller }) => {
    const doctor = await inTransaction(async (r) => {
      const found = await r.doctors.get(params.doctorId);
      if (!found || !canManageDoctor(caller, found)) throw notFound('Doctor');
      await r.doctors.updateSchedule(found.id, body, Date.now());
      return { ...found, schedule: body };
    });
    return { status: 200, body: doctorView(doctor) };
  },
});

const searchSlots = httpRoute({
  route: 'GET /v1/slots',
  auth: ['patient', 'doctor', 'clinic_admin', 'service'],
  query: schemas.slotQuery,
  handle: async ({ query }) => {
    const slots = await inTransaction((r) =>
      findSlots(
        r,
        {
          ...(query.specialty ? { specialty: query.specialty } : {}),
          ...(query.doctorId ? { doctorId: query.doctorId } : {}),
          ...(query.serviceId ? { serviceId: query.serviceId } : {}),
          ...(query.format ? { format: query.format } : {}),
          ...(query.within ? { withinHours: query.within } : {}),
          from: Date.parse(query.from),
          to: Date.parse(query.to),
          limit: query.limit,
        },
        Date.now(),
      ),
    );
    return {
      status: 200,
      body: { timeZone: query.tz, items: slots.map((slot) => slotView(slot, query.tz)) },
    };
  },
});

const holdAppointment = httpRoute({
  route: 'POST /v1/holds',
  auth: ['patient', 'service'],
  body: schemas.holdBody,
  idempotent: true,
  handle: (request) =>
    answerHold(request, (r, patient, context) =>
      holdSlot(
        r,
        {
          doctorId: request.body.doctorId,
          serviceId: request.body.serviceId,
          start: Date.parse(request.body.start),
          kind: request.body.kind,
          ...patient,
        },
        context,
      ),
    ),
});

const getAppointment = httpRoute({
  route: 'GET /v1/appointments/{appointmentId}',
  auth: ['patient', 'doctor', 'clinic_admin', 'service'],
  params: schemas.appointmentParams,
  handle: async (request) => {
    const body = await inTransaction(async (r) =>
      viewOf(r, await visibleAppointment(r, request), request.language),
    );
    return { status: 200, body };
  },
});

const listAppointments = httpRoute({
  route: 'GET /v1/appointments',
  auth: ['patient', 'doctor', 'clinic_admin'],
  query: schemas.appointmentListQuery,
  handle: async ({ caller, query, language }) => {
    const items = await inTransaction(async (r) => {
      const list =
        caller.role === 'patient'
          ? await r.appointments.forPatient(caller.subject, query.limit)
          : caller.role === 'doctor'
            ? await r.appointments.forDoctor(caller.subject, query.limit)
            : await r.appointments.forClinic(tenantOf(caller) ?? '', query.limit);
      return Promise.all(list.map((a) => viewOf(r, a, language)));
    });
    return { status: 200, body: { items } };
  },
});

/** An action on one appointment: load what the caller may see, check they may act, run it. */
function appointmentAction<TBody>(
  route: string,
  may: (caller: ApiRequest<unknown, unknown, unknown>['caller'], appointment: Appointment) => boolean,
  act: (
    r: Repositories,
    appointment: Appointment,
    request: ApiRequest<TBody, { appointmentId: string }, unknown>,
  ) => Promise<Appointment>,
  body?: typeof schemas.rescheduleBody,
) {
  return httpRoute<TBody, { appointmentId: string }, Record<string, never>>({
    route,
    auth: ['patient', 'doctor', 'clinic_admin', 'service'],
    params: schemas.appointmentParams,
    ...(body ? { body: body as never } : {}),
    idempotent: true,
    handle: async (request) => {
      const result = await inTransaction(async (r) => {
        const appointment = await visibleAppointment(r, request);
        if (!may(request.caller, appointment)) throw problems.forbidden();
        return viewOf(r, await act(r, appointment, request), request.language);
      });
      return { status: 200, body: result };
    },
  });
}

const confirm = appointmentAction(
  'POST /v1/appointments/{appointmentId}/confirm',
  canManageAsPatient,
  (r, a, q) => {
    const minutes = paymentMinutes();
    return confirmHold(r, a, {
      now: Date.now(),
      correlationId: q.correlationId,
      video: video(),
      payers: sponsorPayers(),
      ...(minutes ? { paymentMinutes: minutes } : {}),
    });
  },
);
const cancel = appointmentAction(
  'POST /v1/appointments/{appointmentId}/cancel',
  canSeeAppointment,
  (r, a, q) =>
    cancelAppointment(r, a, {
      now: Date.now(),
      correlationId: q.correlationId,
      by: q.caller.role as Canceller,
      payers: sponsorPayers(),
    }),
);
const reschedule = appointmentAction<{ start: string }>(
  'POST /v1/appointments/{appointmentId}/reschedule',
  canManageAsPatient,
  (r, a, q) =>
    rescheduleAppointment(r, a, Date.parse(q.body.start), {
      now: Date.now(),
      correlationId: q.correlationId,
      payers: sponsorPayers(),
    }),
  schemas.rescheduleBody,
);
const complete = appointmentAction('POST /v1/appointments/{appointmentId}/complete', canClose, (r, a, q) =>
  closeAppointment(r, a, 'completed', {
    now: Date.now(),
    correlationId: q.correlationId,
    payers: sponsorPayers(),
  }),
);
const noShow = appointmentAction('POST /v1/appointments/{appointmentId}/no-show', canClose, (r, a, q) =>
  closeAppointment(r, a, 'no_show', {
    now: Date.now(),
    correlationId: q.correlationId,
    payers: sponsorPayers(),
  }),
);

const recordInPersonVisit = httpRoute({
  route: 'POST /v1/in-person-visits',
  auth: ['clinic_admin'],
  body: schemas.inPersonVisitBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    // A visit dated ahead would make every later consultation a follow-up before anyone was seen.
    if (body.visitedOn > latestVisitDay(Date.now())) throw rules.visitInFuture();
    const id = await inTransaction(async (r) => {
      // Another clinic's registered patient is not this clinic's to write to.
      await checkPatientInReach(r, caller, body.patientId);
      return r.inPersonVisits.record({
        clinicId,
        patientId: body.patientId,
        visitedOn: body.visitedOn,
        recordedBy: caller.subject,
      });
    });
    return { status: 201, body: { id, clinicId, ...body } };
  },
});

export const bookingApi = operations({
  registerDoctor,
  getDoctor,
  setDoctorSchedule: setSchedule,
  searchSlots,
  holdSlot: holdAppointment,
  getAppointment,
  listAppointments,
  confirmAppointment: confirm,
  cancelAppointment: cancel,
  rescheduleAppointment: reschedule,
  completeAppointment: complete,
  markNoShow: noShow,
  recordInPersonVisit,
  addDutyShift,
  listDutyShifts,
  holdUrgentVisit,
  openCheckout: checkout,
  receivePaymentNotice: paymentWebhook,
});
