import { overdueAnswersTimer } from '../../modules/consultations';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): patients' messages unanswered past their deadline are reported. */
export const handler = entryPoint(overdueAnswersTimer);
