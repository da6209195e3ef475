import type { Repositories } from '../../platform/store';

/** What else stops, in the same transaction, when the centre takes or declines a paged emergency. */
export type PageAnswered = (
  repos: Repositories,
  escalationId: string,
  by: string,
  at: number,
) => Promise<unknown>;

let wired: PageAnswered | undefined;

/**
 * An emergency pages its consultants on call through an escalation (the escalations module's
 * ladder); accepting or declining the request answers the page, so nobody further up is woken.
 * The function serving those routes wires escalations' acknowledgement at cold start
 * (functions/teleconsultations/handler.ts): the module itself stays free of escalations' store,
 * and its timer function of the notification channels' settings.
 */
export function onPageAnswered(hook: PageAnswered): void {
  wired = hook;
}

/** The wired hook; answering without it would leave the page escalating, so it refuses. */
export function pageAnswered(): PageAnswered {
  if (!wired) throw new Error('Teleconsultations needs onPageAnswered wired at cold start');
  return wired;
}
