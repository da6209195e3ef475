import type * as z from 'zod';
import { createEvent } from '../../events/envelope';
import type { Repositories } from '../../platform/store';
import { alertPolicy, evaluateSeries } from './domain/alert-rules';
import { ageBand, criticalLimits, defaultTargets } from './domain/thresholds';
import { alertRaisedV1, type readingsRecordedV1 } from './events/readings.v1';

type Recorded = z.infer<(typeof readingsRecordedV1)['data']>;

/**
 * Applies the alert rules to each series a batch changed, in the consumer's transaction:
 * alerts, their `alert.raised.v1` events and the rules' new states commit together.
 * Only readings measured in the last day can alert; an imported history reads nothing.
 */
export async function evaluateRecorded(
  repos: Repositories,
  recorded: Recorded,
  meta: { now: number; correlationId: string; tenant: string },
): Promise<number> {
  let raised = 0;
  for (const { patientId, clinicId, type, measuredAt } of recorded.series) {
    const recent = measuredAt.filter((at) => at >= meta.now - alertPolicy.recentMs);
    if (!recent.length || type === 'ecg') continue;
    const patient = await repos.readings.patient(patientId);
    const band = ageBand(patient?.birthDate ?? null, meta.now);
    const personal = (await repos.readings.alerts.targets(patientId)) ?? {};
    const series = await repos.readings.series.latest(
      patientId,
      type,
      Math.max(...recent),
      recent.length + alertPolicy.window - 1,
    );
    const states = await repos.readings.alerts.states(patientId, type);
    const evaluation = evaluateSeries({
      series,
      fresh: new Set(recent),
      targets: { ...defaultTargets[band], ...personal },
      critical: criticalLimits[band],
      states,
      now: meta.now,
    });
    for (const found of evaluation.alerts) {
      const alert = await repos.readings.alerts.raise({ patientId, clinicId, type, ...found });
      const event = createEvent(
        alertRaisedV1,
        { alertId: alert.id, patientId, clinicId, type, rule: alert.rule },
        { correlationId: meta.correlationId, tenant: clinicId ?? meta.tenant },
      );
      await repos.outbox.add(alertRaisedV1.queue, event);
      raised++;
    }
    if (JSON.stringify(evaluation.states) !== JSON.stringify(states))
      await repos.readings.alerts.saveStates(patientId, type, evaluation.states);
  }
  return raised;
}
