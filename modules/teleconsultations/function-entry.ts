import type { FunctionContext, HttpEvent, TimerEvent } from '../../platform/yandex';
import { monthlyReportsTimer } from './monthly-timer';
import { teleconsultationsRoutes } from './routes';

/** One function, two triggers: the API, and the monthly timer writing each centre's report. */
export const teleconsultationsApi = Object.assign(
  (event: HttpEvent | TimerEvent, context: FunctionContext) =>
    'messages' in event ? monthlyReportsTimer(event, context) : teleconsultationsRoutes(event, context),
  { operationIds: teleconsultationsRoutes.operationIds },
);
