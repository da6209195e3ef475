import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperations, type Operation } from '../../local/openapi-routes';
import { giveConsents } from '../support/consents';
import { bodySchemaOf, operationOf, sampleOf, sampleQuery, specPath } from '../support/contract-samples';
import { eventually } from '../support/eventually';
import { minutesAgo } from '../support/readings';
import { inDays, registerDoctor, slotStarts } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { type Actor, actors, type Expected, expected, type Row, routeTable } from './route-table';

/**
 * Walks every operation of the contract with every kind of actor and holds each answer against
 * the route × actor table (route-table.ts).
 *
 * One cloud and one world for the whole file: clinics A and B (an admin, a doctor, two patients
 * each), an appointment, a consultation, a triage decision, a bound device with a reading alert and
 * its escalation, an insurer-1 product with a policy and a policy upload, and an employer-1
 * contract with an enrolment upload. Path parameters and body ids always name clinic A's objects
 * (or insurer-1's and employer-1's).
 *
 * Mutating routes: within an operation the actors expected to be denied call first, then the
 * allowed ones, the owner last, so a refusal is never hidden by an earlier success. Authorization is
 * checked before state (an appointment already cancelled answers 409 to whoever may act on it and 404
 * to whoever may not), so a 409 or 422 after another allowed actor acted still counts as "allowed".
 * Re-seeded cheaply where one object cannot serve: each appointment operation gets its own
 * appointment of patient A1 in the state it needs (held to confirm, booked otherwise), and each
 * patient linking coverage links a policy freshly issued for that call.
 *
 * Beyond the status, no actor outside patient A1's circle may get an answer naming A1's id (a list
 * "of one's own" is allowed to everyone, and must list only one's own).
 */

const operations = loadOperations(specPath);
/** Around the clock, every day, as test/support/sponsors.ts registers doctors. */
const everyDaySchedule = {
  weekly: Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
  ),
  minNoticeMinutes: 0,
  horizonDays: 30,
  cancellationNoticeMinutes: 60,
};
/** Consulting centre-n, as its coordinator describes it: one profile, one consultant. */
const teleconsultationCentre = {
  name: 'НМИЦ',
  timeZone: 'Asia/Vladivostok',
  profiles: ['oncology'],
  consultants: [{ id: 'consultant-n', profiles: ['oncology'] }],
};
const clinicA = 'clinic-a';
const clinicB = 'clinic-b';

/** A cell's answer, as the table classifies answers. */
type Outcome = Expected | 'invalid' | 'error';

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: problem and batch bodies are read field by field
  body: any;
}

function outcomeOf(answer: Answer, batch: boolean): Outcome {
  const { status, body } = answer;
  if (status >= 500) return 'error';
  // The request never reached the rules: the walk's sample is wrong, not the route.
  if (status === 400) return 'invalid';
  if (status === 401 || status === 403 || status === 404) return 'deny';
  if (status >= 400 && /_NOT_FOUND$/.test(String(body?.code ?? ''))) return 'deny';
  // A batch that took none of its items refused the caller item by item.
  if (batch && status < 300 && Number(body?.accepted) + Number(body?.duplicates) === 0) return 'deny';
  return 'allow';
}

function meets(expectation: Expected, actor: Actor, answer: Answer, batch: boolean): boolean {
  if (expectation === 'public') return answer.status !== 401 && answer.status !== 403 && answer.status < 500;
  if (expectation === 'deny' && actor === 'anonymous') return answer.status === 401;
  return outcomeOf(answer, batch) === expectation;
}

/** Actors outside patient A1's circle (A1, clinic A's doctor, admin and service): they never read A1's id. */
const outsiders: readonly Actor[] = [
  'samePatient',
  'otherPatient',
  'otherDoctor',
  'otherAdmin',
  'insurer',
  'otherInsurer',
  'hr',
  'otherHr',
  'otherService',
  'anonymous',
];

