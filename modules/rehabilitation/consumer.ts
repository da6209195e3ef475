import { defineConsumer } from '../../platform/queue-consumer';
import { deliver, notificationsSettings } from '../notifications';
import { rehabEventsV1 } from './events';

type Data = { planId: string; patientId: string; doctorId: string; emergency?: boolean; worsened?: boolean };

/** Whom each event tells, by which template; none for a completed session (nobody needs a message). */
function noticeOf(type: string, d: Data): { recipientId: string; template: string } | undefined {
  switch (type) {
    case 'rehab.plan_started.v1':
      return { recipientId: d.patientId, template: 'rehab.plan_started' };
    case 'rehab.plan_changed.v1':
      return { recipientId: d.patientId, template: 'rehab.plan_changed' };
    case 'rehab.session_stopped.v1':
      return {
        recipientId: d.doctorId,
        template: d.emergency ? 'rehab.emergency_stop' : 'rehab.session_stopped',
      };
    case 'rehab.adherence_dropped.v1':
      return { recipientId: d.patientId, template: 'rehab.sessions_missed' };
    case 'rehab.measure_recorded.v1':
      return d.worsened ? { recipientId: d.doctorId, template: 'rehab.measure_worsened' } : undefined;
    default:
      return undefined;
  }
}

/**
 * Message Queue trigger on `rehabilitation`: tells the patient of their plan and of missed
 * sessions (quiet hours respected), and the responsible clinician of every safety stop (at once
 * for an emergency) and of a worsening measure. Messages carry a reference, never a value.
 */
export const rehabilitationConsumer = defineConsumer({
  name: 'rehabilitation',
  events: rehabEventsV1,
  handle: async (event, repos) => {
    const data = event.data as Data;
    const notice = noticeOf(event.type, data);
    if (!notice) return;
    await deliver(
      repos,
      {
        ...notice,
        variables: { ref: data.planId.slice(0, 8) },
        tenantId: event.tenant,
        sourceEventId: event.id,
      },
      { now: Date.now(), hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT },
    );
  },
});
