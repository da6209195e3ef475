import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import type { Row, Tables } from '../../../storage/port';
import type { Attachment, Contract, Message } from '../domain/contract';

const bodyContext = (m: { contractId: string; id: string }) =>
  `consultation_messages/${m.contractId}/${m.id}/body`;
const ratingContext = (contractId: string) => `consultation_contracts/${contractId}/rating_comment`;

export interface OverdueMessage {
  contractId: string;
  sentAt: number;
  id: string;
  answerDueAt: number;
}

/** Consultation contracts and their threads; message bodies and rating comments are sealed. */
export class ConsultationRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
  ) {}

  async createContract(contract: Contract): Promise<void> {
    await this.tables.insert('consultation_contracts', {
      id: contract.id,
      clinic_id: contract.clinicId,
      doctor_id: contract.doctorId,
      patient_id: contract.patientId,
      starts_at: contract.startsAt,
      ends_at: contract.endsAt,
      response_hours: contract.responseHours,
      rating: null,
      rating_comment: null,
      created_at: contract.createdAt,
    });
  }

  async getContract(id: string): Promise<Contract | undefined> {
    const row = await this.tables.get('consultation_contracts', { id });
    return row ? toContract(row) : undefined;
  }

  /** A doctor's or a patient's contracts, latest first. */
  async contractsOf(who: { doctorId: string } | { patientId: string }, limit: number): Promise<Contract[]> {
    const rows = await this.tables.find('consultation_contracts', {
      where: 'doctorId' in who ? { doctor_id: who.doctorId } : { patient_id: who.patientId },
      orderBy: [{ column: 'starts_at', direction: 'desc' }],
      limit,
    });
    return rows.map(toContract);
  }

  async rate(contractId: string, rating: number, comment: string | null): Promise<void> {
    await this.tables.update(
      'consultation_contracts',
      { id: contractId },
      {
        rating,
        rating_comment: comment === null ? null : await this.cipher.seal(comment, ratingContext(contractId)),
      },
    );
  }

  async addMessage(message: Message): Promise<void> {
    await this.tables.insert('consultation_messages', {
      contract_id: message.contractId,
      sent_at: message.sentAt,
      id: message.id,
      author_role: message.authorRole,
      author_id: message.authorId,
      body: await this.cipher.seal(message.body, bodyContext(message)),
      attachments: message.attachments,
      answer_due_at: message.answerDueAt,
      overdue_reported: false,
    });
  }

  async thread(contractId: string): Promise<Message[]> {
    const rows = await this.tables.find('consultation_messages', {
      where: { contract_id: contractId },
      orderBy: [{ column: 'sent_at' }, { column: 'id' }],
    });
    return Promise.all(
      rows.map(async (row) => {
        const key = { contractId: String(row.contract_id), id: String(row.id) };
        return {
          ...key,
          sentAt: Number(row.sent_at),
          authorRole: row.author_role as Message['authorRole'],
          authorId: String(row.author_id),
          body: await this.cipher.open(row.body as SealedField, bodyContext(key)),
          attachments: row.attachments as Attachment[],
          answerDueAt: row.answer_due_at === null ? null : Number(row.answer_due_at),
        };
      }),
    );
  }

  /** The doctor answered: every waiting patient message of the thread is answered. */
  async markAnswered(contractId: string): Promise<void> {
    const rows = await this.tables.find('consultation_messages', { where: { contract_id: contractId } });
    for (const row of rows.filter((r) => r.answer_due_at !== null)) {
      await this.tables.update('consultation_messages', messageKey(row), { answer_due_at: null });
    }
  }

  /** Patient messages past their answer deadline that nobody has reported yet. */
  async overdue(now: number, limit: number): Promise<OverdueMessage[]> {
    const rows = await this.tables.find('consultation_messages', {
      where: { overdue_reported: false },
      range: { column: 'answer_due_at', to: now },
      orderBy: [{ column: 'answer_due_at' }],
      limit,
    });
    return rows
      .filter((row) => row.answer_due_at !== null)
      .map((row) => ({
        contractId: String(row.contract_id),
        sentAt: Number(row.sent_at),
        id: String(row.id),
        answerDueAt: Number(row.answer_due_at),
      }));
  }

  async markOverdueReported(message: OverdueMessage): Promise<void> {
    await this.tables.update(
      'consultation_messages',
      { contract_id: message.contractId, sent_at: message.sentAt, id: message.id },
      { overdue_reported: true },
    );
  }
}

function messageKey(row: Row): Row {
  return { contract_id: row.contract_id, sent_at: row.sent_at, id: row.id };
}

function toContract(row: Row): Contract {
  return {
    id: String(row.id),
    clinicId: String(row.clinic_id),
    doctorId: String(row.doctor_id),
    patientId: String(row.patient_id),
    startsAt: Number(row.starts_at),
    endsAt: Number(row.ends_at),
    responseHours: Number(row.response_hours),
    rating: row.rating === null ? null : Number(row.rating),
    createdAt: Number(row.created_at),
  };
}
