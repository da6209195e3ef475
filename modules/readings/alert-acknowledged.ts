import type { Repositories } from '../../platform/store';

/** What else stops, in the same transaction, when a doctor acknowledges an alert. */
export type AlertAcknowledged = (
  repos: Repositories,
  alertId: string,
  by: string,
  at: number,
) => Promise<unknown>;

let wired: AlertAcknowledged | undefined;

/**
 * A critical alert opens an escalation (the escalations module, which builds on readings);
 * acknowledging the alert must stop it. The function that serves the acknowledgement wires the
 * two at cold start (functions/readings-query/handler.ts), so readings does not import escalations.
 */
export function onAlertAcknowledged(hook: AlertAcknowledged): void {
  wired = hook;
}

/** The wired hook; an acknowledgement without it would leave the escalation running, so it refuses. */
export function alertAcknowledged(): AlertAcknowledged {
  if (!wired) throw new Error('Readings needs onAlertAcknowledged wired at cold start');
  return wired;
}
