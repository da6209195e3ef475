import type { ApiRequest, ApiResult } from '../../platform/http';
import { inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { requireConsents, requiredFor } from '../consents';
import { checkFollowUpParticipants, recordCallerVerification } from '../identity';
import { checkPatientInReach } from '../patients';
import { patientBooked } from './access';
import { viewOf } from './appointment-view';
import type { HoldContext } from './appointments';
import type { Appointment } from './domain/appointment';
import type { Payer } from './payers';
import { bookingSettings } from './settings';
import { sponsorPayers } from './sponsor-payers';

/** What every hold request says about the patient: who (for a service), their zone, who pays. */
export interface HoldRequestBody {
  patientId?: string | undefined;
  timeZone: string;
  payer?: Payer | undefined;
  /** Present on slot holds: a follow-up is held only for identified participants. */
  kind?: 'informational' | 'follow_up' | undefined;
}

export interface HoldFor {
  patientId: string;
  patientTimeZone: string;
  payer?: Payer | undefined;
}

/**
 * The shared shape of the hold routes (a slot, or a doctor on duty): the patient the caller may
 * book for, one transaction, and `201` with the held appointment.
 */
export async function answerHold<TBody extends HoldRequestBody>(
  request: ApiRequest<TBody, unknown, unknown>,
  hold: (repos: Repositories, patient: HoldFor, context: HoldContext) => Promise<Appointment>,
): Promise<ApiResult> {
  const { body, caller, correlationId, language } = request;
  const patient = {
    patientId: patientBooked(caller, body.patientId),
    patientTimeZone: body.timeZone,
    payer: body.payer,
  };
  const context = {
    now: Date.now(),
    holdMinutes: bookingSettings().HOLD_MINUTES,
    correlationId,
    payers: sponsorPayers(),
  };
  // A patient's first token with verified claims counts from this request on, whatever it answers
  await recordCallerVerification(caller, context.now);
  const result = await inTransaction(async (r) => {
    await checkPatientInReach(r, caller, patient.patientId);
    // A visit is a medical intervention by telemedicine: no hold without the consents it needs.
    await requireConsents(r, patient.patientId, requiredFor.booking);
    const held = await hold(r, patient, context);
    // After the slot's own checks; a refusal rolls the hold back with the rest of the transaction
    if (body.kind === 'follow_up') await checkFollowUpParticipants(r, held);
    return viewOf(r, held, language);
  });
  return { status: 201, body: result, headers: { Location: `/v1/appointments/${result.id}` } };
}
