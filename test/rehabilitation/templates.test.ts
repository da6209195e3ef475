import { describe, expect, it } from 'vitest';
import { exercises } from '../../modules/rehabilitation/domain/exercises';
import { measures } from '../../modules/rehabilitation/domain/measures';
import {
  checkBeforeSession,
  checkDuringSession,
  thresholds,
} from '../../modules/rehabilitation/domain/safety';
import { templates } from '../../modules/rehabilitation/domain/templates';

/** The programme templates are data a clinician trusts: each part they name must exist and be sourced. */
describe('programme templates by condition', () => {
  it('offers a template for each condition of issue 22', () => {
    expect(
      Object.values(templates)
        .map((t) => t.condition)
        .sort(),
    ).toEqual(['cardiac', 'knee_replacement', 'low_back_pain', 'pulmonary', 'stroke']);
  });

  it.each(Object.values(templates))(
    '$id names only library exercises and known measures, with sources',
    (template) => {
      // Prepare
      const named = template.phases.flatMap((p) => p.exercises.map((e) => e.exerciseId));
      // Act
      const unknown = named.filter((id) => !exercises[id]);
      const unscored = template.measures.filter((m) => !(m.measure in measures));
      // Assess: phases cover the weeks in order, instructions in both languages, thresholds sourced
      expect(unknown).toEqual([]);
      expect(unscored).toEqual([]);
      expect(template.sources.length).toBeGreaterThan(0);
      expect(template.phases.flatMap((p) => [p.fromWeek, p.toWeek]).at(-1)).toBe(template.weeks);
      for (const id of named) {
        expect(exercises[id]?.instructions.ru).toMatch(/[а-я]/);
        expect(exercises[id]?.instructions.en).toMatch(/[a-z]/);
      }
      expect(thresholds[template.condition].source).not.toBe('');
    },
  );

  it('stops a pulmonary session at SpO2 87 % in exercise and a back-pain one only from pain 8', () => {
    expect(checkDuringSession('pulmonary', { spo2: 87 }, [], null).map((f) => f.reason)).toEqual([
      'low_oxygen',
    ]);
    expect(checkDuringSession('low_back_pain', { pain: 7 }, [], null)).toEqual([]);
    expect(checkDuringSession('low_back_pain', { pain: 8 }, [], null).map((f) => f.reason)).toEqual([
      'pain_severe',
    ]);
    expect(checkBeforeSession('stroke', { systolic: 205, diastolic: 100 }, ['one_sided_weakness'])).toEqual([
      { reason: 'rest_blood_pressure_high', detail: '205/100 mmHg ≥ 200/110' },
      { reason: 'symptom', detail: 'one_sided_weakness' },
    ]);
  });
});
