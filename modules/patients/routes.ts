import { createEvent } from '../../events/envelope';
import { httpRoute } from '../../platform/http';
import { tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { UniqueConflict } from '../../storage/errors';
import { patientRegisteredV1 } from './events/patient-registered.v1';
import { canReadPatient } from './patient-access';
import { patientParams, registerPatientBody } from './schemas';
import { registerSelf } from './self-registration';

const registerPatient = httpRoute({
  route: 'POST /v1/patients',
  healthData: true,
  auth: ['clinic_admin'],
  body: registerPatientBody,
  idempotent: true,
  handle: async ({ body, caller, correlationId }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const { store } = await getServices();
    const id = crypto.randomUUID();
    try {
      const patient = await store.transaction(async (r) => {
        const created = await r.patients.create({
          id,
          clinicId,
          fullName: body.fullName,
          phone: body.phone,
          birthDate: body.birthDate ?? null,
          medicalNotes: body.medicalNotes ?? null,
        });
        await r.audit.record({
          tenantId: clinicId,
          action: 'create',
          resourceType: 'patient',
          resourceId: id,
        });
        const event = createEvent(
          patientRegisteredV1,
          { patientId: id, clinicId },
          { correlationId, tenant: clinicId },
        );
        await r.outbox.add(patientRegisteredV1.queue, event);
        return created;
      });
      return { status: 201, body: patient, headers: { Location: `/v1/patients/${id}` } };
    } catch (error) {
      if (error instanceof UniqueConflict) {
        throw problems.conflict(
          'PATIENT_EXISTS',
          'This clinic already has a patient with this phone number.',
        );
      }
      throw error;
    }
  },
});

const getPatient = httpRoute({
  route: 'GET /v1/patients/{patientId}',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin', 'service'],
  params: patientParams,
  handle: async ({ params, caller }) => {
    const { store } = await getServices();
    const patient = await store.transaction(async (r) => {
      const found = await r.patients.get(params.patientId);
      // Someone else's record looks the same as a missing one: no existence leak.
      if (!found || !canReadPatient(caller, found)) return undefined;
      await r.audit.record({
        tenantId: found.clinicId,
        action: 'read',
        resourceType: 'patient',
        resourceId: found.id,
      });
      return found;
    });
    if (!patient) throw problems.notFound('Patient');
    return { status: 200, body: patient };
  },
});

export const patientsApi = operations({ registerPatient, getPatient, registerSelf });
