import { RuleBroken } from '../../../platform/rule-broken';

/** Rehabilitation's refusals, each with its stable code (platform/http-middleware.ts maps them). */
export const rehabRules = {
  unknownTemplate: () =>
    new RuleBroken('REHAB_TEMPLATE_NOT_FOUND', 422, 'No programme template has that id.'),
  unknownExercise: (id: string) =>
    new RuleBroken('REHAB_EXERCISE_UNKNOWN', 422, `The exercise library has no exercise "${id}".`),
  noClinician: () =>
    new RuleBroken(
      'REHAB_CLINICIAN_REQUIRED',
      422,
      'A plan needs a responsible clinician: name a doctor of your clinic (doctorId).',
    ),
  clinicianNotInClinic: () =>
    new RuleBroken('REHAB_CLINICIAN_NOT_IN_CLINIC', 422, 'The responsible doctor is not one of your clinic.'),
  planActive: () =>
    new RuleBroken('REHAB_PLAN_ACTIVE', 409, 'The patient already has an active plan: change it instead.'),
  noPlan: () => new RuleBroken('REHAB_PLAN_NOT_FOUND', 404, 'The patient has no rehabilitation plan.'),
  planEnded: () => new RuleBroken('REHAB_PLAN_ENDED', 409, 'The plan has ended.'),
  notStarted: () => new RuleBroken('REHAB_PLAN_NOT_STARTED', 409, 'The plan starts on a later date.'),
  emptyChange: () =>
    new RuleBroken('REHAB_CHANGE_EMPTY', 422, 'A change must change something besides giving its reason.'),
  badDates: () => new RuleBroken('REHAB_DATES_INVALID', 422, 'The plan must end after it starts.'),
  sessionOpen: () =>
    new RuleBroken('REHAB_SESSION_IN_PROGRESS', 409, 'A session is under way: finish or stop it first.'),
  noSession: () => new RuleBroken('REHAB_NO_SESSION_IN_PROGRESS', 409, 'No session is under way.'),
  impossibleVitals: (why: string) => new RuleBroken('REHAB_VITALS_IMPOSSIBLE', 422, why),
  notInPlan: (id: string) =>
    new RuleBroken('REHAB_EXERCISE_NOT_IN_PLAN', 422, `"${id}" is not among today's exercises.`),
};
