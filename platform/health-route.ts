import { checkDependencies } from './check-dependencies';
import { httpRoute } from './http';
import { getServices } from './services';

/** GET /v1/health: public; reports each dependency's state without exposing data. */
export const healthApi = httpRoute({
  route: 'GET /v1/health',
  auth: 'public',
  handle: async () => {
    const report = await checkDependencies(await getServices());
    return { status: report.status === 'ok' ? 200 : 503, body: report };
  },
});
