import { describe, expect, it } from 'vitest';
import { triage } from '../../modules/triage/triage';
import { dispositions } from '../../modules/triage/vocabulary';

describe('dispositions', () => {
  it.each([
    ['хочу поговорить с врачом', 'ru'],
    ['asdf qwerty', 'en'],
    ['странное ощущение во всём теле, не могу объяснить', 'ru'],
    ['насморк, а ещё что-то непонятное с ногой, странно тянет и крутит, сложно описать', 'ru'],
  ] as const)('never gives self-care to a complaint it does not understand: «%s»', (complaint, language) => {
    const outcome = triage({ age: 35, complaint }, language);
    expect(outcome.disposition).toBe('consultation');
  });

  it('asks screening questions when it understood nothing', () => {
    const outcome = triage({ age: 35, complaint: 'хочу поговорить с врачом' }, 'ru');
    expect(outcome.questions.map((q) => q.id)).toContain('chest_pain');
    expect(outcome.questions[0]?.text).toMatch(/^Есть ли сейчас/);
  });

  it.each([
    [25, 'Насморк, чихание и першит в горле два дня', 'ru'],
    [30, 'Runny nose and sneezing for three days, no fever', 'en'],
    [40, 'Backache after lifting boxes yesterday', 'en'],
    [22, 'Cold sore on my lip', 'en'],
  ] as const)(
    'allows self-care for a minor, recent, understood complaint: «%s»',
    (age, complaint, language) => {
      expect(triage({ age, complaint }, language).disposition).toBe('self_care');
    },
  );

  it('does not allow self-care for a minor symptom that has lasted too long, is severe, or in pregnancy', () => {
    expect(triage({ age: 30, complaint: 'насморк уже 3 недели' }, 'ru').disposition).toBe('consultation');
    expect(triage({ age: 30, complaint: 'невыносимая головная боль' }, 'ru').disposition).not.toBe(
      'self_care',
    );
    expect(triage({ age: 30, complaint: 'насморк', pregnant: true, sex: 'female' }, 'ru').disposition).toBe(
      'consultation',
    );
  });

  it('lets the most urgent rule win and lists every rule that fired', () => {
    const outcome = triage({ age: 60, complaint: 'Насморк. Давящая боль в груди, холодный пот' }, 'ru');
    expect(outcome.disposition).toBe('emergency_ambulance');
    expect(outcome.redFlags.map((f) => f.id)).toEqual([
      'chest_pain_acs.high_risk',
      'chest_pain_acs.continuing',
    ]);
  });

  it('tells the patient to call 103 or 112 now, Russian first, and blocks booking in an emergency', () => {
    const en = triage({ age: 60, complaint: 'Crushing chest pain and sweating' }, 'en');
    expect(en.instructions.slice(0, 2)).toEqual([
      'Позвоните 103 или 112 прямо сейчас.',
      'Call 103 or 112 now.',
    ]);
    expect(en.booking).toEqual({ allowed: false, withinHours: null });
  });

  it('limits booking to 24 hours for consultation_24', () => {
    const outcome = triage({ age: 60, complaint: 'АД 190/115, жалоб нет' }, 'ru');
    expect(outcome.disposition).toBe('consultation_24');
    expect(outcome.booking).toEqual({ allowed: true, withinHours: 24 });
  });

  it('answers in the requested language', () => {
    const complaint = 'Внезапная сильнейшая головная боль';
    expect(triage({ age: 40, complaint }, 'ru').redFlags[0]?.reason).toMatch(/Внезапная/);
    expect(triage({ age: 40, complaint }, 'en').redFlags[0]?.reason).toMatch(/sudden/);
  });

  it('asks the follow-up that could raise the disposition, and the answer does raise it', () => {
    const first = triage({ age: 40, complaint: 'Сильная головная боль' }, 'ru');
    expect(first.questions.map((q) => q.id)).toContain('headache.sudden');
    const second = triage(
      { age: 40, complaint: 'Сильная головная боль', answers: { 'headache.sudden': true } },
      'ru',
    );
    expect(second.disposition).toBe('emergency_ambulance');
  });

  it('takes structured symptoms from the published vocabulary as the text would', () => {
    const outcome = triage(
      {
        age: 70,
        complaint: 'плохо',
        symptoms: [{ code: 'face_droop' }, { code: 'speech_difficulty', onset: 'sudden' }],
      },
      'en',
    );
    expect(outcome.redFlags.map((f) => f.id)).toContain('stroke_fast');
  });

  it('returns exactly one of the five dispositions and the rule-set version', () => {
    const outcome = triage({ age: 30, complaint: 'кашель' }, 'ru');
    expect(dispositions).toContain(outcome.disposition);
    expect(outcome.ruleSetVersion).toBe('triage-rules/2.0.0');
  });
});
