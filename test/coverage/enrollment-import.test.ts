import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { type BrokenRow, fileWithBrokenRows, reasonOf } from '../support/csv-files';
import { finishedUpload, uploadThroughLink } from '../support/import-uploads';
import { inDays, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** A broken row of each kind, and the reason the result file gives for it. */
const broken: BrokenRow[] = [
  [() => ';extra', /employee_ref is empty/],
  [(i) => `E-${i};surplus;cell`, /3 fields, the header has 2/],
  [(i) => `E ${i}!;x`, /only letters, digits/],
  [() => `${'X'.repeat(70)};x`, /longer than 64/],
  [() => 'E-1;again', /the same employee_ref as line 3/],
];

/** 10,000 data rows, every 200th of them broken: 50 broken rows at known lines. */
const bigFile = () =>
  fileWithBrokenRows({
    header: 'employee_ref;department',
    rows: 10_000,
    every: 200,
    good: (i) => `E-${i};Отдел ${i % 7}`,
    broken,
  });

describe('enrolment files uploaded to Object Storage', () => {
  let cloud: TestCloud;
  let hr: string;
  let contractId: string;

  const upload = (body: Uint8Array | string) =>
    uploadThroughLink(cloud, hr, `/v1/corporate-contracts/${contractId}/enrolment-uploads`, body);
  const outcome = (uploadId: string) =>
    finishedUpload(cloud, hr, `/v1/corporate-contracts/${contractId}/enrolment-uploads/${uploadId}`);
  const rows = async (url: string) => (await (await fetch(url)).text()).trim().split('\r\n').slice(1);
  const enrolled = async () => {
    const { store } = await getServices();
    return (await store.transaction((r) => r.employers.enrolments(contractId))).length;
  };

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    hr = await cloud.token('hr', { tenant: 'employer-1', subject: 'hr-1' });
    const contract = await cloud.request('POST', '/v1/corporate-contracts', {
      token: hr,
      body: { companyName: 'АО «Север»', startsOn: today(), endsOn: inDays(300), sessionsPerEmployee: 4 },
    });
    contractId = contract.body.id;
  });
  afterAll(() => cloud.stop());

  it('imports 10,000 rows in one go, lists exactly the 50 broken ones, and a second upload of the file adds nothing', async () => {
    // Prepare
    const { csv, brokenLines } = bigFile();
    // Act
    const first = await outcome(await upload(csv));
    const afterFirst = await enrolled();
    const second = await outcome(await upload(csv));
    // Assess
    expect(first).toMatchObject({
      status: 'done',
      totalRows: 10_000,
      enrolled: 9_950,
      alreadyEnrolled: 0,
      rejected: 50,
    });
    const rejected = await rows(first.resultUrl);
    expect(rejected.map((line) => Number(line.split(';')[0]))).toEqual(brokenLines);
    rejected.forEach((line, n) => {
      expect(line).toMatch(reasonOf(broken, n));
    });
    const codes = await rows(first.codesUrl);
    expect(codes).toHaveLength(9_950);
    expect(new Set(codes.map((line) => line.split(';')[1])).size).toBe(9_950);
    expect(afterFirst).toBe(9_950);
    expect(second).toMatchObject({ status: 'done', enrolled: 0, alreadyEnrolled: 9_950, rejected: 50 });
    expect(await rows(second.codesUrl)).toEqual([]);
    expect(await enrolled()).toBe(9_950);
  });

  it('reads Windows-1251 files separated by commas, and refuses a file without an employee_ref column', async () => {
    // Prepare
    const cp1251 = iconv.encode(
      'Табельный номер,Подразделение\r\nИванов-7,Бухгалтерия\r\nПетрова-8,Склад\r\n',
      'win1251',
    );
    // Act
    const read = await outcome(await upload(new Uint8Array(cp1251)));
    const refused = await outcome(await upload('name;email\nИван;ivan@example.ru\n'));
    // Assess
    expect(read).toMatchObject({ status: 'done', enrolled: 2, rejected: 0 });
    expect((await rows(read.codesUrl)).map((line) => line.split(';')[0])).toEqual(['Иванов-7', 'Петрова-8']);
    expect(refused).toMatchObject({
      status: 'failed',
      error: 'the header has no employee_ref column',
      enrolled: 0,
    });
  });
});
