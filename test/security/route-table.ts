/**
 * The route × actor table: for every operation of contracts/openapi.yaml, who may act and who
 * must be refused. The walk (route-walk.test.ts) calls each operation as each actor with the
 * objects of clinic A (and of insurer-1 and employer-1) and holds the answer against the cell.
 *
 * The rules, from DESIGN.md ("Access") and issue 19: every read and write is scoped to a tenant and
 * an owner. Nobody acts on another clinic's patients, doctors, devices, consultations or
 * appointments; insurers and HR only on their own products, policies and contracts and never on a
 * patient; a service token that names a clinic acts for that clinic's patients only. Where the code
 * lets another tenant act, the cell still says `deny`: the table is the rule, not the code.
 */

/** Who calls. "A" is the clinic whose objects are walked; "B" another clinic. */
export const actors = [
  /** The operation's owner: see `owner` on each row. */
  'owner',
  /** Another patient of clinic A. */
  'samePatient',
  /** A patient of clinic B. */
  'otherPatient',
  /** A doctor of clinic A (the one the walked appointment, consultation and triage belong to). */
  'doctor',
  /** A doctor of clinic B. */
  'otherDoctor',
  /** The admin of clinic A. */
  'admin',
  /** The admin of clinic B. */
  'otherAdmin',
  /** insurer-1, who sells the walked product and policy. */
  'insurer',
  /** Another insurer. */
  'otherInsurer',
  /** employer-1's HR, who bought the walked corporate contract. */
  'hr',
  /** Another employer's HR. */
  'otherHr',
  /** A service token scoped to clinic A (role `service`, clinic_id A): the chatbot of clinic A. */
  'service',
  /** A service token scoped to clinic B. */
  'otherService',
  /** No token at all. */
  'anonymous',
] as const;
export type Actor = (typeof actors)[number];

/**
 * - `allow`: the call passes authorization (2xx/3xx, or a 4xx about the request itself such as
 *   409 or 422 — never 400, 401, 403 or 404, nor a problem whose code ends in `_NOT_FOUND`).
 * - `deny`: 401, 403 or 404 (or a 4xx `*_NOT_FOUND` problem, or a batch that took none of its
 *   items); without a token exactly 401.
 * - `public`: no token is needed and none is checked: anything but 401 and 403.
 */
export type Expected = 'allow' | 'deny' | 'public';

/**
 * Whose object the owner cell stands for: the principal it is played by. `coordinator` and
 * `consultant` are a consulting centre's admin and doctor (tenant centre-n), who have no column.
 */
export type Owner =
  | 'patient'
  | 'doctor'
  | 'admin'
  | 'insurer'
  | 'hr'
  | 'service'
  | 'coordinator'
  | 'consultant'
  | 'anyone';

export interface Row {
  /** Who the `owner` actor is for this operation (patient A1, doctor A, admin A, insurer-1, …). */
  owner: Owner;
  /** Actors besides the owner that must be let through; every other actor is denied. */
  allow: readonly Exclude<Actor, 'owner' | 'anonymous'>[];
  /** Public: every actor, with or without a token, reaches the function. */
  public?: true;
}

const patients = ['samePatient', 'otherPatient'] as const;
const clinicStaff = ['doctor', 'otherDoctor', 'admin', 'otherAdmin'] as const;
const services = ['service', 'otherService'] as const;
const sponsors = ['insurer', 'otherInsurer', 'hr', 'otherHr'] as const;
const everyoneWithAToken = [...patients, ...clinicStaff, ...sponsors, ...services] as const;

