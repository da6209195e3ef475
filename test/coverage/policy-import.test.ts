import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { type BrokenRow, fileWithBrokenRows, reasonOf } from '../support/csv-files';
import { finishedUpload, uploadThroughLink } from '../support/import-uploads';
import { inDays, moscow, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** A date as Excel in a Russian locale writes it. */
const russian = (date: string) => DateTime.fromISO(date, { zone: moscow }).toFormat('dd.MM.yyyy');
const numberOf = (i: number) => `ТМ-2026/${String(i).padStart(6, '0')}`;
const row = (i: number, cells: Partial<Record<'number' | 'birth' | 'starts' | 'ends', string>> = {}) =>
  [
    cells.number ?? numberOf(i),
    cells.birth ?? '1980-01-01',
    cells.starts ?? (i % 2 ? russian(today()) : today()),
    cells.ends ?? inDays(300),
    'Москва',
  ].join(';');

/** A broken row of each kind, and the reason the result file gives for it. */
const broken: BrokenRow[] = [
  [(i) => row(i, { number: `ТМ#${i}` }), /^number: letters, digits/],
  [(i) => row(i, { birth: '' }), /^holder_birth_date: required$/],
  [(i) => row(i, { starts: '31.02.2026' }), /^starts_on: a date, YYYY-MM-DD or DD.MM.YYYY$/],
  [(i) => row(i, { ends: inDays(400) }), /^ends_on: a term lasts at most a year$/],
  [(i) => row(i, { starts: inDays(10), ends: inDays(5) }), /^ends_on: the term must end after it starts$/],
  [(i) => `${row(i)};лишнее`, /^6 fields, the header has 5$/],
  [() => row(0), /^the same number as line 2$/],
];

/** 2,000 policies, every 100th row broken: 20 broken rows at known lines. */
const policyFile = () =>
  fileWithBrokenRows({
    header: 'number;holder_birth_date;starts_on;ends_on;филиал',
    rows: 2_000,
    every: 100,
    good: row,
    broken,
  });

describe('policy files uploaded to Object Storage by insurers', () => {
  let cloud: TestCloud;
  let insurer: string;

  const newProduct = async (token = insurer) => {
    const product = await cloud.request('POST', '/v1/insurance-products', {
      token,
      body: { name: 'Телемедицина Базовый', consultationsPerYear: 5, specialties: ['therapist'] },
    });
    return product.body.id as string;
  };
  const upload = (productId: string, body: Uint8Array | string) =>
    uploadThroughLink(cloud, insurer, `/v1/insurance-products/${productId}/policy-uploads`, body);
  const outcome = (productId: string, uploadId: string) =>
    finishedUpload(cloud, insurer, `/v1/insurance-products/${productId}/policy-uploads/${uploadId}`);
  /** The result file's rows: line, number, reason. */
  const resultRows = async (url: string) =>
    (parse(await (await fetch(url)).text(), { bom: true, delimiter: ';' }) as string[][]).slice(1);
  /** Every policy of a product with its allowances: what an upload may have changed. */
  const snapshot = async (productId: string) => {
    const { store } = await getServices();
    return store.database.transaction(async (t) => {
      const policies = await t.find('insurance_policies', { where: { product_id: productId } });
      const accounts = await t.find('entitlement_accounts', {});
      const ids = new Set(policies.map((p) => p.id));
      return { policies, accounts: accounts.filter((a) => ids.has(a.owner_id)) };
    });
  };

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
  });
  afterAll(() => cloud.stop());

  it('applies 2,000 policies from a Windows-1251 file, lists exactly the broken rows, and a second upload of the file changes nothing', async () => {
    // Prepare
    const productId = await newProduct();
    const { csv, brokenLines } = policyFile();
    const file = new Uint8Array(iconv.encode(csv, 'win1251'));
    // Act
    const first = await outcome(productId, await upload(productId, file));
    const afterFirst = await snapshot(productId);
    const second = await outcome(productId, await upload(productId, file));
    // Assess
    expect(first).toMatchObject({
      status: 'done',
      totalRows: 2_000,
      created: 1_980,
      unchanged: 0,
      rejected: 20,
    });
    const rejected = await resultRows(first.resultUrl);
    expect(rejected.map(([line]) => Number(line))).toEqual(brokenLines);
    rejected.forEach(([, , reason], n) => {
      expect(reason).toMatch(reasonOf(broken, n));
    });
    expect(afterFirst.policies).toHaveLength(1_980);
    expect(afterFirst.accounts).toHaveLength(1_980);
    const policy = afterFirst.policies.find((p) => p.number === numberOf(1));
    expect(policy).toMatchObject({ holder_birth_date: '1980-01-01', status: 'active' });
    expect(second).toMatchObject({ status: 'done', created: 0, unchanged: 1_980, rejected: 20 });
    expect(await snapshot(productId)).toEqual(afterFirst);
  });

  it('renews and cancels the policies a file names, refuses what the single-policy calls would, and does it once', async () => {
    // Prepare: three policies of the product, one of another product
    const productId = await newProduct();
    const otherProductId = await newProduct();
    const issued: Record<string, string> = {};
    for (const [number, product] of [
      ['П-1', productId],
      ['П-2', productId],
      ['П-3', productId],
      ['П-4', otherProductId],
    ] as const) {
      const policy = await cloud.request('POST', '/v1/policies', {
        token: insurer,
        body: {
          productId: product,
          number,
          holderBirthDate: '1990-05-05',
          startsOn: today(),
          endsOn: inDays(300),
        },
      });
      issued[number] = policy.body.id;
    }
    const csv = [
      'number,action,ends_on',
      `П-1,renew,${russian(inDays(600))}`,
      'П-2,Cancel,',
      `П-3,renew,${inDays(100)}`,
      'П-9,cancel,',
      'П-4,cancel,',
    ].join('\n');
    // Act
    const first = await outcome(productId, await upload(productId, csv));
    const second = await outcome(productId, await upload(productId, csv));
    // Assess
    expect(first).toMatchObject({ status: 'done', totalRows: 5, renewed: 1, cancelled: 1, rejected: 3 });
    expect(await resultRows(first.resultUrl)).toEqual([
      ['4', 'П-3', 'A renewal must end after the current period.'],
      ['5', 'П-9', 'Policy was not found.'],
      ['6', 'П-4', 'The policy is of another product.'],
    ]);
    const renewed = await cloud.request('GET', `/v1/policies/${issued['П-1']}`, { token: insurer });
    expect(renewed.body.periods.map((p: { endsOn: string }) => p.endsOn)).toEqual([inDays(300), inDays(600)]);
    const cancelled = await cloud.request('GET', `/v1/policies/${issued['П-2']}`, { token: insurer });
    expect(cancelled.body.status).toBe('cancelled');
    const untouched = await cloud.request('GET', `/v1/policies/${issued['П-4']}`, { token: insurer });
    expect(untouched.body.status).toBe('active');
    expect(second).toMatchObject({ status: 'done', renewed: 0, cancelled: 0, unchanged: 2, rejected: 3 });
  });

  it("refuses an upload to another insurer's product, and shows one insurer's upload to no other", async () => {
    // Prepare
    const rival = await cloud.token('insurer', { tenant: 'insurer-2', subject: 'rival-api' });
    const productId = await newProduct();
    const uploadId = await upload(productId, 'number;action\nП-1;cancel\n');
    // Act
    const refused = await cloud.request('POST', `/v1/insurance-products/${productId}/policy-uploads`, {
      token: rival,
    });
    const hidden = await cloud.request(
      'GET',
      `/v1/insurance-products/${productId}/policy-uploads/${uploadId}`,
      {
        token: rival,
      },
    );
    // Assess
    for (const response of [refused, hidden]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('PRODUCT_NOT_FOUND');
    }
  });

  it('gives the same upload link again for a retried request with the same Idempotency-Key', async () => {
    // Prepare
    const productId = await newProduct();
    const request = () =>
      cloud.request('POST', `/v1/insurance-products/${productId}/policy-uploads`, {
        token: insurer,
        headers: { 'Idempotency-Key': 'policy-upload-1' },
      });
    // Act
    const first = await request();
    const retried = await request();
    // Assess
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body.uploadId).toBe(first.body.uploadId);
  });

  it('fails a file without a number column as a whole, changing nothing', async () => {
    // Prepare
    const productId = await newProduct();
    // Act
    const failed = await outcome(productId, await upload(productId, 'полис;дата\nП-1;1980-01-01\n'));
    // Assess
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'the header has no number column',
      created: 0,
      resultUrl: null,
    });
    expect((await snapshot(productId)).policies).toEqual([]);
  });
});
