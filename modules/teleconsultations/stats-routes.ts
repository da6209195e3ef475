import { DateTime } from 'luxon';
import { httpRoute } from '../../platform/http';
import { inTransaction } from '../../platform/services';
import { summarize } from './domain/stats';
import { ownCentre } from './route-helpers';
import * as schemas from './schemas';

/**
 * The network's view of a centre for one month of its own calendar (this month by default): per
 * profile, form and requesting clinic, how many came, were accepted, declined and concluded, how
 * long conclusions took and how many came in time. Counts and durations only: no patient data.
 */
export const centreStats = httpRoute({
  route: 'GET /v1/teleconsultation-centres/{centreId}/stats',
  auth: ['clinic_admin'],
  params: schemas.centreParams,
  query: schemas.statsQuery,
  handle: async ({ caller, params, query }) => {
    const { centre, facts, month } = await inTransaction(async (r) => {
      const centre = await ownCentre(r, caller, params.centreId);
      const start = query.month
        ? DateTime.fromISO(`${query.month}-01`, { zone: centre.timeZone })
        : DateTime.now().setZone(centre.timeZone).startOf('month');
      const end = start.plus({ months: 1 });
      const facts = await r.teleconsultations.factsOf(centre.id, start.toMillis(), end.toMillis());
      return { centre, facts, month: start.toFormat('yyyy-MM') };
    });
    return {
      status: 200,
      body: { centreId: centre.id, month, timeZone: centre.timeZone, groups: summarize(facts) },
    };
  },
});
