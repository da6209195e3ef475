import { httpRoute } from '../../platform/http';
import { inTransaction } from '../../platform/services';
import { summarize, summarizeByRegion } from './domain/stats';
import { factsOfMonth, monthOf } from './monthly-report';
import { ownCentre } from './route-helpers';
import * as schemas from './schemas';

/**
 * The network's view of a centre for one month of its own calendar (this month by default): per
 * profile, form and requesting clinic, and per requesting region, how many came, were accepted,
 * declined and concluded, how long conclusions took and how many came in time. Counts and
 * durations only: no patient data.
 */
export const centreStats = httpRoute({
  route: 'GET /v1/teleconsultation-centres/{centreId}/stats',
  auth: ['clinic_admin'],
  params: schemas.centreParams,
  query: schemas.statsQuery,
  handle: async ({ caller, params, query }) => {
    const { centre, facts, month } = await inTransaction(async (r) => {
      const centre = await ownCentre(r, caller, params.centreId);
      const start = monthOf(centre, query.month, Date.now());
      return { centre, facts: await factsOfMonth(r, centre, start), month: start.toFormat('yyyy-MM') };
    });
    return {
      status: 200,
      body: {
        centreId: centre.id,
        month,
        timeZone: centre.timeZone,
        groups: summarize(facts),
        regions: summarizeByRegion(facts),
      },
    };
  },
});
