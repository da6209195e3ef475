import { RuleBroken } from '../../platform/rule-broken';
import type { Repositories } from '../../platform/store';
import type { Appointment } from './domain/appointment';
import type { Specialty } from './domain/doctor';

/** Who pays for a visit: the patient, an insurance policy, or an employer's contract. */
export type Payer =
  | { type: 'self' }
  | { type: 'policy'; policyId: string }
  | { type: 'corporate'; contractId: string };

export type Sponsor = Exclude<Payer, { type: 'self' }>;

/** What a sponsor needs to know of the visit it is asked to cover; nothing clinical. */
export interface Visit {
  appointment: Appointment;
  specialty: Specialty;
  serviceName: string;
  priceRub: number;
}

/** How an appointment ended for its payer. */
export type Outcome = 'completed' | 'no_show' | 'cancelled' | 'cancelled_late';

/**
 * The port to sponsors. Booking calls it inside its own transaction, so a reservation
 * commits with the slot claim or not at all; booking knows nothing of sponsor tables.
 */
export interface Payers {
  /** Reserves one unit for the visit until the hold expires; throws `PayerRefused`. */
  reserve(repos: Repositories, sponsor: Sponsor, visit: Visit, now: number): Promise<void>;
  /** The hold became a booking: its reservation no longer lapses. */
  keep(repos: Repositories, appointment: Appointment): Promise<void>;
  /** A booked visit moved: its new date must be covered too; throws `PayerRefused`. */
  move(repos: Repositories, moved: Appointment, now: number): Promise<void>;
  /** Consumes, releases or forfeits the unit; a visit nobody sponsors is left alone. */
  settle(repos: Repositories, appointment: Appointment, outcome: Outcome, now: number): Promise<void>;
}

/** The sponsor will not pay for this visit: the patient may still pay for it themselves. */
export class PayerRefused extends RuleBroken {
  constructor(
    override readonly code: 'NO_COVERAGE' | 'LIMIT_REACHED' | 'SPECIALTY_NOT_COVERED' | 'POLICY_EXPIRED',
    override readonly status: 409 | 422,
    message: string,
  ) {
    super(code, status, message);
    this.name = 'PayerRefused';
  }
}
