import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperations } from '../../local/openapi-routes';
import { consentingPatient } from '../support/consents';
import {
  bodySchemaOf,
  operationOf,
  resolveRef,
  type Schema,
  sampleOf,
  specPath,
} from '../support/contract-samples';
import { completeVisit, inDays, registerDoctor, slotStarts, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** Health data planted for one patient; none of it may reach an insurer or an employer. */
const planted = {
  name: 'Сентинел Пациентов',
  phone: '+79160000001',
  notes: 'SENTINEL-NOTES аллергия на пенициллин',
  complaint: 'SENTINEL-COMPLAINT давит в груди',
  message: 'SENTINEL-MESSAGE тревога не проходит',
};
/** Keys that would carry a patient's identity or health data, at any depth of a response. */
const forbiddenKeys = new Set([
  'fullName',
  'doctorName',
  'patientId',
  'medicalNotes',
  'complaint',
  'diagnosis',
  'answers',
  'phq9',
  'gad7',
  'score',
  'rating',
  'messages',
  'body',
  'readings',
  'value',
  'systolic',
  'diastolic',
  'glucose',
  'spo2',
  'heartRate',
  'temperature',
]);

describe('the privacy wall: insurers and employers reach no patient-level health data', () => {
  let cloud: TestCloud;
  const ids: Record<string, string> = {};
  let corporateContractId: string;
  let policyUploadId: string;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
    const hr = await cloud.token('hr', { tenant: 'employer-1', subject: 'hr-1' });
    const call = (token: string, method: string, path: string, body?: unknown) =>
      cloud.request(method, path, { token, ...(body ? { body } : {}) });

    const registered = await call(admin, 'POST', '/v1/patients', {
      fullName: planted.name,
      phone: planted.phone,
      medicalNotes: planted.notes,
    });
    ids.patientId = registered.body.id;
    const patient = await consentingPatient(cloud, ids.patientId as string);
    const triage = await call(patient, 'POST', '/v1/triage', { age: 40, complaint: planted.complaint });
    const intake = await call(patient, 'POST', '/v1/triage/intake', { phq9: [1, 2, 1, 0, 1, 2, 1, 0, 0] });
    expect([registered.status, triage.status, intake.status]).toEqual([201, 200, 200]);

    const doctor = await registerDoctor(cloud, admin, 'psychologist');
    ids.doctorId = doctor.doctorId;
    const consultation = await call(admin, 'POST', '/v1/consultations', {
      doctorId: doctor.doctorId,
      patientId: ids.patientId,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    ids.consultationId = consultation.body.id;
    const message = await call(patient, 'POST', `/v1/consultations/${consultation.body.id}/messages`, {
      body: planted.message,
    });
    expect(message.status).toBe(201);

    const product = await call(insurer, 'POST', '/v1/insurance-products', {
      name: 'Психолог онлайн',
      consultationsPerYear: 5,
      specialties: ['psychologist'],
    });
    ids.productId = product.body.id;
    const policy = await call(insurer, 'POST', '/v1/policies', {
      productId: product.body.id,
      number: 'ТМ-СТЕНА-1',
      holderBirthDate: '1980-01-01',
      startsOn: today(),
      endsOn: inDays(300),
    });
    ids.policyId = policy.body.id;
    const policyUpload = await call(
      insurer,
      'POST',
      `/v1/insurance-products/${product.body.id}/policy-uploads`,
    );
    policyUploadId = policyUpload.body.uploadId;
    await call(patient, 'POST', '/v1/coverage', {
      policy: { insurerId: 'insurer-1', number: 'ТМ-СТЕНА-1', birthDate: '1980-01-01' },
    });
    const contract = await call(hr, 'POST', '/v1/corporate-contracts', {
      companyName: 'ООО «Стена»',
      startsOn: today(),
      endsOn: inDays(300),
      companySessions: 10,
    });
    corporateContractId = contract.body.id;
    const enrolled = await call(hr, 'POST', `/v1/corporate-contracts/${contract.body.id}/employees`, {
      employees: [{ employeeRef: 'T-STENA-1' }],
    });
    await call(patient, 'POST', '/v1/coverage', { activationCode: enrolled.body.items[0].activationCode });
    const upload = await call(hr, 'POST', `/v1/corporate-contracts/${contract.body.id}/enrolment-uploads`);
    ids.uploadId = upload.body.uploadId;

    const [byPolicy, byEmployer] = slotStarts(3, 2) as [string, string];
    for (const [start, payer] of [
      [byPolicy, { type: 'policy', policyId: ids.policyId }],
      [byEmployer, { type: 'corporate', contractId: corporateContractId }],
    ] as const) {
      const held = await call(patient, 'POST', '/v1/holds', { ...doctor, start, payer });
      await call(patient, 'POST', `/v1/appointments/${held.body.id}/confirm`);
      await completeVisit(held.body.id);
      ids.appointmentId = held.body.id;
    }
  });
  afterAll(() => cloud.stop());

  it('walks every route of the contract with insurer and hr tokens and finds nothing about the patient', async () => {
    const reached: string[] = [];
    for (const [role, tenant] of [
      ['insurer', 'insurer-1'],
      ['hr', 'employer-1'],
    ] as const) {
      const token = await cloud.token(role, { tenant, subject: `${role}-walker` });
      for (const operation of loadOperations(specPath)) {
        // Prepare: real ids for the path, valid query and body
        const contractId = operation.path.startsWith('/v1/consultations')
          ? ids.consultationId
          : corporateContractId;
        const values: Record<string, string> = { ...ids, contractId: contractId as string };
        if (operation.path.includes('/policy-uploads/')) values.uploadId = policyUploadId;
        const path = operation.path.replace(
          /\{(\w+)\}/g,
          (_, name: string) => values[name] ?? crypto.randomUUID(),
        );
        const op = operationOf(operation.path, operation.method);
        const query = new URLSearchParams();
        for (const p of (op.parameters ?? []) as Schema[]) {
          const parameter = resolveRef(p);
          if (parameter.in === 'query' && parameter.required)
            query.set(
              String(parameter.name),
              String(sampleOf(parameter.schema as Schema, String(parameter.name), values)),
            );
        }
        const bodySchema = bodySchemaOf(op);
        // Act
        const response = await cloud.request(operation.method, `${path}${query.size ? `?${query}` : ''}`, {
          token,
          ...(bodySchema ? { body: sampleOf(bodySchema, 'body', values) } : {}),
        });
        // Assess: the response, and any file it links to
        const label = `${role} ${operation.method} ${operation.path} → ${response.status}`;
        const texts = [JSON.stringify(response.body ?? null)];
        const links = JSON.stringify(response.body ?? null).match(/https?:\/\/[^"]+/g) ?? [];
        for (const url of links.filter((link) => link.startsWith(cloud.servers.endpoint))) {
          texts.push(await (await fetch(url)).text());
        }
        for (const text of texts) {
          for (const secret of [...Object.values(planted), ids.patientId as string]) {
            expect(text, label).not.toContain(secret);
          }
        }
        const keys = JSON.stringify(response.body ?? null).match(/"(\w+)":/g) ?? [];
        expect(
          keys.filter((k) => forbiddenKeys.has(k.slice(1, -2))),
          label,
        ).toEqual([]);
        if (response.status < 300) reached.push(`${role} ${operation.operationId}`);
      }
    }
    // The walk reached the sponsors' own routes, so the checks above saw real sponsor data
    expect(reached).toEqual(
      expect.arrayContaining([
        'insurer getPolicy',
        'insurer getPolicyUsage',
        'insurer getPolicyUpload',
        'insurer createSponsorReport',
        'hr getCorporateUsage',
        'hr getEnrolmentUpload',
        'hr createSponsorReport',
      ]),
    );
    expect(reached.filter((r) => /Patient|Appointment|Consultation|Triage|Reading|Audit/.test(r))).toEqual(
      [],
    );
  });
});
