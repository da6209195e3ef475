import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { factsOfMonth, monthlyCsv, monthOf, reportKey } from './monthly-report';
import { teleconsultationsSettings } from './settings';

/**
 * Timer trigger (monthly, 04:00 UTC on the 1st: past midnight in every Russian zone): each centre's
 * last month, of its own calendar, as a CSV under its prefix in the attachments bucket, which only
 * the API's account writes. A re-run rewrites the same files.
 */
export const monthlyReportsTimer = withInvocation(
  'teleconsultations',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store, objects } = await getServices();
    const now = Date.now();
    const centres = await store.transaction((r) => r.teleconsultations.centres(), { readOnly: true });
    for (const centre of centres) {
      const start = monthOf(centre, undefined, now).minus({ months: 1 });
      const month = start.toFormat('yyyy-MM');
      const facts = await store.transaction((r) => factsOfMonth(r, centre, start), { readOnly: true });
      await objects.putObject(
        teleconsultationsSettings().ATTACHMENTS_BUCKET,
        reportKey(centre.id, month),
        monthlyCsv(centre, month, facts),
        'text/csv; charset=utf-8',
      );
    }
    invocationLogger().info({ centres: centres.length }, 'teleconsultation monthly reports stored');
    return { reports: centres.length };
  },
);
