import { checkDependencies, type HealthReport } from './check-dependencies';
import { httpRoute } from './http';
import { invocationLogger } from './invocation';
import { getServices } from './services';

/** However often anyone calls, each instance asks its dependencies at most this often. */
const reuseMs = 10_000;
let last: { at: number; report: Promise<HealthReport> } | undefined;

/**
 * GET /v1/health: public, so it says only whether each dependency answers (no error text, which
 * is logged instead) and reads nothing that grows: a point read of the database that finds no
 * row. Reports are reused for ten seconds, so callers cannot drive requests to the dependencies.
 */
export const healthApi = httpRoute({
  route: 'GET /v1/health',
  auth: 'public',
  handle: async () => {
    if (!last || Date.now() - last.at >= reuseMs) {
      const report = getServices().then(checkDependencies);
      last = { at: Date.now(), report };
      report.catch(() => (last = undefined));
    }
    const report = await last.report;
    if (report.status !== 'ok')
      invocationLogger().warn({ dependencies: report.dependencies }, 'dependency down');
    const dependencies = Object.fromEntries(
      Object.entries(report.dependencies).map(([name, { status, ms }]) => [name, { status, ms }]),
    );
    return { status: report.status === 'ok' ? 200 : 503, body: { status: report.status, dependencies } };
  },
});
