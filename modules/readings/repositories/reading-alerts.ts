import type { Row, Tables } from '../../../storage/port';
import type { Direction, Rule, RuleState } from '../domain/alert-rules';
import type { Targets } from '../domain/thresholds';
import type { ReadingType } from '../domain/types';

export interface ReadingAlert {
  id: string;
  patientId: string;
  clinicId: string | null;
  type: ReadingType;
  rule: Rule;
  direction: Direction;
  measuredAt: number;
  raisedAt: number;
  status: 'open' | 'acknowledged';
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
}

const idle: RuleState = { active: false, lastRaisedAt: null };

/** Alerts on readings, the rule states behind them (hysteresis, cool-down), and doctors' targets. */
export class ReadingAlertRepository {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async targets(patientId: string): Promise<Targets | undefined> {
    const row = await this.tables.get('reading_targets', { patient_id: patientId });
    return row ? (row.targets as Targets) : undefined;
  }

  /** The doctor who set the patient's personal targets: the first to hear of a critical value. */
  async targetsSetBy(patientId: string): Promise<string | undefined> {
    const row = await this.tables.get('reading_targets', { patient_id: patientId });
    return row ? String(row.set_by) : undefined;
  }

  async setTargets(patientId: string, targets: Targets, setBy: string): Promise<void> {
    await this.tables.upsert('reading_targets', {
      patient_id: patientId,
      targets,
      set_by: setBy,
      updated_at: this.now(),
    });
  }

  async states(patientId: string, type: ReadingType): Promise<Record<Rule, RuleState>> {
    const rows = await this.tables.find('reading_alert_states', { where: { patient_id: patientId, type } });
    const of = (rule: Rule): RuleState => {
      const row = rows.find((r) => r.rule === rule);
      return row
        ? {
            active: Boolean(row.active),
            lastRaisedAt: row.last_raised_at === null ? null : Number(row.last_raised_at),
          }
        : { ...idle };
    };
    return { critical: of('critical'), sustained: of('sustained') };
  }

  async saveStates(patientId: string, type: ReadingType, states: Record<Rule, RuleState>): Promise<void> {
    for (const rule of ['critical', 'sustained'] as const) {
      await this.tables.upsert('reading_alert_states', {
        patient_id: patientId,
        type,
        rule,
        active: states[rule].active,
        last_raised_at: states[rule].lastRaisedAt,
        updated_at: this.now(),
      });
    }
  }

  async raise(
    alert: Omit<ReadingAlert, 'id' | 'raisedAt' | 'status' | 'acknowledgedBy' | 'acknowledgedAt'>,
  ): Promise<ReadingAlert> {
    const raised: ReadingAlert = {
      ...alert,
      id: crypto.randomUUID(),
      raisedAt: this.now(),
      status: 'open',
      acknowledgedBy: null,
      acknowledgedAt: null,
    };
    await this.tables.insert('reading_alerts', {
      id: raised.id,
      patient_id: raised.patientId,
      clinic_id: raised.clinicId,
      type: raised.type,
      rule: raised.rule,
      direction: raised.direction,
      measured_at: raised.measuredAt,
      raised_at: raised.raisedAt,
      status: raised.status,
      acknowledged_by: null,
      acknowledged_at: null,
    });
    return raised;
  }

  async get(id: string): Promise<ReadingAlert | undefined> {
    const row = await this.tables.get('reading_alerts', { id });
    return row ? toAlert(row) : undefined;
  }

  async acknowledge(id: string, by: string): Promise<void> {
    await this.tables.update(
      'reading_alerts',
      { id },
      { status: 'acknowledged', acknowledged_by: by, acknowledged_at: this.now() },
    );
  }

  async forPatient(patientId: string, limit = 100): Promise<ReadingAlert[]> {
    const rows = await this.tables.find('reading_alerts', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'raised_at', direction: 'desc' }],
      limit,
    });
    return rows.map(toAlert);
  }
}

function toAlert(row: Row): ReadingAlert {
  return {
    id: String(row.id),
    patientId: String(row.patient_id),
    clinicId: row.clinic_id === null ? null : String(row.clinic_id),
    type: row.type as ReadingType,
    rule: row.rule as Rule,
    direction: row.direction as Direction,
    measuredAt: Number(row.measured_at),
    raisedAt: Number(row.raised_at),
    status: row.status as ReadingAlert['status'],
    acknowledgedBy: row.acknowledged_by === null ? null : String(row.acknowledged_by),
    acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
  };
}
