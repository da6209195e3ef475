/**
 * Statutory deadlines, in working days counted from the request (our reading of 152-FZ, README
 * "Data-subject requests"): art. 20 part 1 gives the operator 10 working days to answer a request
 * for one's data under art. 14; art. 20 part 3 gives 7 working days to destroy data the subject shows
 * is not necessary for the declared purpose. Weekends are skipped in Moscow time; public holidays
 * are not (the deadline comes early on a holiday week, never late).
 */
export const deadlineWorkingDays = { export: 10, erasure: 7 } as const;

const moscowOffsetMs = 3 * 3_600_000;
const dayMs = 86_400_000;

/** The instant `days` working days after `from`. */
export function addWorkingDays(from: number, days: number): number {
  let at = from;
  let left = days;
  while (left > 0) {
    at += dayMs;
    const weekday = new Date(at + moscowOffsetMs).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}
