import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getServices } from '../../platform/services';
import { giveConsents } from '../support/consents';
import { eventually } from '../support/eventually';
import { minutesAgo, readingsSteps } from '../support/readings';
import { registerDoctor } from '../support/sponsors';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

/** An operation the contract marks with `x-health-data`: each successful call leaves one audit row. */
interface HealthOperation {
  operationId: string;
  method: string;
  /** `METHOD /path/{template}`, as the audit row names it. */
  route: string;
  action: string;
}

/** Read from the contract, not listed here: a newly marked operation without a scenario fails below. */
function healthOperations(): HealthOperation[] {
  const doc = parse(readFileSync(resolve(projectRoot, 'contracts/openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; 'x-health-data'?: string }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => typeof op === 'object' && op !== null && op['x-health-data'] !== undefined)
      .map(([method, op]) => ({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        route: `${method.toUpperCase()} ${path}`,
        action: String(op['x-health-data']),
      })),
  );
}

/** The call a scenario prepared: who makes it, on which concrete path, with what. */
interface Call {
  token: string;
  /** The token's subject: the actor the audit row must name. */
  actor: string;
  path: string;
  body?: unknown;
}

const operations = healthOperations();

describe('audit of health-data operations: each call leaves its row, read back from the log', () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;
  let admin: string;
  let doctorId: string;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    steps = readingsSteps(cloud);
    admin = await steps.admin();
    ({ doctorId } = await registerDoctor(cloud, admin, 'therapist'));
  });
  afterAll(() => cloud.stop());

  const auditRows = async (where: Record<string, unknown>) => {
    const { store } = await getServices();
    return store.database.transaction((t) => t.find('audit_log', { where }));
  };

  /** A doctor of clinic-1, as the readings tests name them. */
  const doctor = async () => ({ token: await steps.doctor(), actor: 'doctor-clinic-1' });

  /** A patient of clinic-1 with a device bound and, optionally, readings sent from it. */
  const patientWithDevice = async (items: unknown[] = []) => {
    const patient = await steps.patient('1970-01-01');
    const deviceId = `audit-${crypto.randomUUID().slice(0, 8)}`;
    await steps.bind(deviceId, patient.id);
    if (items.length) {
      const sent = await cloud.request('POST', '/v1/readings', {
        token: patient.token,
        body: { deviceId, items },
      });
      expect(sent.body.accepted).toBe(items.length);
    }
    return { ...patient, deviceId };
  };

  /** A patient's running consultation with the clinic's doctor. */
  const consultation = async () => {
    const patientId = (await steps.patient()).id;
    await giveConsents(cloud, patientId);
    const opened = await cloud.request('POST', '/v1/consultations', {
      token: admin,
      body: {
        doctorId,
        patientId,
        startsAt: minutesAgo(60),
        endsAt: minutesAgo(-7 * 24 * 60),
      },
    });
    expect(opened.status).toBe(201);
    return {
      path: `/v1/consultations/${opened.body.id}`,
      patient: { token: await cloud.token('patient', { subject: patientId }), actor: patientId },
    };
  };

  /** A triage decision of a patient of clinic-1. */
  const triageDecision = async () => {
    const patient = await cloud.token('patient', { tenant: 'clinic-1', subject: crypto.randomUUID() });
    const triaged = await cloud.request('POST', '/v1/triage', {
      token: patient,
      body: { age: 34, complaint: 'Кашель и насморк три дня, температура 37.4' },
    });
    expect(triaged.status).toBe(200);
    return triaged.body.triageId as string;
  };

  /** A patient of clinic-1 with a lab result declared in their record (its file not yet put). */
  const recordDocument = async () => {
    const patient = await steps.patient();
    const declared = await cloud.request('POST', `/v1/patients/${patient.id}/documents`, {
      token: patient.token,
      body: { kind: 'lab_result', title: 'Анализ крови', contentType: 'application/pdf', bytes: 1000 },
    });
    expect(declared.status).toBe(201);
    return {
      patient: { token: patient.token, actor: patient.id },
      path: `/v1/patients/${patient.id}/documents`,
      documentId: declared.body.id as string,
    };
  };

  /** Clinic-1's doctor asks centre-audit about a patient of clinic-1; the case taken as far as `to`. */
  const teleconsultation = async (to: 'requested' | 'accepted' | 'paused' | 'concluded') => {
    const coordinator = await cloud.token('clinic_admin', {
      tenant: 'centre-audit',
      subject: 'coordinator-audit',
    });
    const consultant = await cloud.token('doctor', { tenant: 'centre-audit', subject: 'consultant-audit' });
    await cloud.request('PUT', '/v1/teleconsultation-centres/centre-audit', {
      token: coordinator,
      body: {
        name: 'НМИЦ',
        timeZone: 'Asia/Novosibirsk',
        profiles: ['oncology'],
        consultants: [{ id: 'consultant-audit', profiles: ['oncology'] }],
      },
    });
    const patientId = (await steps.patient()).id;
    await giveConsents(cloud, patientId, ['health_data']);
    const asked = await cloud.request('POST', '/v1/teleconsultations', {
      token: (await doctor()).token,
      body: {
        centreId: 'centre-audit',
        patientId,
        form: 'planned',
        profile: 'oncology',
        question: 'Тактика?',
        caseSummary: 'Сводка.',
        consent: { given: true, obtainedAt: minutesAgo(5) },
      },
    });
    expect(asked.status).toBe(201);
    const path = `/v1/teleconsultations/${asked.body.id}`;
    const act = (token: string, step: string, body: unknown) =>
      cloud.request('POST', `${path}/${step}`, { token, body });
    if (to !== 'requested') await act(coordinator, 'accept', { consultantIds: ['consultant-audit'] });
    if (to === 'paused') await act(consultant, 'info-requests', { question: 'Гистология?' });
    if (to === 'concluded')
      await act(consultant, 'conclusion', {
        findings: 'Ф',
        answer: 'О',
        recommendations: 'Р',
        transferAdvised: false,
      });
    return {
      path,
      coordinator: { token: coordinator, actor: 'coordinator-audit' },
      consultant: { token: consultant, actor: 'consultant-audit' },
    };
  };
  const conclusionBody = { findings: 'Ф', answer: 'О', recommendations: 'Р', transferAdvised: false };

  /** Each health-data operation: prepares what it needs and returns the call of an actor allowed to make it. */
  const scenarios: Record<string, () => Promise<Call>> = {
    declarePatientDocument: async () => {
      const patient = await steps.patient();
      return {
        token: patient.token,
        actor: patient.id,
        path: `/v1/patients/${patient.id}/documents`,
        body: { kind: 'discharge_summary', title: 'Выписка', contentType: 'application/pdf', bytes: 2000 },
      };
    },
    listPatientDocuments: async () => ({ ...(await doctor()), path: (await recordDocument()).path }),
    getPatientDocument: async () => {
      const { path, documentId } = await recordDocument();
      return { ...(await doctor()), path: `${path}/${documentId}` };
    },
    sharePatientDocument: async () => {
      const { patient, path, documentId } = await recordDocument();
      return { ...patient, path: `${path}/${documentId}/shares`, body: { clinicId: 'clinic-2' } };
    },
    revokePatientDocumentShare: async () => {
      const { patient, path, documentId } = await recordDocument();
      const shared = await cloud.request('POST', `${path}/${documentId}/shares`, {
        token: patient.token,
        body: { clinicId: 'clinic-2' },
      });
      return { ...patient, path: `${path}/${documentId}/shares/${encodeURIComponent(shared.body.shareId)}` };
    },
    recordLabObservations: async () => {
      const patient = await steps.patient();
      return {
        ...(await doctor()),
        path: `/v1/patients/${patient.id}/observations`,
        body: {
          items: [
            { code: '2345-7', display: 'Glucose', value: 5.1, unit: 'mmol/L', effectiveAt: minutesAgo(60) },
          ],
        },
      };
    },
    listLabObservations: async () => {
      const patient = await steps.patient();
      return { ...(await doctor()), path: `/v1/patients/${patient.id}/observations` };
    },
    requestDataExport: async () => {
      const patient = await steps.patient();
      return { token: patient.token, actor: patient.id, path: `/v1/patients/${patient.id}/exports` };
    },
    getDataExport: async () => {
      const patient = await steps.patient();
      const asked = await cloud.request('POST', `/v1/patients/${patient.id}/exports`, {
        token: patient.token,
      });
      return {
        token: patient.token,
        actor: patient.id,
        path: `/v1/patients/${patient.id}/exports/${asked.body.id}`,
      };
    },
    registerPatient: async () => ({
      token: admin,
      actor: 'admin-1',
      path: '/v1/patients',
      body: { fullName: 'Ольга Аудитова', phone: `+7916${String(Date.now()).slice(-7)}` },
    }),
    registerSelf: async () => {
      const subject = crypto.randomUUID();
      return {
        token: await cloud.token('patient', { subject }),
        actor: subject,
        path: '/v1/me/registration',
        body: { clinicId: 'clinic-1', fullName: 'Игорь Сам', phone: `+7915${String(Date.now()).slice(-7)}` },
      };
    },
    getPatient: async () => {
      const patient = await steps.patient();
      return { ...(await doctor()), path: `/v1/patients/${patient.id}` };
    },
    assessSymptoms: async () => {
      const subject = crypto.randomUUID();
      return {
        token: await cloud.token('patient', { tenant: 'clinic-1', subject }),
        actor: subject,
        path: '/v1/triage',
        body: { age: 45, complaint: 'Головная боль второй день' },
      };
    },
    scorePsychologyIntake: async () => {
      const subject = crypto.randomUUID();
      return {
        token: await cloud.token('patient', { tenant: 'clinic-1', subject }),
        actor: subject,
        path: '/v1/triage/intake',
        body: { phq9: [1, 1, 0, 0, 0, 0, 0, 0, 0], gad7: [1, 0, 0, 0, 0, 0, 0] },
      };
    },
    reviewTriageDecision: async () => {
      const triageId = await triageDecision();
      return {
        ...(await doctor()),
        path: `/v1/triage/${triageId}/review`,
        body: { finalDisposition: 'consultation', finalSpecialty: 'therapist' },
      };
    },
    getConsultation: async () => {
      // The consultation's own doctor reads the thread.
      const { path } = await consultation();
      return {
        token: await cloud.token('doctor', { tenant: 'clinic-1', subject: doctorId }),
        actor: doctorId,
        path,
      };
    },
    postConsultationMessage: async () => {
      const { path, patient } = await consultation();
      return { ...patient, path: `${path}/messages`, body: { body: 'Давление 150/95 утром' } };
    },
    uploadConsultationAttachment: async () => {
      const { path, patient } = await consultation();
      return {
        ...patient,
        path: `${path}/attachments`,
        body: { name: 'ecg.pdf', contentType: 'application/pdf' },
      };
    },
    ingestReadings: async () => {
      const patient = await patientWithDevice();
      return {
        token: patient.token,
        actor: patient.id,
        path: '/v1/readings',
        body: {
          deviceId: patient.deviceId,
          items: [{ type: 'blood_pressure', measuredAt: minutesAgo(10), systolic: 124, diastolic: 78 }],
        },
      };
    },
    createReadingUpload: async () => {
      const patient = await patientWithDevice();
      return {
        token: patient.token,
        actor: patient.id,
        path: '/v1/readings/uploads',
        body: { deviceId: patient.deviceId, kind: 'csv', contentType: 'text/csv' },
      };
    },
    listPatientReadings: async () => {
      const patient = await patientWithDevice([
        { type: 'blood_pressure', measuredAt: minutesAgo(20), systolic: 122, diastolic: 76 },
      ]);
      const query = new URLSearchParams({
        type: 'blood_pressure',
        from: minutesAgo(60),
        to: minutesAgo(0),
      });
      return { ...(await doctor()), path: `/v1/patients/${patient.id}/readings?${query}` };
    },
    setReadingTargets: async () => {
      const patient = await steps.patient();
      return {
        ...(await doctor()),
        path: `/v1/patients/${patient.id}/reading-targets`,
        body: { systolic: { high: 130 } },
      };
    },
    listReadingAlerts: async () => {
      const patient = await steps.patient();
      return { ...(await doctor()), path: `/v1/patients/${patient.id}/reading-alerts` };
    },
    acknowledgeAlert: async () => {
      // A critical temperature raises an alert at once, once the relay has published the batch.
      const patient = await patientWithDevice([
        { type: 'temperature', measuredAt: minutesAgo(3), value: 105.8, unit: '[degF]' },
      ]);
      await cloud.fireTimer('outbox-relay');
      const { store } = await getServices();
      const [alert] = await eventually(
        () =>
          store.database.transaction((t) => t.find('reading_alerts', { where: { patient_id: patient.id } })),
        (rows) => rows.length > 0,
      );
      expect(alert).toBeDefined();
      return { ...(await doctor()), path: `/v1/alerts/${alert?.id}/ack` };
    },
    requestTeleconsultation: async () => {
      await teleconsultation('requested');
      const patientId = (await steps.patient()).id;
      await giveConsents(cloud, patientId, ['health_data']);
      return {
        ...(await doctor()),
        path: '/v1/teleconsultations',
        body: {
          centreId: 'centre-audit',
          patientId,
          form: 'urgent',
          profile: 'oncology',
          question: 'Тактика?',
          caseSummary: 'Сводка.',
          consent: { given: true, obtainedAt: minutesAgo(5) },
        },
      };
    },
    getTeleconsultation: async () => ({
      ...(await doctor()),
      path: (await teleconsultation('requested')).path,
    }),
    acceptTeleconsultation: async () => {
      const { path, coordinator } = await teleconsultation('requested');
      return { ...coordinator, path: `${path}/accept`, body: { consultantIds: ['consultant-audit'] } };
    },
    declineTeleconsultation: async () => {
      const { path, coordinator } = await teleconsultation('requested');
      return { ...coordinator, path: `${path}/decline`, body: { reason: 'Не наш профиль' } };
    },
    requestTeleconsultationInfo: async () => {
      const { path, consultant } = await teleconsultation('accepted');
      return { ...consultant, path: `${path}/info-requests`, body: { question: 'Гистология?' } };
    },
    provideTeleconsultationInfo: async () => {
      const { path } = await teleconsultation('paused');
      return { ...(await doctor()), path: `${path}/info`, body: { answer: 'Аденокарцинома.' } };
    },
    concludeTeleconsultation: async () => {
      const { path, consultant } = await teleconsultation('accepted');
      return { ...consultant, path: `${path}/conclusion`, body: conclusionBody };
    },
    getTeleconsultationConclusion: async () => {
      const { path } = await teleconsultation('concluded');
      return { ...(await doctor()), path: `${path}/conclusion` };
    },
    signTeleconsultationConclusion: async () => {
      const { path, consultant } = await teleconsultation('concluded');
      return { ...consultant, path: `${path}/conclusion/signatures` };
    },
    addTeleconsultationDocument: async () => {
      const { path } = await teleconsultation('accepted');
      return {
        ...(await doctor()),
        path: `${path}/documents`,
        body: { name: 'выписка.pdf', contentType: 'application/pdf', bytes: 64 },
      };
    },
    listTeleconsultationDocuments: async () => {
      const { path, consultant } = await teleconsultation('accepted');
      return { ...consultant, path: `${path}/documents` };
    },
    completeTeleconsultationDocumentUpload: async () => {
      // A two-part study, both parts uploaded: the call joins them.
      const { path } = await teleconsultation('accepted');
      const requester = await doctor();
      const declared = await cloud.request('POST', `${path}/documents`, {
        token: requester.token,
        body: { name: 'КТ.dcm', contentType: 'application/dicom', bytes: 9 * 1024 * 1024 },
      });
      const { uploadId, partBytes, parts } = declared.body.multipart;
      const uploaded = await Promise.all(
        parts.map(async ({ partNumber, url }: { partNumber: number; url: string }) => {
          const size = partNumber === 1 ? partBytes : 1024 * 1024;
          const put = await fetch(url, { method: 'PUT', body: Buffer.alloc(size, 1) });
          return { partNumber, etag: put.headers.get('etag') as string };
        }),
      );
      return {
        ...requester,
        path: `${path}/documents/${declared.body.id}/completion`,
        body: { uploadId, parts: uploaded },
      };
    },
    scheduleTeleconsultationVideoSession: async () => {
      const { path, consultant } = await teleconsultation('accepted');
      return {
        ...consultant,
        path: `${path}/video-session`,
        body: { start: minutesAgo(-24 * 60), minutes: 30 },
      };
    },
  };

  /** The contract's path template as a pattern: `/v1/patients/{patientId}` matches any one segment. */
  const templateOf = (route: string) =>
    new RegExp(`^${route.split(' ')[1]?.replaceAll(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);

  it('finds the health-data operations in the contract, each with a scenario and a known action', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(Object.keys(scenarios).sort()).toEqual(operations.map((op) => op.operationId).sort());
    for (const op of operations) expect(['read', 'create', 'update', 'delete']).toContain(op.action);
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    'leaves one audit row naming the caller, the route and the contract’s action when %s succeeds',
    async (operationId, op) => {
      // Prepare
      const scenario = scenarios[operationId];
      expect(scenario, `every x-health-data operation has a scenario: ${operationId} has none`).toBeDefined();
      const call = await (scenario as () => Promise<Call>)();
      expect(call.path).toMatch(templateOf(op.route));
      const before = new Set((await auditRows({ route: op.route, actor: call.actor })).map((row) => row.id));
      // Act
      const response = await cloud.request(op.method, call.path, { token: call.token, body: call.body });
      const added = (await auditRows({ route: op.route, actor: call.actor })).filter(
        (row) => !before.has(row.id),
      );
      // Assess
      expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        route: op.route,
        actor: call.actor,
        action: op.action,
        request_id: response.headers.get('x-request-id'),
      });
    },
  );

  it('leaves no audit row when a doctor of another clinic is refused a patient record', async () => {
    // Prepare
    const patient = await steps.patient();
    const stranger = await steps.doctor('clinic-2');
    // Act
    const read = await cloud.request('GET', `/v1/patients/${patient.id}`, { token: stranger });
    // Assess
    expect(read.status).toBe(404);
    expect(await auditRows({ route: 'GET /v1/patients/{patientId}', actor: 'doctor-clinic-2' })).toEqual([]);
    expect((await auditRows({ resource_id: patient.id })).map((row) => `${row.actor}:${row.action}`)).toEqual(
      ['admin-1:create'],
    );
  });
});
