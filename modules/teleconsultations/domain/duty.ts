import { RuleBroken } from '../../../platform/rule-broken';

/** A consultant on call for a profile's emergency requests over a stretch of time. */
export interface DutyShift {
  centreId: string;
  consultantId: string;
  profile: string;
  start: number;
  end: number;
}

/** A shift longer than a day is a roster mistake, not a shift. */
export const longestShiftHours = 24;

export const dutyRules = {
  tooLong: () =>
    new RuleBroken('SHIFT_TOO_LONG', 422, `A duty shift lasts at most ${longestShiftHours} hours.`),
  notAConsultant: () =>
    new RuleBroken(
      'CONSULTANT_NOT_FOUND',
      422,
      'The consultant does not work for this centre in that profile.',
    ),
};

export function checkShift(shift: DutyShift): void {
  if (shift.end - shift.start > longestShiftHours * 3_600_000) throw dutyRules.tooLong();
}

/**
 * Who is on call for the profile at the instant, in the order they are paged: the shift that
 * started last first, so a hand-over is clean; whoever else covers the instant backs them up.
 */
export function onCall(shifts: DutyShift[], profile: string, at: number): string[] {
  const covering = shifts
    .filter((s) => s.profile === profile && s.start <= at && at < s.end)
    .sort((a, b) => b.start - a.start);
  return [...new Set(covering.map((s) => s.consultantId))];
}
