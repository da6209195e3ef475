import type { FieldCipher } from '../crypto/field-cipher';
import type { Database, TransactionOptions } from './port';
import { AppointmentRepository } from './repositories/appointments';
import { AuditLog } from './repositories/audit-log';
import { CapturedMessages } from './repositories/captured-messages';
import { ChatbotRepository } from './repositories/chatbot';
import { ConsultationRepository } from './repositories/consultations';
import { DeferredNotifications } from './repositories/deferred-notifications';
import { DoctorRepository } from './repositories/doctors';
import { DutyShifts } from './repositories/duty-shifts';
import { EmployerRepository } from './repositories/employers';
import { EntitlementLedger } from './repositories/entitlements';
import { Escalations } from './repositories/escalations';
import { IdempotencyKeys } from './repositories/idempotency-keys';
import { InPersonVisits } from './repositories/in-person-visits';
import { InsurerRepository } from './repositories/insurers';
import { NotificationContacts } from './repositories/notification-contacts';
import { NotificationLog } from './repositories/notifications';
import { OutboxStore } from './repositories/outbox';
import { PatientRepository } from './repositories/patients';
import { Payments } from './repositories/payments';
import { ProcessedEvents } from './repositories/processed-events';
import { ReadingsRepositories } from './repositories/readings-group';
import { TriageDecisionRepository } from './repositories/triage-decisions';
import { TriageReviews } from './repositories/triage-reviews';

/** Every repository, bound to one transaction. */
export interface Repositories {
  patients: PatientRepository;
  outbox: OutboxStore;
  processedEvents: ProcessedEvents;
  idempotencyKeys: IdempotencyKeys;
  audit: AuditLog;
  notifications: NotificationLog;
  notificationContacts: NotificationContacts;
  deferredNotifications: DeferredNotifications;
  capturedMessages: CapturedMessages;
  escalations: Escalations;
  triageDecisions: TriageDecisionRepository;
  triageReviews: TriageReviews;
  doctors: DoctorRepository;
  appointments: AppointmentRepository;
  dutyShifts: DutyShifts;
  payments: Payments;
  chatbot: ChatbotRepository;
  inPersonVisits: InPersonVisits;
  consultations: ConsultationRepository;
  insurers: InsurerRepository;
  employers: EmployerRepository;
  entitlements: EntitlementLedger;
  readings: ReadingsRepositories;
}

export interface Store {
  readonly database: Database;
  /** Runs `work` in one transaction: its changes, outbox events and audit rows commit together or not at all. */
  transaction<T>(work: (repos: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export function createStore(database: Database, cipher: FieldCipher, now: () => number = Date.now): Store {
  return {
    database,
    transaction: (work, options) =>
      database.transaction(
        (tables) =>
          work({
            patients: new PatientRepository(tables, cipher, now),
            outbox: new OutboxStore(tables, now),
            processedEvents: new ProcessedEvents(tables, now),
            idempotencyKeys: new IdempotencyKeys(tables, cipher, now),
            audit: new AuditLog(tables, now),
            notifications: new NotificationLog(tables, now),
            notificationContacts: new NotificationContacts(tables, now),
            deferredNotifications: new DeferredNotifications(tables),
            capturedMessages: new CapturedMessages(tables, now),
            escalations: new Escalations(tables, now),
            triageDecisions: new TriageDecisionRepository(tables, cipher, now),
            triageReviews: new TriageReviews(tables, cipher, now),
            doctors: new DoctorRepository(tables),
            appointments: new AppointmentRepository(tables),
            dutyShifts: new DutyShifts(tables),
            payments: new Payments(tables),
            chatbot: new ChatbotRepository(tables, cipher, now),
            inPersonVisits: new InPersonVisits(tables, now),
            consultations: new ConsultationRepository(tables, cipher),
            insurers: new InsurerRepository(tables),
            employers: new EmployerRepository(tables),
            entitlements: new EntitlementLedger(tables),
            readings: new ReadingsRepositories(tables, cipher, now),
          }),
        options,
      ),
  };
}
