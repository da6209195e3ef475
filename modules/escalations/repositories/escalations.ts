import type { Row, Tables } from '../../../storage/port';

export interface Escalation {
  id: string;
  kind: 'crisis' | 'reading_alert';
  subjectId: string;
  tenantId: string;
  level: number;
  nextAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  createdAt: number;
}

export interface EscalationStep {
  level: number;
  recipientId: string;
  status: string;
  at: string;
}

export class Escalations {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async open(escalation: Escalation): Promise<void> {
    await this.tables.insert('escalations', toRow(escalation));
  }

  async get(id: string): Promise<Escalation | undefined> {
    const row = await this.tables.get('escalations', { id });
    return row ? toEscalation(row) : undefined;
  }

  async save(escalation: Escalation): Promise<void> {
    const { id, ...rest } = toRow(escalation);
    await this.tables.update('escalations', { id }, rest);
  }

  /** Unacknowledged escalations whose time to go up has come. */
  async due(now: number, limit: number): Promise<Escalation[]> {
    const rows = await this.tables.find('escalations', {
      range: { column: 'next_at', to: now + 1 },
      orderBy: [{ column: 'next_at' }],
      limit,
    });
    return rows.map(toEscalation).filter((e) => e.nextAt !== null && e.acknowledgedAt === null);
  }

  async recordStep(escalationId: string, level: number, recipientId: string, status: string): Promise<void> {
    await this.tables.insert('escalation_steps', {
      escalation_id: escalationId,
      level,
      recipient_id: recipientId,
      status,
      at: this.now(),
    });
  }

  async steps(escalationId: string): Promise<EscalationStep[]> {
    const rows = await this.tables.find('escalation_steps', {
      where: { escalation_id: escalationId },
      orderBy: [{ column: 'level' }],
    });
    return rows.map((row) => ({
      level: Number(row.level),
      recipientId: String(row.recipient_id),
      status: String(row.status),
      at: new Date(Number(row.at)).toISOString(),
    }));
  }
}

function toRow(e: Escalation): Row {
  return {
    id: e.id,
    kind: e.kind,
    subject_id: e.subjectId,
    tenant_id: e.tenantId,
    level: e.level,
    next_at: e.nextAt,
    acknowledged_at: e.acknowledgedAt,
    acknowledged_by: e.acknowledgedBy,
    created_at: e.createdAt,
  };
}

function toEscalation(row: Row): Escalation {
  return {
    id: String(row.id),
    kind: row.kind as Escalation['kind'],
    subjectId: String(row.subject_id),
    tenantId: String(row.tenant_id),
    level: Number(row.level),
    nextAt: row.next_at === null ? null : Number(row.next_at),
    acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by === null ? null : String(row.acknowledged_by),
    createdAt: Number(row.created_at),
  };
}
