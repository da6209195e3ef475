import * as z from 'zod';
import { createEvent } from '../../events/envelope';
import { httpRoute } from '../../platform/http';
import { problems } from '../../platform/problem';
import { RuleBroken } from '../../platform/rule-broken';
import { getServices } from '../../platform/services';
import { UniqueConflict } from '../../storage/errors';
import { patientRegisteredV1 } from './events/patient-registered.v1';
import { registerSelfBody } from './schemas';

const alreadyRegistered = () =>
  problems.conflict(
    'PATIENT_EXISTS',
    'You are registered already, or the clinic has a patient with this phone number.',
  );

/**
 * An app patient registers themself with a clinic they choose: their record is keyed by their own
 * token's subject (the id every patient route compares with), so nobody registers someone else.
 * From then on that clinic's staff reach them, and the welcome SMS goes to the phone given.
 */
export const registerSelf = httpRoute({
  route: 'POST /v1/me/registration',
  healthData: true,
  auth: ['patient'],
  body: registerSelfBody,
  idempotent: true,
  handle: async ({ body, caller, correlationId }) => {
    const id = caller.subject;
    // Patient records and their events are keyed by UUIDs; an identity provider's other ids are not.
    if (!z.uuid().safeParse(id).success)
      throw new RuleBroken(
        'SUBJECT_NOT_REGISTRABLE',
        422,
        'Your token’s subject is not a UUID; a record cannot be keyed by it.',
      );
    const { store } = await getServices();
    try {
      const patient = await store.transaction(async (r) => {
        if (await r.patients.clinicOf(id)) throw alreadyRegistered();
        const created = await r.patients.create({
          id,
          clinicId: body.clinicId,
          fullName: body.fullName,
          phone: body.phone,
          birthDate: body.birthDate ?? null,
          medicalNotes: null,
        });
        await r.audit.record({
          tenantId: body.clinicId,
          action: 'create',
          resourceType: 'patient',
          resourceId: id,
        });
        const event = createEvent(
          patientRegisteredV1,
          { patientId: id, clinicId: body.clinicId },
          { correlationId, tenant: body.clinicId },
        );
        await r.outbox.add(patientRegisteredV1.queue, event);
        return created;
      });
      return { status: 201, body: patient, headers: { Location: `/v1/patients/${id}` } };
    } catch (error) {
      throw error instanceof UniqueConflict ? alreadyRegistered() : error;
    }
  },
});
