import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { httpRoute } from '../../platform/http';
import { invocationLogger } from '../../platform/invocation';
import { operations } from '../../platform/operations';
import { Problem, problems } from '../../platform/problem';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { FunctionContext, HttpEvent, TimerEvent } from '../../platform/yandex';
import { sponsorRules } from './domain/errors';
import { employerReport, insurerRegister, lastMonth, monthStart, type Report } from './reports';
import { coverageSettings } from './settings';

/** A report link lives for a day: long enough to pass it to accounting, not to keep. */
const linkSeconds = 24 * 3600;
const csvType = 'text/csv; charset=utf-8';

const reportBody = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
    .optional(),
  contractId: z.uuid().optional(),
});
export type ReportRequestMatchesContract = AssertTrue<
  Equivalent<z.input<typeof reportBody>, components['schemas']['SponsorReportRequest']>
>;

async function store(report: Report): Promise<void> {
  const { objects } = await getServices();
  await objects.putObject(coverageSettings().SPONSOR_BUCKET, report.key, report.csv, csvType);
}

const createSponsorReport = httpRoute({
  route: 'POST /v1/sponsor-reports',
  auth: ['insurer', 'hr'],
  body: reportBody,
  handle: async ({ body, caller }) => {
    const { store: db, objects } = await getServices();
    const now = Date.now();
    const report = await db.transaction(
      async (r) => {
        if (caller.role === 'insurer') {
          if (!caller.insurerId) throw problems.forbidden('Your token names no insurer.');
          return insurerRegister(r, caller.insurerId, body.month ?? lastMonth(now));
        }
        if (!body.contractId)
          throw problems.validation([{ path: 'body.contractId', message: 'required for an employer' }]);
        const contract = await r.employers.contract(body.contractId);
        if (!contract || contract.employerId !== caller.employerId) {
          const refusal = sponsorRules.contractNotFound();
          throw new Problem(refusal.status, refusal.code, 'Not found', refusal.message);
        }
        return employerReport(r, contract, now);
      },
      { readOnly: true },
    );
    await store(report);
    const url = await objects.downloadUrl(coverageSettings().SPONSOR_BUCKET, report.key, linkSeconds, {
      fileName: report.key.slice(report.key.lastIndexOf('/') + 1),
      contentType: csvType,
    });
    return { status: 201, body: { key: report.key, url, expiresInSeconds: linkSeconds, rows: report.rows } };
  },
});

/**
 * Timer (monthly, 03:00 UTC on the 1st): last month's register for every insurer, and every
 * contract in force last month reported to date, each stored in the sponsor bucket.
 */
const monthly = withInvocation(
  'sponsor-reports',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store: db } = await getServices();
    const now = Date.now();
    const month = lastMonth(now);
    const reports: Report[] = [];
    const insurers = await db.transaction((r) => r.insurers.insurerIds(), { readOnly: true });
    for (const insurerId of insurers) {
      reports.push(await db.transaction((r) => insurerRegister(r, insurerId, month), { readOnly: true }));
    }
    const contracts = await db.transaction((r) => r.employers.allContracts(), { readOnly: true });
    const since = monthStart(month).toMillis();
    for (const contract of contracts.filter((c) => c.startsAt < now && c.endsAt > since)) {
      reports.push(await db.transaction((r) => employerReport(r, contract, now), { readOnly: true }));
    }
    for (const report of reports) await store(report);
    invocationLogger().info({ month, reports: reports.length }, 'sponsor reports stored');
    return { reports: reports.length };
  },
);

const http = operations({ createSponsorReport });

/** One function, two triggers: the API (on demand) and the monthly timer. */
export const sponsorReports = Object.assign(
  (event: HttpEvent | TimerEvent, context: FunctionContext) =>
    'messages' in event ? monthly(event, context) : http(event, context),
  { operationIds: http.operationIds },
);