/** Actors of clinic B. */
const fromClinicB: readonly Actor[] = ['otherPatient', 'otherDoctor', 'otherAdmin', 'otherService'];
/**
 * Operations whose body names a doctor beside the patient they act on: a clinic B actor names its own
 * doctor there, so the walk asks whether clinic A's patient is checked, not only clinic A's doctor.
 */
const ownDoctorNamed = ['openConsultation', 'holdSlot'];

/** Denied actors first, then the allowed ones, the owner last: a mutation by the owner comes after every refusal. */
function walkOrder(row: Row): Actor[] {
  const rank = (actor: Actor) => (actor === 'owner' ? 2 : expected(row, actor) === 'allow' ? 1 : 0);
  return [...actors].sort((a, b) => rank(a) - rank(b));
}

describe('every route × every actor: tenant isolation and role rules hold across the contract', () => {
  let cloud: TestCloud;
  const tokens = {} as Record<Exclude<Actor, 'owner' | 'anonymous'>, string>;
  /** Ids of clinic A's (insurer-1's, employer-1's) objects, by the name the contract gives them. */
  const world: Record<string, string> = {};
  /** The tokens that play each owner. */
  const ownerToken = {} as Record<Exclude<Row['owner'], 'anyone'>, string>;
  /** Clinic B's doctor and service: what a clinic B actor names as its own beside clinic A's patient. */
  const doctorOfB = {} as { doctorId: string; serviceId: string };
  /** A separate appointment of patient A1 for each operation on one, in the state the operation needs. */
  const appointments: Record<string, string> = {};
  let issueFreshPolicy: () => Promise<{ insurerId: string; number: string; birthDate: string }>;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const answer = await cloud.request(method, path, { token, ...(body ? { body } : {}) });
      if (answer.status >= 300)
        throw new Error(`seed ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const staff = (role: 'doctor' | 'clinic_admin' | 'service', tenant: string, subject: string) =>
      cloud.token(role, { tenant, subject });

    // Two clinics, each with an admin, a doctor and two patients
    tokens.admin = await staff('clinic_admin', clinicA, 'admin-a');
    tokens.otherAdmin = await staff('clinic_admin', clinicB, 'admin-b');
    const doctorA = await registerDoctor(cloud, tokens.admin, 'therapist');
    const doctorB = await registerDoctor(cloud, tokens.otherAdmin, 'therapist');
    tokens.doctor = await staff('doctor', clinicA, doctorA.doctorId);
    tokens.otherDoctor = await staff('doctor', clinicB, doctorB.doctorId);
    const patient = async (admin: string, phone: string) =>
      (
        await call(admin, 'POST', '/v1/patients', {
          fullName: 'Ольга Тестова',
          phone,
          birthDate: '1980-01-01',
        })
      ).id as string;
    const [patientA1, patientA2, patientB1] = [
      await patient(tokens.admin, '+79160000101'),
      await patient(tokens.admin, '+79160000102'),
      await patient(tokens.otherAdmin, '+79160000201'),
    ] as [string, string, string];
    await patient(tokens.otherAdmin, '+79160000202');
    // Patient A1 consents to care (bookings, consultations and teleconsultations refuse without)
    await giveConsents(cloud, patientA1);
    const owner = await cloud.token('patient', { subject: patientA1 });
    tokens.samePatient = await cloud.token('patient', { subject: patientA2 });
    tokens.otherPatient = await cloud.token('patient', { subject: patientB1 });
    tokens.service = await staff('service', clinicA, 'chatbot-a');
    tokens.otherService = await staff('service', clinicB, 'chatbot-b');
    tokens.insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-1-api' });
    tokens.otherInsurer = await cloud.token('insurer', { tenant: 'insurer-2', subject: 'insurer-2-api' });
    tokens.hr = await cloud.token('hr', { tenant: 'employer-1', subject: 'hr-1' });
    tokens.otherHr = await cloud.token('hr', { tenant: 'employer-2', subject: 'hr-2' });
    Object.assign(ownerToken, {
      patient: owner,
      doctor: tokens.doctor,
      admin: tokens.admin,
      insurer: tokens.insurer,
      hr: tokens.hr,
      service: tokens.service,
    });
    Object.assign(world, { patientId: patientA1, ...doctorA });
    Object.assign(doctorOfB, doctorB);

    // Patient A1's appointments with doctor A, one for each kind of act on them, each on its own day
    // (so no cap on holds per patient and day refuses the world): held for confirming, booked for the rest
    const slot = (day: number) => slotStarts(day, 1, 6)[0] as string;
    const appointment = async (day: number, booked: boolean) => {
      const { id } = await call(owner, 'POST', '/v1/holds', { ...doctorA, start: slot(day) });
      if (booked) await call(owner, 'POST', `/v1/appointments/${id}/confirm`);
      return id as string;
    };
    appointments.getAppointment = appointments.rescheduleAppointment = await appointment(2, true);
    appointments.confirmAppointment = await appointment(3, false);
    appointments.cancelAppointment = await appointment(4, true);
    appointments.completeAppointment = await appointment(5, true);
    appointments.markNoShow = await appointment(6, true);
    [world.holdStart, world.rescheduleStart] = [slot(7), slot(8)];
    // Doctor A on duty now, so "a doctor now" has someone to offer
    await call(tokens.admin, 'POST', '/v1/duty-shifts', {
      doctorId: doctorA.doctorId,
      start: minutesAgo(5),
      end: minutesAgo(-180),
    });
    world.triageId = (
      await call(tokens.service, 'POST', '/v1/triage', { patientId: patientA1, age: 40, complaint: 'кашель' })
    ).triageId;

    // A rehabilitation plan of patient A1, made by doctor A (reads walk before the plan's writes)
    await call(tokens.doctor, 'POST', `/v1/patients/${patientA1}/rehabilitation/plan`, {
      templateId: 'knee_replacement_12w',
      startsOn: new Date().toISOString().slice(0, 10),
      intensity: { age: 60 },
    });

    // A consultation between patient A1 and doctor A
    world.consultationId = (
      await call(tokens.admin, 'POST', '/v1/consultations', {
        doctorId: doctorA.doctorId,
        patientId: patientA1,
        startsAt: minutesAgo(60),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      })
    ).id;

    // Patient A1's cuff, a critical reading, its alert and the escalation keyed by it
    world.deviceId = 'cuff-security-a1';
    await call(tokens.admin, 'POST', '/v1/devices', {
      deviceId: world.deviceId,
      patientId: patientA1,
      validFrom: '2000-01-01T00:00:00Z',
    });
    await call(owner, 'POST', '/v1/readings', {
      deviceId: world.deviceId,
      items: [{ type: 'blood_pressure', measuredAt: minutesAgo(3), systolic: 210, diastolic: 125 }],
    });
    world.readingUploadId = (
      await call(owner, 'POST', '/v1/readings/uploads', {
        deviceId: world.deviceId,
        kind: 'csv',
        contentType: 'text/csv',
      })
    ).id;
    const alerts = await eventually(
      async () => {
        await cloud.fireTimer('outbox-relay');
        return (await call(tokens.doctor, 'GET', `/v1/patients/${patientA1}/reading-alerts`)).items;
      },
      (items) => items.length > 0,
    );
    world.alertId = alerts[0]?.id;
    world.escalationId = world.alertId as string;
    const escalation = await eventually(
      async () => {
        await cloud.fireTimer('outbox-relay');
        return cloud.request('GET', `/v1/escalations/${world.escalationId}`, { token: tokens.doctor });
      },
      (answer) => answer.status === 200,
    );
    expect(escalation.status, 'the escalation of the alert was seeded').toBe(200);

    // Consulting centre-n (a coordinator and a consultant) and doctor A's request about patient A1, accepted
    world.centreId = 'centre-n';
    ownerToken.coordinator = await staff('clinic_admin', world.centreId, 'coordinator-n');
    ownerToken.consultant = await staff('doctor', world.centreId, 'consultant-n');
    await call(
      ownerToken.coordinator,
      'PUT',
      `/v1/teleconsultation-centres/${world.centreId}`,
      teleconsultationCentre,
    );
    world.requestId = (
      await call(tokens.doctor, 'POST', '/v1/teleconsultations', teleconsultationRequest())
    ).id;
    await call(ownerToken.coordinator, 'POST', `/v1/teleconsultations/${world.requestId}/accept`, {
      consultantIds: ['consultant-n'],
    });
    // A document declared on it, whose (made-up) multipart upload the walk tries to complete
    world.teleconsultationDocumentId = (
      await call(tokens.doctor, 'POST', `/v1/teleconsultations/${world.requestId}/documents`, {
        name: 'выписка.pdf',
        contentType: 'application/pdf',
        bytes: 100,
      })
    ).id;
    // A second one, concluded, whose conclusion is read (the walk reaches the read before the writing)
    world.concludedRequestId = (
      await call(tokens.doctor, 'POST', '/v1/teleconsultations', teleconsultationRequest())
    ).id;
    await call(ownerToken.coordinator, 'POST', `/v1/teleconsultations/${world.concludedRequestId}/accept`, {
      consultantIds: ['consultant-n'],
    });
    await call(
      ownerToken.consultant,
      'POST',
      `/v1/teleconsultations/${world.concludedRequestId}/conclusion`,
      {
        findings: 'Данные изучены.',
        answer: 'Тактика верна.',
        recommendations: 'Наблюдение.',
        transferAdvised: false,
      },
    );

    // A lab result in patient A1's record (pending: no file is put), shared with a third clinic only
    world.documentId = (
      await call(owner, 'POST', `/v1/patients/${patientA1}/documents`, {
        kind: 'lab_result',
        title: 'Глюкоза',
        contentType: 'application/pdf',
        bytes: 1000,
      })
    ).id;
    world.shareId = (
      await call(owner, 'POST', `/v1/patients/${patientA1}/documents/${world.documentId}/shares`, {
        clinicId: 'clinic-c',
      })
    ).shareId;

    // insurer-1: a product, a policy and a policy upload
    world.productId = (
      await call(tokens.insurer, 'POST', '/v1/insurance-products', {
        name: 'Терапевт онлайн',
        consultationsPerYear: 5,
        specialties: ['therapist'],
      })
    ).id;
    let policySeq = 0;
    issueFreshPolicy = async () => {
      const number = `ТМ-ЗАЩИТА-${++policySeq}`;
      await call(tokens.insurer, 'POST', '/v1/policies', {
        productId: world.productId,
        number,
        holderBirthDate: '1980-01-01',
        startsOn: inDays(0),
        endsOn: inDays(300),
      });
      return { insurerId: 'insurer-1', number, birthDate: '1980-01-01' };
    };
    const policy = await issueFreshPolicy();
    world.policyId = (
      await call(tokens.insurer, 'POST', '/v1/policies', {
        productId: world.productId,
        number: 'ТМ-ЗАЩИТА-ГЛАВНЫЙ',
        holderBirthDate: '1980-01-01',
        startsOn: inDays(0),
        endsOn: inDays(300),
      })
    ).id;
    await call(owner, 'POST', '/v1/coverage', { policy });
    world.policyUploadId = (
      await call(tokens.insurer, 'POST', `/v1/insurance-products/${world.productId}/policy-uploads`)
    ).uploadId;

    // employer-1: a contract and an enrolment upload
    world.corporateContractId = (
      await call(tokens.hr, 'POST', '/v1/corporate-contracts', {
        companyName: 'ООО «Защита»',
        startsOn: inDays(0),
        endsOn: inDays(300),
        companySessions: 10,
      })
    ).id;
    world.enrolmentUploadId = (
      await call(tokens.hr, 'POST', `/v1/corporate-contracts/${world.corporateContractId}/enrolment-uploads`)
    ).uploadId;

    // Patient A1's export and erasure request (the erasure decided by the walk itself)
    world.exportId = (await call(owner, 'POST', `/v1/patients/${patientA1}/exports`)).id;
    world.erasureId = (await call(owner, 'POST', `/v1/patients/${patientA1}/erasure-requests`)).id;
  }, 90_000);
  afterAll(() => cloud?.stop());

  /** Doctor A's request to centre-n about patient A1, consent given. */
  function teleconsultationRequest() {
    return {
      centreId: world.centreId,
      patientId: world.patientId,
      form: 'planned',
      profile: 'oncology',
      question: 'Тактика лечения?',
      caseSummary: 'Сводка по случаю.',
      consent: { given: true, obtainedAt: minutesAgo(60) },
    };
  }

  /** What each operation names, beyond clinic A's ids: path parameters, query and body. */
  function valuesFor(operation: Operation, actor: Actor): Record<string, unknown> {
    const consultations = operation.path.startsWith('/v1/consultations');
    const uploadId = operation.path.startsWith('/v1/readings')
      ? world.readingUploadId
      : operation.path.startsWith('/v1/insurance-products')
        ? world.policyUploadId
        : world.enrolmentUploadId;
    const values: Record<string, unknown> = {
      ...world,
      contractId: consultations ? world.consultationId : world.corporateContractId,
      uploadId,
      paymentId: crypto.randomUUID(),
      appointmentId: appointments[operation.operationId],
      // A clinic B actor pairs its own doctor with clinic A's patient, as a real attempt would
      ...(fromClinicB.includes(actor) && ownDoctorNamed.includes(operation.operationId) ? doctorOfB : {}),
    };
    switch (operation.operationId) {
      case 'holdSlot':
        return { ...values, start: world.holdStart };
      case 'rescheduleAppointment':
        return { ...values, start: world.rescheduleStart };
      case 'addDutyShift':
        return { ...values, start: minutesAgo(-240), end: minutesAgo(-360) };
      case 'listDutyShifts':
      case 'searchSlots':
        return { ...values, from: minutesAgo(0), to: minutesAgo(-3 * 24 * 60) };
      case 'listPatientReadings':
        return { ...values, from: minutesAgo(24 * 60), to: minutesAgo(0) };
      case 'openConsultation':
        return { ...values, startsAt: minutesAgo(60), endsAt: minutesAgo(-7 * 24 * 60) };
      case 'renewPolicy':
        return { ...values, endsOn: inDays(600) };
      case 'registerDevice':
        return { ...values, validFrom: '2000-01-01T00:00:00Z' };
      case 'completeTeleconsultationDocumentUpload':
        return { ...values, documentId: world.teleconsultationDocumentId };
      case 'getTeleconsultationConclusion':
      case 'signTeleconsultationConclusion':
        return { ...values, requestId: world.concludedRequestId };
      default:
        return values;
    }
  }

  /** A request body: sampled from the contract, or written here where a schema alone cannot make a valid one. */
  async function bodyFor(operation: Operation, values: Record<string, unknown>) {
    const schema = bodySchemaOf(operationOf(operation.path, operation.method));
    if (!schema) return undefined;
    switch (operation.operationId) {
      case 'ingestReadings':
        return {
          deviceId: world.deviceId,
          items: [{ type: 'blood_pressure', measuredAt: minutesAgo(10), systolic: 121, diastolic: 79 }],
        };
      case 'linkCoverage':
        // Each patient links a policy issued to them: the cell is about who may link, not whose policy
        return { policy: await issueFreshPolicy() };
      case 'scorePsychologyIntake':
        // The contract asks for PHQ-9 and/or GAD-7, which a schema alone cannot say
        return { patientId: values.patientId, phq9: [1, 1, 0, 0, 1, 0, 0, 0, 0] };
      case 'setDoctorSchedule':
        // The schedule doctor A already has, sent back whole (PUT replaces it): later holds still find slots
        return everyDaySchedule;
      case 'createCorporateContract':
        // The contract asks for a company pool and/or sessions per employee, which a schema alone cannot say
        return { companyName: 'ООО «Другая»', startsOn: inDays(0), endsOn: inDays(300), companySessions: 5 };
      case 'receivePaymentNotice':
        return { event: 'payment.succeeded', object: { id: crypto.randomUUID() } };
      case 'receiveTelegramUpdate':
        return { update_id: 1 };
      // A centre's description, a shift of its consultant and a request need ids a schema cannot know
      case 'putTeleconsultationCentre':
        return teleconsultationCentre;
      case 'addTeleconsultationDutyShift':
        return {
          consultantId: 'consultant-n',
          profile: 'oncology',
          start: minutesAgo(-60),
          end: minutesAgo(-120),
        };
      case 'requestTeleconsultation':
        return teleconsultationRequest();
      case 'scheduleTeleconsultationVideoSession':
        return { start: minutesAgo(-24 * 60), minutes: 30 };
      default:
        return sampleOf(schema, 'body', values);
    }
  }

  /** The bearer token an actor calls with; none for `anonymous`, nor for the owner of a public route. */
  function tokenOf(row: Row, actor: Actor): string | undefined {
    if (actor === 'anonymous') return undefined;
    if (actor !== 'owner') return tokens[actor];
    return row.owner === 'anyone' ? undefined : ownerToken[row.owner];
  }

  const headersFor = (operation: Operation): Record<string, string> =>
    operation.operationId === 'receiveTelegramUpdate'
      ? { 'X-Telegram-Bot-Api-Secret-Token': process.env.TELEGRAM_WEBHOOK_SECRET ?? '' }
      : {};

  it('has one row for each operation of the contract, and none for an operation it lacks', () => {
    // Prepare
    const contract = operations.map((o) => o.operationId).sort();
    // Act
    const table = Object.keys(routeTable).sort();
    // Assess
    expect(
      contract.filter((id) => !table.includes(id)),
      'operations without a row',
    ).toEqual([]);
    expect(
      table.filter((id) => !contract.includes(id)),
      'rows without an operation',
    ).toEqual([]);
  });

  it.each(
    operations.map((operation) => [
      `${operation.operationId} (${operation.method} ${operation.path})`,
      operation,
    ]),
  )('%s answers each actor as the table says', async (_, operation) => {
    const row = routeTable[(operation as Operation).operationId];
    expect(row, 'a row in route-table.ts').toBeDefined();
    const op = operation as Operation;
    const batch = op.operationId === 'ingestReadings';
    const mismatches: string[] = [];
    for (const actor of walkOrder(row as Row)) {
      // Prepare: the actor's token, clinic A's objects in the path, a valid query and body
      const values = valuesFor(op, actor);
      const token = tokenOf(row as Row, actor);
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name]));
      const query = sampleQuery(operationOf(op.path, op.method), values);
      const body = await bodyFor(op, values);
      // Act
      const answer = await cloud.request(op.method, `${path}${query.size ? `?${query}` : ''}`, {
        ...(token ? { token } : {}),
        ...(body !== undefined ? { body } : {}),
        headers: headersFor(op),
      });
      // Assess: collected, so one failing operation lists every cell that broke
      const expectation = expected(row as Row, actor);
      if (!meets(expectation, actor, answer, batch))
        mismatches.push(
          `${actor}: expected ${expectation}, got ${answer.status} ${answer.body?.code ?? ''}`.trim(),
        );
      // A list "of one's own" is allowed to everyone; what it lists must still be one's own
      if (
        outsiders.includes(actor) &&
        JSON.stringify(answer.body ?? null).includes(world.patientId as string)
      )
        mismatches.push(`${actor}: got ${answer.status} naming patient A1`);
    }
    expect(mismatches, `cells off the table: ${mismatches.join('; ')}`).toEqual([]);
  });
});
