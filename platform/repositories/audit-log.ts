import type { Tables } from '../../storage/port';
import { currentInvocation } from '../invocation';

/** What a use-case says it touched; who, through which route and request, the call itself knows. */
export interface AuditSubject {
  tenantId: string;
  action: AuditEntry['action'];
  resourceType: string;
  resourceId: string;
  /**
   * The patient the record is about, when the resource is theirs (an appointment, a reading, a
   * thread): what lets the patient see every touch of their data (data-subject requests).
   */
  subjectId?: string | null;
  /** Only where the call has no token of its own (the bot's webhook acts for a patient it knows). */
  actor?: { subject: string; role: string };
}

export interface AuditEntry {
  tenantId: string;
  actor: string;
  actorRole: string;
  action: 'read' | 'create' | 'update' | 'delete';
  resourceType: string;
  resourceId: string;
  /** The patient the record is about, if any. */
  subjectId: string | null;
  route: string;
  requestId: string;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
}

/**
 * Who read or changed health data, when and through which route. Append-only: there
 * is no update or delete here, and the SQLite schema rejects them with triggers.
 */
export class AuditLog {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  /**
   * Records that the current call read or changed health data. The actor, route and request come
   * from the call (platform/invocation.ts), so no use-case can misname them, and none can touch
   * health data outside a call that names its actor: that refuses.
   */
  async record(subject: AuditSubject): Promise<void> {
    const invocation = currentInvocation();
    const actor = subject.actor ?? invocation?.actor;
    if (!invocation || !actor)
      throw new Error('Health data is touched only inside a call that names its actor');
    await this.append({
      tenantId: subject.tenantId,
      actor: actor.subject,
      actorRole: actor.role,
      action: subject.action,
      resourceType: subject.resourceType,
      resourceId: subject.resourceId,
      subjectId: subject.subjectId ?? (subject.resourceType === 'patient' ? subject.resourceId : null),
      route: invocation.functionName,
      requestId: invocation.requestId,
    });
    invocation.audited++;
  }

  private async append(entry: AuditEntry): Promise<void> {
    await this.tables.insert('audit_log', {
      tenant_id: entry.tenantId,
      id: crypto.randomUUID(),
      at: this.now(),
      actor: entry.actor,
      actor_role: entry.actorRole,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      subject_id: entry.subjectId,
      route: entry.route,
      request_id: entry.requestId,
    });
  }

  async forResource(tenantId: string, resourceId: string, limit = 100): Promise<AuditRecord[]> {
    const rows = await this.tables.find('audit_log', {
      where: { resource_id: resourceId },
      orderBy: [{ column: 'at', direction: 'desc' }],
      limit,
    });
    return rows.filter((row) => row.tenant_id === tenantId).map(toRecord);
  }

  /**
   * Every record about one patient, whatever clinic kept it, newest first: those that name them as
   * subject, and those written before migration 056 about their record itself (resource = patient id).
   */
  async forSubject(subjectId: string, limit = 100): Promise<AuditRecord[]> {
    const newest = { orderBy: [{ column: 'at', direction: 'desc' as const }], limit };
    const named = await this.tables.find('audit_log', { where: { subject_id: subjectId }, ...newest });
    const older = await this.tables.find('audit_log', {
      where: { resource_id: subjectId },
      isNull: ['subject_id'],
      ...newest,
    });
    return [...named, ...older]
      .map(toRecord)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit);
  }

  async forTenant(tenantId: string, limit = 100): Promise<AuditRecord[]> {
    const rows = await this.tables.find('audit_log', {
      where: { tenant_id: tenantId },
      orderBy: [{ column: 'at', direction: 'desc' }],
      limit,
    });
    return rows.map(toRecord);
  }
}

function toRecord(row: Record<string, unknown>): AuditRecord {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    at: new Date(Number(row.at)).toISOString(),
    actor: String(row.actor),
    actorRole: String(row.actor_role),
    action: row.action as AuditEntry['action'],
    resourceType: String(row.resource_type),
    resourceId: String(row.resource_id),
    subjectId: row.subject_id == null ? null : String(row.subject_id),
    route: String(row.route),
    requestId: String(row.request_id),
  };
}
