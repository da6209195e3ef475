import type { Row, Tables } from '../../../storage/port';
import type { Payment, PaymentStatus } from '../domain/payment';

/** Self-paid appointments' payments. */
export class Payments {
  constructor(private readonly tables: Tables) {}

  async create(payment: Payment): Promise<void> {
    await this.tables.insert('payments', {
      id: payment.id,
      appointment_id: payment.appointmentId,
      patient_id: payment.patientId,
      amount_kopecks: payment.amountKopecks,
      status: payment.status,
      provider_payment_id: payment.providerPaymentId,
      refund_refusals: payment.refundRefusals,
      created_at: payment.createdAt,
      updated_at: payment.updatedAt,
    });
  }

  async get(id: string): Promise<Payment | undefined> {
    const row = await this.tables.get('payments', { id });
    return row ? toPayment(row) : undefined;
  }

  async ofAppointment(appointmentId: string): Promise<Payment | undefined> {
    const [row] = await this.tables.find('payments', { where: { appointment_id: appointmentId }, limit: 1 });
    return row ? toPayment(row) : undefined;
  }

  /** Payments in a state, the longest in it first. */
  async inStatus(status: PaymentStatus, limit: number): Promise<Payment[]> {
    const rows = await this.tables.find('payments', {
      where: { status },
      orderBy: [{ column: 'updated_at' }],
      limit,
    });
    return rows.map(toPayment);
  }

  async update(
    id: string,
    patch: { status?: PaymentStatus; providerPaymentId?: string; refundRefusals?: number },
    at: number,
  ): Promise<void> {
    await this.tables.update(
      'payments',
      { id },
      {
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.providerPaymentId ? { provider_payment_id: patch.providerPaymentId } : {}),
        ...(patch.refundRefusals !== undefined ? { refund_refusals: patch.refundRefusals } : {}),
        updated_at: at,
      },
    );
  }
}

function toPayment(row: Row): Payment {
  return {
    id: String(row.id),
    appointmentId: String(row.appointment_id),
    patientId: String(row.patient_id),
    amountKopecks: Number(row.amount_kopecks),
    status: row.status as PaymentStatus,
    providerPaymentId: row.provider_payment_id === null ? null : String(row.provider_payment_id),
    refundRefusals: Number(row.refund_refusals ?? 0),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
