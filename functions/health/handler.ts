import { httpRoute } from '../../platform/http';
import { getServices } from '../../platform/services';
import { checkDependencies } from './check-dependencies';

/** GET /v1/health: public; reports each dependency's state without exposing data. */
export const handler = httpRoute({
  route: 'GET /v1/health',
  auth: 'public',
  handle: async () => {
    const report = await checkDependencies(await getServices());
    return { status: report.status === 'ok' ? 200 : 503, body: report };
  },
});
