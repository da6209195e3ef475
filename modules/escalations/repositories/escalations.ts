import type { Row, Tables } from '../../../storage/port';

export interface Escalation {
  id: string;
  kind: 'crisis' | 'reading_alert' | 'teleconsultation';
  subjectId: string;
  tenantId: string;
  level: number;
  /** When to tell someone again if nobody has acknowledged; null once acknowledged. */
  nextAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  createdAt: number;
  /** The duty clinic brought in because a level had nobody to tell; its clinicians may act too. */
  dutyTenantId: string | null;
  /** Whom each level tells, when whoever asked for the escalation named them (a centre's on-call roster). */
  ladder: string[] | null;
}

export interface EscalationStep {
  seq: number;
  level: number;
  recipientId: string;
  status: string;
  at: string;
}

/** The code an escalation's messages carry: short enough to read off an SMS. */
export const codeOf = (id: string) => id.slice(0, 8).toLowerCase();

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

  /** Escalations whose messages carried this code, newest first (8 hex characters rarely repeat). */
  async byCode(code: string): Promise<Escalation[]> {
    const rows = await this.tables.find('escalations', { where: { code: code.toLowerCase() }, limit: 20 });
    return rows.map(toEscalation).sort((a, b) => b.createdAt - a.createdAt);
  }

  async save(escalation: Escalation): Promise<void> {
    const { id, ...rest } = toRow(escalation);
    await this.tables.update('escalations', { id }, rest);
  }

  /** Unacknowledged escalations whose time to tell someone again has come. */
  async due(now: number, limit: number): Promise<Escalation[]> {
    const rows = await this.tables.find('escalations', {
      range: { column: 'next_at', to: now + 1 },
      orderBy: [{ column: 'next_at' }],
      limit,
    });
    return rows.map(toEscalation).filter((e) => e.nextAt !== null && e.acknowledgedAt === null);
  }

  /** The number the escalation's next message takes: one read of its newest step, however long it has repeated. */
  async nextSeq(escalationId: string): Promise<number> {
    const [newest] = await this.tables.find('escalation_step_log', {
      where: { escalation_id: escalationId },
      orderBy: [{ column: 'seq', direction: 'desc' }],
      limit: 1,
    });
    return newest ? Number(newest.seq) + 1 : 0;
  }

  /** Records one message of a step; `seq` numbers them in the order they were decided. */
  async recordStep(
    escalationId: string,
    step: { seq: number; level: number; recipientId: string; status: string },
  ): Promise<void> {
    await this.tables.insert('escalation_step_log', {
      escalation_id: escalationId,
      seq: step.seq,
      level: step.level,
      recipient_id: step.recipientId,
      status: step.status,
      at: this.now(),
    });
  }

  async steps(escalationId: string): Promise<EscalationStep[]> {
    const rows = await this.tables.find('escalation_step_log', {
      where: { escalation_id: escalationId },
      orderBy: [{ column: 'seq' }],
    });
    return rows.map((row) => ({
      seq: Number(row.seq),
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
    code: codeOf(e.id),
    duty_tenant_id: e.dutyTenantId,
    ladder: e.ladder,
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
    dutyTenantId: row.duty_tenant_id == null ? null : String(row.duty_tenant_id),
    ladder: row.ladder == null ? null : (row.ladder as string[]),
  };
}
