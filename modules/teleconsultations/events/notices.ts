/**
 * Whom each teleconsultation event tells, for the notifications consumer (its `decide`): the
 * requester each step, the coordinators of a new request (an emergency's consultants on call are
 * paged by an escalation, which they acknowledge), the coordinators and then the head of an
 * overdue one. Kept here, beside the events, because who is told is part of
 * the teleconsultation flow; notifications only delivers.
 */
type Data = Record<string, unknown>;
interface Notice {
  recipientId: string;
  template: string;
  variables: Record<string, string>;
}

/** A centre's coordinators, addressed as a group, as notifications addresses a clinic's admins. */
export const coordinatorsOf = (centreId: unknown) => `clinic_admin:${String(centreId)}`;
const ref = (d: Data) => String(d.requestId).slice(0, 8);
const toRequester = (template: string) => (d: Data) => ({
  recipientId: String(d.requesterId),
  template,
  variables: { ref: ref(d) },
});

export const teleconsultationNotices: Record<string, (data: Data) => Notice> = {
  'teleconsultation.requested.v1': (d) => ({
    recipientId: coordinatorsOf(d.centreId),
    template: 'teleconsultation.requested',
    variables: { ref: ref(d), at: String(d.dueAt) },
  }),
  'teleconsultation.accepted.v1': (d) => ({
    ...toRequester('teleconsultation.accepted')(d),
    variables: { ref: ref(d), at: String(d.dueAt) },
  }),
  'teleconsultation.info_requested.v1': toRequester('teleconsultation.info_requested'),
  'teleconsultation.concluded.v1': toRequester('teleconsultation.concluded'),
  'teleconsultation.declined.v1': toRequester('teleconsultation.declined'),
  'teleconsultation.scheduled.v1': (d) => ({
    ...toRequester('teleconsultation.scheduled')(d),
    variables: { ref: ref(d), at: String(d.startsAt), zone: String(d.requesterTimeZone) },
  }),
  'teleconsultation.overdue.v1': (d) => ({
    recipientId: d.escalatedTo === 'head' && d.headId ? String(d.headId) : coordinatorsOf(d.centreId),
    template: d.escalatedTo === 'head' ? 'teleconsultation.overdue_head' : 'teleconsultation.overdue',
    variables: { ref: ref(d), at: String(d.dueAt) },
  }),
};
