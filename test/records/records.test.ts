import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientRecordForExport } from '../../modules/records';
import { getServices } from '../../platform/services';
import { giveConsents } from '../support/consents';
import { eventually } from '../support/eventually';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

const fixture = (name: string) => readFileSync(resolve(projectRoot, 'test/fixtures/records', name));
const pdf = fixture('lab-result.pdf');
/** When the samples were taken: three days ago. */
const sampledAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
const png = fixture('pixel.png');

/**
 * A patient's record: documents uploaded through presigned links and scanned before anyone is
 * offered them, structured lab results flagged from their ranges, and what each reader may see.
 */
describe("a patient's documents and results", () => {
  let cloud: TestCloud;
  let patientId: string;
  const tokens = {} as Record<
    'patient' | 'doctor' | 'admin' | 'otherDoctor' | 'otherClinicsDoctor' | 'insurer' | 'hr',
    string
  >;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    tokens.admin = await cloud.token('clinic_admin', { tenant: 'clinic-rec', subject: 'admin-rec' });
    const registered = await cloud.request('POST', '/v1/patients', {
      token: tokens.admin,
      body: { fullName: 'Мария Записева', phone: '+79160008001' },
    });
    patientId = registered.body.id;
    await giveConsents(cloud, patientId);
    tokens.patient = await cloud.token('patient', { subject: patientId });
    tokens.doctor = await cloud.token('doctor', { tenant: 'clinic-rec', subject: 'doctor-rec' });
    tokens.otherDoctor = await cloud.token('doctor', { tenant: 'clinic-second', subject: 'doctor-second' });
    tokens.otherClinicsDoctor = await cloud.token('doctor', {
      tenant: 'clinic-second',
      subject: 'doctor-third',
    });
    tokens.insurer = await cloud.token('insurer', { tenant: 'insurer-rec', subject: 'insurer-rec-api' });
    tokens.hr = await cloud.token('hr', { tenant: 'employer-rec', subject: 'hr-rec' });
  });
  afterAll(() => cloud?.stop());

  const documents = `/v1/patients/${'{patient}'}/documents`;
  const path = (suffix = '') => `${documents.replace('{patient}', patientId)}${suffix}`;
  const as = (who: keyof typeof tokens, method: string, suffix: string, body?: unknown) =>
    cloud.request(method, path(suffix), { token: tokens[who], ...(body ? { body } : {}) });
  const observations = (who: keyof typeof tokens) =>
    cloud.request('GET', `/v1/patients/${patientId}/observations`, { token: tokens[who] });

  /** Declares a document and puts `file` through its link under `contentType`; returns its id. */
  async function upload(
    file: Buffer,
    declared: { contentType: string; bytes: number; kind?: string },
    putAs = declared.contentType,
  ): Promise<string> {
    const answer = await as('patient', 'POST', '', {
      kind: declared.kind ?? 'lab_result',
      title: 'Биохимия крови',
      contentType: declared.contentType,
      bytes: declared.bytes,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect([answer.body.status, answer.body.url]).toEqual(['pending', null]);
    const put = await fetch(answer.body.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': putAs },
      body: new Uint8Array(file),
    });
    expect(put.ok).toBe(true);
    return answer.body.id;
  }

  /** The document as the patient sees it once the scan has settled it. */
  const settled = (id: string) =>
    eventually(
      async () => (await as('patient', 'GET', `/${id}`)).body,
      (document) => document.status !== 'pending',
    );

  it('shows a scanned lab result PDF and its structured results to the patient, the clinic, and a shared doctor only', async () => {
    // Prepare: a PDF lab result, scanned, and two results read from it, one above its range
    const id = await upload(pdf, { contentType: 'application/pdf', bytes: pdf.length });
    const scanned = await settled(id);
    const recorded = await cloud.request('POST', `/v1/patients/${patientId}/observations`, {
      token: tokens.doctor,
      body: {
        documentId: id,
        items: [
          {
            code: '2345-7',
            display: 'Glucose [Moles/volume] in Serum or Plasma',
            value: 7.2,
            unit: 'mmol/L',
            referenceRange: { low: 3.9, high: 5.5 },
            effectiveAt: sampledAt,
          },
          {
            code: '718-7',
            display: 'Hemoglobin [Mass/volume] in Blood',
            value: 135,
            unit: 'g/L',
            referenceRange: { low: 120, high: 160 },
            effectiveAt: sampledAt,
          },
        ],
      },
    });

    // Act: another clinic's doctor before the patient shares, after, and after the patient takes it back
    const beforeSharing = [
      (await as('otherDoctor', 'GET', '')).status,
      (await as('otherDoctor', 'GET', `/${id}`)).status,
      (await observations('otherDoctor')).status,
    ];
    const shared = await as('patient', 'POST', `/${id}/shares`, {
      clinicId: 'clinic-second',
      doctorId: 'doctor-second',
    });
    const sharedList = await as('otherDoctor', 'GET', '');
    const sharedDocument = await as('otherDoctor', 'GET', `/${id}`);
    const sharedResults = await observations('otherDoctor');
    const sharedBundle = await cloud.request('GET', path(), {
      token: tokens.otherDoctor,
      headers: { Accept: 'application/fhir+json' },
    });
    const colleague = (await as('otherClinicsDoctor', 'GET', `/${id}`)).status;
    const sponsors = [
      (await as('insurer', 'GET', '')).status,
      (await as('hr', 'GET', `/${id}`)).status,
      (await observations('insurer')).status,
    ];
    const revoked = await as('patient', 'DELETE', `/${id}/shares/${encodeURIComponent(shared.body.shareId)}`);
    const afterRevoking = (await as('otherDoctor', 'GET', `/${id}`)).status;
    const clinicView = await as('doctor', 'GET', '');

    // Assess: available after the scan, the file downloadable as it was uploaded
    expect([scanned.status, scanned.rejection]).toEqual(['available', null]);
    expect(scanned.resource).toMatchObject({
      resourceType: 'DocumentReference',
      type: { coding: [{ system: 'http://loinc.org', code: '11502-2' }] },
      subject: { reference: `Patient/${patientId}` },
      content: [{ attachment: { contentType: 'application/pdf', size: pdf.length } }],
    });
    const downloaded = Buffer.from(await (await fetch(scanned.url)).arrayBuffer());
    expect(downloaded.equals(pdf)).toBe(true);
    // The flags come from the ranges: glucose above, haemoglobin within
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(
      recorded.body.items.map(
        (o: { code: { coding: { code: string }[] }; interpretation: { coding: { code: string }[] }[] }) => [
          o.code.coding[0]?.code,
          o.interpretation[0]?.coding[0]?.code,
        ],
      ),
    ).toEqual([
      ['2345-7', 'H'],
      ['718-7', 'N'],
    ]);
    // Another clinic's doctor: nothing before sharing, the document and its results after, nothing after revoking
    expect(beforeSharing).toEqual([404, 404, 404]);
    expect(shared.status).toBe(201);
    expect(sharedList.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect(sharedList.body.items[0].sharedWith).toBeUndefined();
    expect(sharedDocument.body.url).toEqual(expect.any(String));
    expect(sharedResults.body.items).toHaveLength(2);
    expect(sharedBundle.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    expect(sharedBundle.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(sharedBundle.body.entry[0].resource).toMatchObject({ resourceType: 'DocumentReference', id });
    expect(sharedResults.body.items[0]).toMatchObject({
      resourceType: 'Observation',
      derivedFrom: [{ reference: `DocumentReference/${id}` }],
    });
    expect(colleague).toBe(404);
    expect(sponsors).toEqual([403, 403, 403]);
    expect(revoked.status).toBe(204);
    expect(afterRevoking).toBe(404);
    expect(clinicView.body.items.map((d: { id: string }) => d.id)).toContain(id);
  });

  it("records each read of the record in the clinic's audit log with the patient as the resource", async () => {
    // Prepare: a document shared with another clinic's doctor, who reads it
    const id = await upload(pdf, { contentType: 'application/pdf', bytes: pdf.length });
    await settled(id);
    await as('patient', 'POST', `/${id}/shares`, { clinicId: 'clinic-second' });
    await as('otherDoctor', 'GET', `/${id}`);

    // Act
    const log = await cloud.request('GET', `/v1/audit-events?resourceId=${patientId}`, {
      token: tokens.admin,
    });

    // Assess
    expect(log.status).toBe(200);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        actor: 'doctor-second',
        actorRole: 'doctor',
        action: 'read',
        resourceType: 'patient_document',
        resourceId: patientId,
      }),
    );
  });

  it('rejects a PNG put through a link declared for a PDF, and never offers it, even when shared', async () => {
    // Prepare
    const id = await upload(png, { contentType: 'application/pdf', bytes: png.length });

    // Act
    const scanned = await settled(id);
    await as('patient', 'POST', `/${id}/shares`, { clinicId: 'clinic-second' });
    const asShared = await as('otherDoctor', 'GET', `/${id}`);

    // Assess
    expect([scanned.status, scanned.rejection, scanned.url]).toEqual([
      'rejected',
      'DOCUMENT_TYPE_MISMATCH',
      null,
    ]);
    expect(asShared.status).toBe(404);
  });

  it('rejects a file larger than its declaration', async () => {
    // Prepare: the link signs the type, not the size
    const id = await upload(pdf, { contentType: 'application/pdf', bytes: 100 });

    // Act
    const scanned = await settled(id);

    // Assess
    expect([scanned.status, scanned.rejection, scanned.url]).toEqual([
      'rejected',
      'DOCUMENT_TOO_LARGE',
      null,
    ]);
  });

  it('lists a teleconsultation conclusion in the record, pointing at the conclusion itself', async () => {
    // Prepare: the clinic's doctor asks centre-rec about the patient; its consultant concludes
    const coordinator = await cloud.token('clinic_admin', {
      tenant: 'centre-rec',
      subject: 'coordinator-rec',
    });
    const consultant = await cloud.token('doctor', { tenant: 'centre-rec', subject: 'consultant-rec' });
    await cloud.request('PUT', '/v1/teleconsultation-centres/centre-rec', {
      token: coordinator,
      body: {
        name: 'НМИЦ',
        timeZone: 'Europe/Moscow',
        profiles: ['cardiology'],
        consultants: [{ id: 'consultant-rec', profiles: ['cardiology'] }],
      },
    });
    const requested = await cloud.request('POST', '/v1/teleconsultations', {
      token: tokens.doctor,
      body: {
        centreId: 'centre-rec',
        patientId,
        form: 'planned',
        profile: 'cardiology',
        question: 'Тактика?',
        caseSummary: 'Сводка.',
        consent: { given: true, obtainedAt: new Date(Date.now() - 3_600_000).toISOString() },
      },
    });
    const requestId = requested.body.id;
    await cloud.request('POST', `/v1/teleconsultations/${requestId}/accept`, {
      token: coordinator,
      body: { consultantIds: ['consultant-rec'] },
    });
    const concluded = await cloud.request('POST', `/v1/teleconsultations/${requestId}/conclusion`, {
      token: consultant,
      body: {
        findings: 'Изучено.',
        answer: 'Верно.',
        recommendations: 'Наблюдение.',
        transferAdvised: false,
      },
    });

    // Act
    const record = await as('patient', 'GET', '');
    const asClinic = await as('doctor', 'GET', `/${requestId}`);
    const asOtherClinic = await as('otherDoctor', 'GET', `/${requestId}`);

    // Assess
    expect(concluded.status, JSON.stringify(concluded.body)).toBe(201);
    const conclusion = record.body.items.find((d: { id: string }) => d.id === requestId);
    expect(conclusion).toMatchObject({
      kind: 'conclusion',
      source: 'teleconsultation',
      status: 'available',
      resource: {
        resourceType: 'DocumentReference',
        type: { coding: [{ code: '11488-4' }] },
        context: { related: [{ reference: `/v1/teleconsultations/${requestId}/conclusion` }] },
      },
    });
    expect(asClinic.status).toBe(200);
    expect(asOtherClinic.status).toBe(404);
  });

  it('gives the data export each document with its file key, each result, and nothing of another patient', async () => {
    // Prepare: a scanned PDF and a result of this patient, and a document of another patient
    const id = await upload(pdf, { contentType: 'application/pdf', bytes: pdf.length });
    await settled(id);
    await cloud.request('POST', `/v1/patients/${patientId}/observations`, {
      token: tokens.patient,
      body: {
        documentId: id,
        items: [{ code: '4548-4', display: 'HbA1c', value: 6.1, unit: '%', effectiveAt: sampledAt }],
      },
    });
    const other = await cloud.request('POST', '/v1/patients', {
      token: tokens.admin,
      body: { fullName: 'Иван Другой', phone: '+79160008002' },
    });
    const otherToken = await cloud.token('patient', { subject: other.body.id });
    await cloud.request('POST', `/v1/patients/${other.body.id}/documents`, {
      token: otherToken,
      body: { kind: 'image', title: 'Снимок', contentType: 'image/png', bytes: 100 },
    });
    const { store } = await getServices();

    // Act
    const exported = await store.transaction((r) => patientRecordForExport(r, patientId), { readOnly: true });

    // Assess
    const mine = exported.documents.find((d) => d.resource.id === id);
    expect(mine?.file).toEqual({
      bucket: 'telemed-attachments',
      key: `records/${patientId}/${id}`,
      contentType: 'application/pdf',
      bytes: pdf.length,
    });
    expect(exported.documents.every((d) => d.resource.subject.reference === `Patient/${patientId}`)).toBe(
      true,
    );
    expect(exported.documents.filter((d) => d.status === 'rejected').every((d) => d.file === null)).toBe(
      true,
    );
    expect(exported.observations.map((o) => o.code.coding[0]?.code)).toContain('4548-4');
    expect(JSON.stringify(exported)).not.toContain(other.body.id);
  });

  it.each([
    [
      'an oversized declaration',
      { contentType: 'application/pdf', bytes: 60 * 1024 * 1024 },
      'DOCUMENT_TOO_LARGE',
    ],
    ['a type outside the allow-list', { contentType: 'text/html', bytes: 1000 }, 'DOCUMENT_TYPE_NOT_ALLOWED'],
  ])('refuses %s with its own code and stores nothing', async (_, declared, code) => {
    // Prepare
    const before = (await as('patient', 'GET', '')).body.items.length;

    // Act
    const answer = await as('patient', 'POST', '', { kind: 'image', title: 'Снимок', ...declared });

    // Assess
    expect([answer.status, answer.body.code]).toEqual([422, code]);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await as('patient', 'GET', '')).body.items).toHaveLength(before);
  });

  it('refuses a result under a mistyped LOINC code, of a sample from the future, with its range upside down, or attached to a document that is no lab result', async () => {
    // Prepare
    const summary = await as('patient', 'POST', '', {
      kind: 'discharge_summary',
      title: 'Выписка',
      contentType: 'application/pdf',
      bytes: 1000,
    });
    const item = { display: 'Glucose', value: 5, unit: 'mmol/L', effectiveAt: sampledAt };
    const post = (body: unknown) =>
      cloud.request('POST', `/v1/patients/${patientId}/observations`, { token: tokens.patient, body });

    // Act
    const mistyped = await post({ items: [{ ...item, code: '2345-8' }] });
    const fromTheFuture = await post({
      items: [{ ...item, code: '2345-7', effectiveAt: new Date(Date.now() + 86_400_000).toISOString() }],
    });
    const onSummary = await post({ documentId: summary.body.id, items: [{ ...item, code: '2345-7' }] });
    const inverted = await post({
      items: [{ ...item, code: '2345-7', referenceRange: { low: 6.1, high: 3.9 } }],
    });
    const recorded = await observations('patient');

    // Assess
    expect([mistyped.status, mistyped.body.code]).toEqual([422, 'OBSERVATION_CODE_INVALID']);
    expect([fromTheFuture.status, fromTheFuture.body.code]).toEqual([422, 'OBSERVATION_IN_FUTURE']);
    expect([onSummary.status, onSummary.body.code]).toEqual([422, 'DOCUMENT_NOT_LAB_RESULT']);
    expect([inverted.status, inverted.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(inverted.body.errors)).toContain('referenceRange');
    expect(
      recorded.body.items.map((o: { code: { coding: { code: string }[] } }) => o.code.coding[0]?.code),
    ).not.toContain('2345-8');
  });
});
