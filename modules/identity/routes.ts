import { httpRoute } from '../../platform/http';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import { medicalRegister } from './register';
import {
  assuranceOf,
  lookUpDoctor,
  partyOf,
  recordTokenVerification,
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

export const identityApi = operations({ getMyIdentity });