/** Every operationId of the contract, and its row. A new operation without a row fails the walk. */
export const routeTable: Record<string, Row> = {
  getHealth: { owner: 'anyone', allow: [], public: true },

  // Patients: the patient, and staff and services of the patient's clinic
  registerPatient: { owner: 'admin', allow: ['otherAdmin'] }, // each admin registers into their own clinic
  getPatient: { owner: 'patient', allow: ['doctor', 'admin', 'service'] },
  listAuditEvents: { owner: 'admin', allow: ['otherAdmin'] }, // each reads their own clinic's log
  registerSelf: { owner: 'patient', allow: [...patients] }, // each registers themself (409 once registered)

  // Consents: texts are public; a patient's records are theirs, their clinic's admin records paper forms
  getConsentTexts: { owner: 'anyone', allow: [], public: true },
  giveConsent: { owner: 'patient', allow: ['admin'] },
  listConsents: { owner: 'patient', allow: ['doctor', 'admin', 'service'] },
  withdrawConsent: { owner: 'patient', allow: ['admin'] },

  // Triage: the patient themself, or a service of the patient's clinic naming them
  assessSymptoms: { owner: 'patient', allow: ['service'] },
  reviewTriageDecision: { owner: 'doctor', allow: [] },
  getTriageReviewAgreement: { owner: 'admin', allow: ['otherAdmin'] }, // own clinic's counts
  scorePsychologyIntake: { owner: 'patient', allow: ['service'] },

  // Escalations and notification settings
  setOnCallContacts: { owner: 'admin', allow: ['otherAdmin'] }, // own clinic's contacts
  getEscalation: { owner: 'doctor', allow: ['admin'] },
  getEscalationPatient: { owner: 'doctor', allow: ['admin'] }, // the patient behind the code, audited
  acknowledgeEscalation: { owner: 'doctor', allow: ['admin'] },
  getNotificationSettings: { owner: 'patient', allow: [...everyoneWithAToken] }, // the caller's own
  putNotificationSettings: { owner: 'patient', allow: [...everyoneWithAToken] },

  // Doctors and schedules: profiles are browsed by anyone who books; only their clinic manages them
  registerDoctor: { owner: 'admin', allow: ['otherAdmin'] },
  getDoctor: { owner: 'patient', allow: [...patients, ...clinicStaff, ...services] },
  setDoctorSchedule: { owner: 'admin', allow: [] },
  searchSlots: { owner: 'patient', allow: [...patients, ...clinicStaff, ...services] },

  // Appointments: the patient, their doctor, the clinic's admin, the clinic's service
  holdSlot: { owner: 'patient', allow: ['service'] },
  listAppointments: { owner: 'patient', allow: [...patients, ...clinicStaff] }, // each their own
  getAppointment: { owner: 'patient', allow: ['doctor', 'admin', 'service'] },
  confirmAppointment: { owner: 'patient', allow: ['service'] },
  cancelAppointment: { owner: 'patient', allow: ['doctor', 'admin', 'service'] },
  rescheduleAppointment: { owner: 'patient', allow: ['service'] },
  completeAppointment: { owner: 'doctor', allow: ['admin'] },
  markNoShow: { owner: 'doctor', allow: ['admin'] },
  recordInPersonVisit: { owner: 'admin', allow: [] }, // names patient A1: clinic A only
  addDutyShift: { owner: 'admin', allow: [] }, // names doctor A: clinic A only
  listDutyShifts: { owner: 'admin', allow: ['otherAdmin'] }, // own clinic's roster
  holdUrgentVisit: { owner: 'patient', allow: ['service'] },
  openCheckout: { owner: 'anyone', allow: [], public: true },
  receivePaymentNotice: { owner: 'anyone', allow: [], public: true },

  // Consultations: the two parties, and the clinic's admin reads
  listConsultations: { owner: 'patient', allow: [...patients, 'doctor', 'otherDoctor'] }, // each their own
  openConsultation: { owner: 'admin', allow: [] }, // names doctor A and patient A1
  getConsultation: { owner: 'patient', allow: ['doctor', 'admin'] },
  postConsultationMessage: { owner: 'patient', allow: ['doctor'] },
  uploadConsultationAttachment: { owner: 'patient', allow: ['doctor'] },
  rateConsultation: { owner: 'patient', allow: [] },

  // Readings: the patient and clinic A's doctors read; devices and files of clinic A's patients
  ingestReadings: { owner: 'patient', allow: ['service'] }, // items of patient A1's device
  registerDevice: { owner: 'patient', allow: ['admin', 'service'] }, // binds A1's device to A1
  createReadingUpload: { owner: 'patient', allow: ['admin', 'service'] }, // a file of A1's device
  getReadingUpload: { owner: 'patient', allow: [] }, // the one who asked for the link
  listPatientReadings: { owner: 'patient', allow: ['doctor'] },
  setReadingTargets: { owner: 'doctor', allow: [] },
  listReadingAlerts: { owner: 'doctor', allow: [] },
  acknowledgeAlert: { owner: 'doctor', allow: [] },

  // Insurers: their own products and policies only
  createInsuranceProduct: { owner: 'insurer', allow: ['otherInsurer'] }, // a product of their own
  createPolicyUpload: { owner: 'insurer', allow: [] },
  getPolicyUpload: { owner: 'insurer', allow: [] },
  issuePolicy: { owner: 'insurer', allow: [] }, // of insurer-1's product
  getPolicy: { owner: 'insurer', allow: [] },
  renewPolicy: { owner: 'insurer', allow: [] },
  cancelPolicy: { owner: 'insurer', allow: [] },
  getPolicyUsage: { owner: 'insurer', allow: [] },

  // Employers: their own contracts only
  createCorporateContract: { owner: 'hr', allow: ['otherHr'] }, // a contract of their own
  getCorporateContract: { owner: 'hr', allow: [] },
  enrolEmployees: { owner: 'hr', allow: [] },
  createEnrolmentUpload: { owner: 'hr', allow: [] },
  getEnrolmentUpload: { owner: 'hr', allow: [] },
  getCorporateUsage: { owner: 'hr', allow: [] },
  createSponsorReport: { owner: 'hr', allow: ['insurer', 'otherInsurer'] }, // an insurer's own register

  // A patient's own coverage
  listCoverage: { owner: 'patient', allow: [...patients] },
  linkCoverage: { owner: 'patient', allow: [...patients] }, // each links a policy issued to them

  // Rehabilitation: clinicians of the patient's clinic plan and review; the patient (or the
  // clinic's chatbot naming them) runs sessions; each clinic's queue is its own
  listRehabTemplates: { owner: 'doctor', allow: ['otherDoctor', 'admin', 'otherAdmin'] },
  listRehabReviewQueue: { owner: 'doctor', allow: ['otherDoctor', 'admin', 'otherAdmin'] }, // own clinic's
  startRehabPlan: { owner: 'doctor', allow: ['admin'] }, // for patient A1, doctor A responsible
  getRehabPlan: { owner: 'patient', allow: ['doctor', 'admin'] },
  changeRehabPlan: { owner: 'doctor', allow: ['admin'] },
  startRehabSession: { owner: 'patient', allow: ['service'] },
  recordRehabSessionReadings: { owner: 'patient', allow: ['service'] },
  completeRehabSession: { owner: 'patient', allow: ['service'] },
  recordRehabMeasure: { owner: 'patient', allow: ['doctor', 'admin'] },
  getRehabProgress: { owner: 'patient', allow: ['doctor', 'admin'] },
  // Counts of the sponsor's own courses only; another sponsor gets its own (empty) counts.
  getRehabSponsorReport: { owner: 'insurer', allow: ['otherInsurer', 'hr', 'otherHr'] },

  // Teleconsultations: doctor A asks centre-n about patient A1; the centre's coordinator and the
  // consultant it assigned act on the case; the patient reads the conclusion; sponsors never
  listTeleconsultationCentres: { owner: 'doctor', allow: [...clinicStaff] },
  putTeleconsultationCentre: { owner: 'coordinator', allow: [] }, // only the centre's own coordinator
  addTeleconsultationDutyShift: { owner: 'coordinator', allow: [] },
  getTeleconsultationCentreStats: { owner: 'coordinator', allow: [] }, // no patient data, still the centre's own
  requestTeleconsultation: { owner: 'doctor', allow: [] }, // for patient A1: clinic A's doctor only
  listTeleconsultations: { owner: 'doctor', allow: ['otherDoctor', 'admin', 'otherAdmin'] }, // each their own
  getTeleconsultation: { owner: 'doctor', allow: ['admin'] },
  acceptTeleconsultation: { owner: 'coordinator', allow: [] },
  declineTeleconsultation: { owner: 'coordinator', allow: [] },
  requestTeleconsultationInfo: { owner: 'consultant', allow: [] },
  provideTeleconsultationInfo: { owner: 'doctor', allow: [] }, // the requester
  concludeTeleconsultation: { owner: 'consultant', allow: [] },
  getTeleconsultationConclusion: { owner: 'patient', allow: ['doctor', 'admin'] },
  signTeleconsultationConclusion: { owner: 'consultant', allow: [] },
  scheduleTeleconsultationVideoSession: { owner: 'coordinator', allow: [] }, // the centre, never the requester's side
  addTeleconsultationDocument: { owner: 'doctor', allow: [] }, // the requester
  completeTeleconsultationDocumentUpload: { owner: 'doctor', allow: [] }, // the requester, their own upload
  listTeleconsultationDocuments: { owner: 'doctor', allow: ['admin'] },

  // Identity assurance: each patient and doctor reads their own level
  getMyIdentity: { owner: 'patient', allow: [...patients, 'doctor', 'otherDoctor'] },
  checkDoctorInRegister: { owner: 'admin', allow: [] }, // names doctor A: clinic A only

  // A patient's record: the patient and the clinic that keeps it; another clinic's doctor only what
  // the patient shared with them (nothing in the walk), sponsors and services never; only the patient shares
  declarePatientDocument: { owner: 'patient', allow: ['doctor', 'admin'] },
  listPatientDocuments: { owner: 'patient', allow: ['doctor', 'admin'] },
  getPatientDocument: { owner: 'patient', allow: ['doctor', 'admin'] },
  sharePatientDocument: { owner: 'patient', allow: [] },
  revokePatientDocumentShare: { owner: 'patient', allow: [] },
  recordLabObservations: { owner: 'patient', allow: ['doctor', 'admin'] },
  listLabObservations: { owner: 'patient', allow: ['doctor', 'admin'] },

  receiveTelegramUpdate: { owner: 'anyone', allow: [], public: true },

  // Data-subject requests: the patient's own (another patient gets NOT_YOUR_DATA); the erasure
  // queue is the operator's of the patient's clinic (a service of that clinic too)
  getAccessHistory: { owner: 'patient', allow: [] },
  requestDataExport: { owner: 'patient', allow: [] },
  getDataExport: { owner: 'patient', allow: [] },
  requestDataErasure: { owner: 'patient', allow: [] },
  getErasureRequest: { owner: 'patient', allow: ['admin', 'service'] },
  listErasureRequests: { owner: 'admin', allow: ['otherAdmin', ...services] }, // each their own clinic's
  decideErasureRequest: { owner: 'admin', allow: ['service'] },
};

/** The column the owner is also walked as (patient A1 has none: samePatient is another patient). */
const ownerColumn: Record<Owner, Actor | undefined> = {
  patient: undefined,
  doctor: 'doctor',
  admin: 'admin',
  insurer: 'insurer',
  hr: 'hr',
  service: 'service',
  coordinator: undefined,
  consultant: undefined,
  anyone: undefined,
};

/** What one cell of the table expects. */
export function expected(row: Row, actor: Actor): Expected {
  if (row.public) return 'public';
  if (actor === 'owner' || actor === ownerColumn[row.owner]) return 'allow';
  if (actor === 'anonymous') return 'deny';
  return (row.allow as readonly Actor[]).includes(actor) ? 'allow' : 'deny';
}
