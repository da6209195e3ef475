import { httpRoute } from '../../platform/http';
import { tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import { doctorDirectory } from './doctor-directory';
import { identityRules } from './domain/assurance';
import { medicalRegister } from './register';
import { doctorParams, registerCheckBody } from './schemas';
import {
  assuranceOf,
  lookUpDoctor,
  partyOf,
  recordTokenVerification,
  registerCheckFrom,
  tokenVerificationOf,
} from './use-cases';
import { assuranceView } from './views';

/**
 * The caller's own identity level. A token carrying trusted verification claims records them
 * here (once); a doctor's verified SNILS is looked up in the federal register first, outside
 * the transaction, until the register holds them.
 */
const getMyIdentity = httpRoute({
  route: 'GET /v1/me/identity',
  auth: ['patient', 'doctor'],
  handle: async ({ caller }) => {
    const party = partyOf(caller);
    if (!party) throw problems.forbidden();
    const now = Date.now();
    const token = tokenVerificationOf(caller, now);
    const registerCheck =
      party.kind === 'doctor' && token?.snils
        ? await lookUpDoctor(
            medicalRegister(),
            await inTransaction((r) => r.assurances.registerCheckOf(party.id)),
            token,
            now,
          )
        : undefined;
    const assurance = await inTransaction(async (r) => {
      await recordTokenVerification(r, caller, token, now);
      if (registerCheck) await r.assurances.saveRegisterCheck(party.id, registerCheck);
      return assuranceOf(r, party.kind, party.id);
    });
    return { status: 200, body: assuranceView(assurance) };
  },
});

/**
 * A clinic admin has one of the clinic's doctors looked up in the federal register by the SNILS
 * the clinic's records hold, for doctors who do not sign in through ESIA. The SNILS is not kept.
 */
const checkDoctorInRegister = httpRoute({
  route: 'POST /v1/doctors/{doctorId}/register-checks',
  auth: ['clinic_admin'],
  params: doctorParams,
  body: registerCheckBody,
  handle: async ({ params, body, caller }) => {
    const clinicId = await inTransaction((r) => doctorDirectory().clinicOf(r, params.doctorId));
    if (!clinicId || clinicId !== tenantOf(caller)) throw problems.notFound('Doctor');
    const register = medicalRegister();
    const check = registerCheckFrom(register, await register.lookUp(body.snils), Date.now());
    if (!check) throw identityRules.registerUnavailable();
    const assurance = await inTransaction(async (r) => {
      await r.assurances.saveRegisterCheck(params.doctorId, check);
      return assuranceOf(r, 'doctor', params.doctorId);
    });
    return { status: 200, body: assuranceView(assurance) };
  },
});

export const identityApi = operations({ getMyIdentity, checkDoctorInRegister });
