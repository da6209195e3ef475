import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import type { Row, Tables } from '../../../storage/port';
import type { Plan, PlanContent, PlanVersion } from '../domain/plan';
import type { MeasureRecord } from '../domain/progress';
import type { ReviewItem } from '../domain/review';
import type { Session } from '../domain/session';
import type { CourseSponsor } from '../domain/sponsors';

/** Sealed fields are bound to their row and column, so one cannot be moved onto another. */
const contextOf = (table: string, ...key: (string | number)[]) => `${table}/${key.join('/')}`;

/** Plans, versions, sessions, measures and review items; everything about health is sealed. */
export class RehabilitationRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
  ) {}

  private seal(value: unknown, context: string) {
    return this.cipher.seal(JSON.stringify(value), context);
  }

  private async open<T>(sealed: unknown, context: string): Promise<T> {
    return JSON.parse(await this.cipher.open(sealed as SealedField, context)) as T;
  }

  async createPlan(plan: Plan): Promise<void> {
    await this.tables.insert('rehab_plans', {
      id: plan.id,
      clinic_id: plan.clinicId,
      patient_id: plan.patientId,
      doctor_id: plan.doctorId,
      template_id: plan.templateId,
      condition: plan.condition,
      status: plan.content.status,
      version: plan.version,
      content: await this.seal(plan.content, contextOf('rehab_plans', plan.id, 'content')),
      weeks_judged: plan.weeksJudged,
      created_at: plan.createdAt,
      updated_at: plan.updatedAt,
    });
  }

  async updatePlan(plan: Plan): Promise<void> {
    await this.tables.update(
      'rehab_plans',
      { id: plan.id },
      {
        status: plan.content.status,
        version: plan.version,
        content: await this.seal(plan.content, contextOf('rehab_plans', plan.id, 'content')),
        weeks_judged: plan.weeksJudged,
        updated_at: plan.updatedAt,
      },
    );
  }

  /** The patient's latest plan, active or not. */
  async latestPlanOf(patientId: string): Promise<Plan | undefined> {
    const [row] = await this.tables.find('rehab_plans', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'created_at', direction: 'desc' }],
      limit: 1,
    });
    return row ? this.toPlan(row) : undefined;
  }

  /** Every plan of a patient, oldest first. */
  async plansOf(patientId: string): Promise<Plan[]> {
    const rows = await this.tables.find('rehab_plans', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'created_at' }],
    });
    return Promise.all(rows.map((row) => this.toPlan(row)));
  }

  async activePlans(limit: number): Promise<Plan[]> {
    const rows = await this.tables.find('rehab_plans', { where: { status: 'active' }, limit });
    return Promise.all(rows.map((row) => this.toPlan(row)));
  }

  async addVersion(version: PlanVersion): Promise<void> {
    await this.tables.insert('rehab_plan_versions', {
      plan_id: version.planId,
      version: version.version,
      changed_at: version.changedAt,
      changed_by: version.changedBy,
      changed_by_role: version.changedByRole,
      reason: await this.seal(
        version.reason,
        contextOf('rehab_plan_versions', version.planId, version.version, 'reason'),
      ),
      content: await this.seal(
        version.content,
        contextOf('rehab_plan_versions', version.planId, version.version, 'content'),
      ),
    });
  }

  async versionsOf(planId: string): Promise<PlanVersion[]> {
    const rows = await this.tables.find('rehab_plan_versions', {
      where: { plan_id: planId },
      orderBy: [{ column: 'version' }],
    });
    return Promise.all(
      rows.map(async (row) => {
        const version = Number(row.version);
        return {
          planId,
          version,
          changedAt: Number(row.changed_at),
          changedBy: String(row.changed_by),
          changedByRole: String(row.changed_by_role),
          reason: await this.open<string>(
            row.reason,
            contextOf('rehab_plan_versions', planId, version, 'reason'),
          ),
          content: await this.open<PlanContent>(
            row.content,
            contextOf('rehab_plan_versions', planId, version, 'content'),
          ),
        };
      }),
    );
  }

  async saveSession(session: Session, isNew: boolean): Promise<void> {
    const body = await this.seal(
      { preCheck: session.preCheck, readings: session.readings, log: session.log, stop: session.stop },
      contextOf('rehab_sessions', session.planId, session.id, 'body'),
    );
    const row = {
      patient_id: session.patientId,
      week: session.week,
      status: session.status,
      ended_at: session.endedAt,
      body,
    };
    const key = { plan_id: session.planId, started_at: session.startedAt, id: session.id };
    if (isNew) await this.tables.insert('rehab_sessions', { ...key, ...row });
    else await this.tables.update('rehab_sessions', key, row);
  }

  async sessionsOf(planId: string): Promise<Session[]> {
    const rows = await this.tables.find('rehab_sessions', {
      where: { plan_id: planId },
      orderBy: [{ column: 'started_at' }, { column: 'id' }],
    });
    return Promise.all(rows.map((row) => this.toSession(row)));
  }

  async openSessionOf(planId: string): Promise<Session | undefined> {
    const [row] = await this.tables.find('rehab_sessions', {
      where: { plan_id: planId, status: 'in_progress' },
      limit: 1,
    });
    return row ? this.toSession(row) : undefined;
  }

  /** Sessions' timing and outcome only: adherence needs nothing sealed. */
  async sessionOutcomes(planId: string): Promise<Pick<Session, 'startedAt' | 'status'>[]> {
    const rows = await this.tables.find('rehab_sessions', { where: { plan_id: planId } });
    return rows.map((row) => ({
      startedAt: Number(row.started_at),
      status: row.status as Session['status'],
    }));
  }

  async addMeasure(record: MeasureRecord): Promise<void> {
    await this.tables.insert('rehab_measures', {
      plan_id: record.planId,
      measured_at: record.measuredAt,
      id: record.id,
      measure: record.measure,
      result: await this.seal(record.result, contextOf('rehab_measures', record.planId, record.id, 'result')),
      recorded_by: record.recordedBy,
    });
  }

  async measuresOf(planId: string): Promise<MeasureRecord[]> {
    const rows = await this.tables.find('rehab_measures', {
      where: { plan_id: planId },
      orderBy: [{ column: 'measured_at' }, { column: 'id' }],
    });
    return Promise.all(
      rows.map(async (row) => ({
        id: String(row.id),
        planId,
        measure: row.measure as MeasureRecord['measure'],
        measuredAt: Number(row.measured_at),
        result: await this.open<MeasureRecord['result']>(
          row.result,
          contextOf('rehab_measures', planId, String(row.id), 'result'),
        ),
        recordedBy: String(row.recorded_by),
      })),
    );
  }

  async addReviewItem(item: ReviewItem): Promise<void> {
    await this.tables.insert('rehab_review_items', {
      clinic_id: item.clinicId,
      created_at: item.createdAt,
      id: item.id,
      doctor_id: item.doctorId,
      patient_id: item.patientId,
      plan_id: item.planId,
      reason: item.reason,
      detail: item.detail,
      resolved_at: null,
    });
  }

  /** A clinic's unresolved review items, oldest first. */
  async reviewQueue(clinicId: string, limit: number): Promise<ReviewItem[]> {
    const rows = await this.tables.find('rehab_review_items', {
      where: { clinic_id: clinicId },
      isNull: ['resolved_at'],
      orderBy: [{ column: 'created_at' }],
      limit,
    });
    return rows.map((row) => ({
      id: String(row.id),
      clinicId: String(row.clinic_id),
      doctorId: String(row.doctor_id),
      patientId: String(row.patient_id),
      planId: String(row.plan_id),
      reason: row.reason as ReviewItem['reason'],
      detail: row.detail as Record<string, unknown>,
      createdAt: Number(row.created_at),
      resolvedAt: null,
    }));
  }

  async addCourseSponsor(sponsor: CourseSponsor): Promise<void> {
    await this.tables.insert('rehab_course_sponsors', {
      sponsor_tenant: sponsor.tenant,
      plan_id: sponsor.planId,
      sponsor_type: sponsor.type,
      sponsor_id: sponsor.sponsorId,
      created_at: sponsor.createdAt,
    });
  }

  /** The plans an insurer or employer covers, for its counts. */
  async plansSponsoredBy(tenant: string): Promise<Plan[]> {
    const rows = await this.tables.find('rehab_course_sponsors', { where: { sponsor_tenant: tenant } });
    const plans = await Promise.all(
      rows.map((row) => this.tables.get('rehab_plans', { id: String(row.plan_id) })),
    );
    return Promise.all(plans.filter((row) => row !== undefined).map((row) => this.toPlan(row)));
  }

  private async toPlan(row: Row): Promise<Plan> {
    const id = String(row.id);
    return {
      id,
      clinicId: String(row.clinic_id),
      patientId: String(row.patient_id),
      doctorId: String(row.doctor_id),
      templateId: String(row.template_id),
      condition: row.condition as Plan['condition'],
      version: Number(row.version),
      content: await this.open<PlanContent>(row.content, contextOf('rehab_plans', id, 'content')),
      weeksJudged: Number(row.weeks_judged),
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
    };
  }

  private async toSession(row: Row): Promise<Session> {
    const planId = String(row.plan_id);
    const id = String(row.id);
    const body = await this.open<Pick<Session, 'preCheck' | 'readings' | 'log' | 'stop'>>(
      row.body,
      contextOf('rehab_sessions', planId, id, 'body'),
    );
    return {
      id,
      planId,
      patientId: String(row.patient_id),
      week: Number(row.week),
      startedAt: Number(row.started_at),
      endedAt: row.ended_at === null ? null : Number(row.ended_at),
      status: row.status as Session['status'],
      ...body,
    };
  }
}
