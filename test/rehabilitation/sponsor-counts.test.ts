import { describe, expect, it } from 'vitest';
import { type Plan, planContentFrom } from '../../modules/rehabilitation/domain/plan';
import { sponsorPeriods } from '../../modules/rehabilitation/domain/sponsors';
import { templates } from '../../modules/rehabilitation/domain/templates';

const day = 86_400_000;

/** A one-week course of two sessions begun on `startsOn`, with `done` of them completed. */
function course(startsOn: string, done: number) {
  const template = templates.knee_replacement_12w;
  if (!template) throw new Error('no knee template');
  const content = planContentFrom(template, {
    startsOn,
    weeks: 1,
    sessionsPerWeek: 2,
    intensity: { age: 60, betaBlocker: false },
  });
  const plan: Plan = {
    id: crypto.randomUUID(),
    clinicId: 'c',
    patientId: crypto.randomUUID(),
    doctorId: 'd',
    templateId: template.id,
    condition: template.condition,
    version: 1,
    content,
    weeksJudged: 0,
    createdAt: 0,
    updatedAt: 0,
  };
  const start = Date.parse(`${startsOn}T10:00:00Z`);
  const sessions = Array.from({ length: done }, (_, i) => ({
    startedAt: start + i * day,
    status: 'completed' as const,
  }));
  return { plan, sessions };
}

describe('a sponsor’s counts of rehabilitation courses', () => {
  it('counts a month’s courses from five, completed from 80 % of sessions, and withholds four', () => {
    // Prepare: five courses begun and over in March (three did both sessions, two did one);
    // four begun in April
    const march = [1, 2, 3, 4, 5].map((n) => course(`2026-03-0${n}`, n <= 3 ? 2 : 1));
    const april = [1, 2, 3, 4].map((n) => course(`2026-04-0${n}`, 2));
    // Act
    const periods = sponsorPeriods([...march, ...april], '2026-03', '2026-04', Date.parse('2026-06-01'));
    // Assess
    expect(periods).toEqual([
      { period: '2026-03', enrolled: 5, finished: 5, completed: 3, completionRate: 0.6, suppressed: false },
      {
        period: '2026-04',
        enrolled: null,
        finished: null,
        completed: null,
        completionRate: null,
        suppressed: true,
      },
    ]);
  });

  it('counts nothing as over before the course’s end', () => {
    const running = [1, 2, 3, 4, 5].map((n) => course(`2026-03-0${n}`, 2));
    const [march] = sponsorPeriods(running, '2026-03', '2026-03', Date.parse('2026-03-06T00:00:00Z'));
    expect(march).toMatchObject({ enrolled: 5, finished: null, suppressed: true });
  });
});
