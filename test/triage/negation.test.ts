import { describe, expect, it } from 'vitest';
import { readComplaint } from '../../modules/triage/text/read-complaint';
import { triage } from '../../modules/triage/triage';
import type { SymptomCode } from '../../modules/triage/vocabulary';

const presence = (text: string, code: SymptomCode) => readComplaint(text).findings.get(code)?.present;

describe('negation in complaints', () => {
  it.each([
    ['боли в груди нет', 'chest_pain'],
    ['нет боли в груди', 'chest_pain'],
    ['грудь не болит', 'chest_pain'],
    ['болей в груди не было', 'chest_pain'],
    ['кашель без температуры', 'fever'],
    ['no chest pain', 'chest_pain'],
    ['denies shortness of breath', 'shortness_of_breath'],
    ['headache without fever', 'fever'],
    ['I do not have a rash', 'rash'],
    ['chest pain: none', 'chest_pain'],
  ] as [string, SymptomCode][])('«%s» negates %s', (text, code) => {
    expect(presence(text, code)).toBe(false);
  });

  it.each([
    ['нет температуры, но болит грудь', 'chest_pain'],
    ['нет, у меня болит грудь', 'chest_pain'],
    ['no fever, crushing chest pain for an hour', 'chest_pain'],
    ['no fever but chest pain', 'chest_pain'],
    ['ингалятор не помогает', 'inhaler_not_helping'],
    ['не может поднять руку', 'one_sided_weakness'],
    ['сыпь не бледнеет при надавливании', 'non_blanching_rash'],
    ['не сильная боль в груди', 'chest_pain'],
  ] as [string, SymptomCode][])(
    '«%s» keeps %s present (the negation is scoped to its phrase)',
    (text, code) => {
      expect(presence(text, code)).toBe(true);
    },
  );

  it('carries a negation across a list closed by «или»/«or», and only there', () => {
    const ru = readComplaint('нет температуры, кашля или насморка');
    const en = readComplaint('no fever, cough or runny nose');
    expect([ru.findings.get('cough')?.present, ru.findings.get('runny_nose')?.present]).toEqual([
      false,
      false,
    ]);
    expect([en.findings.get('cough')?.present, en.findings.get('runny_nose')?.present]).toEqual([
      false,
      false,
    ]);
  });

  it('does not turn a negated chest pain into an emergency, in either language', () => {
    const ru = triage({ age: 50, complaint: 'Боли в груди нет, насморк и чихание два дня' }, 'ru');
    const en = triage({ age: 50, complaint: 'No chest pain. Runny nose and sneezing for two days.' }, 'en');
    expect([ru.disposition, en.disposition]).toEqual(['self_care', 'self_care']);
  });

  it('lets «denies» cover a plain comma list', () => {
    const reading = readComplaint('Denies chest pain, shortness of breath, nausea.');
    expect(
      ['chest_pain', 'shortness_of_breath', 'nausea'].map(
        (c) => reading.findings.get(c as SymptomCode)?.present,
      ),
    ).toEqual([false, false, false]);
  });
});
