import { describe, expect, it } from 'vitest';
import { readComplaint, readComplaints } from '../../modules/triage/text/read-complaint';
import { readSubject } from '../../modules/triage/text/subject';
import { latinToCyrillic } from '../../modules/triage/text/transliterate';
import { triage } from '../../modules/triage/triage';

const present = (text: string) =>
  [...readComplaint(text).findings].filter(([, f]) => f.present).map(([code]) => code);
const concepts = (text: string) => [...readComplaints(text).flatMap((r) => [...r.concepts])];
const disposition = (age: number, complaint: string) => triage({ age, complaint }, 'ru').disposition;

describe('reading text as patients write it (issue 17, item 1)', () => {
  it('reads ё as е, any case, and a run-on without punctuation', () => {
    // Prepare
    const text = 'ЖЖЁТ В ГРУДИ ОТДАЁТ В РУКУ ХОЛОДНЫЙ ПОТ';
    // Act
    const found = present(text);
    // Assess
    expect(found).toEqual(expect.arrayContaining(['chest_pain', 'pain_radiating', 'sweating']));
  });

  it('tolerates a one-letter typo on a stem of five letters or more', () => {
    // Prepare: «грдуи» (swapped), «задыхаюс» (missing letter), «головакружение» (wrong letter)
    // Act
    const chest = present('сильно болит в грдуи');
    const breath = present('задыхаюс');
    const dizzy = present('головакружение');
    // Assess
    expect(chest).toContain('chest_pain');
    expect(breath).toContain('shortness_of_breath');
    expect(dizzy).toContain('dizziness');
  });

  it('does not stretch a typo to short words or to another first letter', () => {
    // Prepare: «описать» is one letter from «пописать» but starts differently
    // Act
    const found = present('сложно описать');
    // Assess
    expect(found).not.toContain('urinary_retention');
  });

  it('transliterates Latin-script Russian letter by letter', () => {
    // Prepare, Act
    const words = ['sineyut', 'guby', 'zadykhayus', 'vyalyy', 'batareyku', 'kruzhitsya'].map(latinToCyrillic);
    // Assess
    expect(words).toEqual(['синеют', 'губы', 'задыхаюс', 'вялый', 'батарейку', 'кружится']);
  });

  it('reads Latin-script Russian a second time and keeps the more urgent reading', () => {
    // Prepare
    const complaint = 'bolit grud, davit, otdaet v ruku, holodnyy pot';
    // Act
    const readings = readComplaints(complaint).map((r) => r.reading);
    const outcome = triage({ age: 55, complaint }, 'ru');
    // Assess
    expect(readings).toEqual(['as_written', 'transliterated']);
    expect(outcome.disposition).toBe('emergency_ambulance');
  });

  it('reads English once: English words are not taken for Russian', () => {
    // Prepare, Act
    const readings = readComplaints('Breathing normally, mild cough, no fever');
    // Assess
    expect(readings).toHaveLength(1);
  });

  it('segments clauses with negation: a denied symptom is absent, an asserted one present', () => {
    // Prepare
    const text = 'боли в груди нет, но сильно кружится голова';
    // Act
    const reading = readComplaint(text);
    // Assess
    expect(reading.findings.get('chest_pain')?.present).toBe(false);
    expect(reading.findings.get('dizziness')?.present).toBe(true);
  });

  it.each([
    ['болит грудь отдает в руку температуры нет', 'pain_radiating'],
    ['давит в груди кашля нет', 'chest_pressure'],
    ['нет температуры болит грудь', 'chest_pain'],
    ['no fever my chest hurts', 'chest_pain'],
    ['chest pain spreading to my arm no fever', 'pain_radiating'],
  ])('keeps a negation to its own phrase in a run-on without punctuation: «%s»', (text, code) => {
    // Prepare, Act
    const reading = readComplaint(text);
    // Assess
    expect(reading.findings.get(code as never)?.present).toBe(true);
  });

  it.each([
    ['боли в груди нет', 'chest_pain'],
    ['слабости в руке и ноге нет', 'one_sided_weakness'],
    ['суицидальных мыслей нет', 'suicidal_thoughts'],
  ])('still reads a clause-final «нет» over its noun phrase: «%s»', (text, code) => {
    // Prepare, Act
    const reading = readComplaint(text);
    // Assess
    expect(reading.findings.get(code as never)?.present ?? false).toBe(false);
  });

  it.each([
    ['resolved', 'вчера болела грудь минут 10, сейчас прошло', 'chest_pain'],
    ['resolved', 'I had chest pain yesterday but it has gone now', 'chest_pain'],
    ['past history', 'в детстве был приступ астмы', 'history_asthma'],
    ['past history', 'год назад были судороги', 'seizure'],
    ['hypothetical', 'что делать если будут судороги', 'seizure'],
    ['hypothetical', 'If I get chest pain when jogging where should I go', 'chest_pain'],
  ])('does not take a %s symptom for a current one: «%s»', (_kind, text, code) => {
    // Prepare, Act
    const reading = readComplaint(text);
    // Assess
    expect(reading.findings.get(code as never)?.present ?? false).toBe(false);
  });

  it('takes a resolved episode that is back again for a current one', () => {
    // Prepare, Act
    const reading = readComplaint('боль в груди была вчера, прошла, сейчас опять болит грудь');
    // Assess
    expect(reading.findings.get('chest_pain')?.present).toBe(true);
  });

  it('takes a newborn for a baby under 3 months', () => {
    // Prepare, Act
    const { subject } = readSubject('newborn baby feels warm');
    // Assess
    expect(subject.ageYears).toBeLessThan(0.25);
  });

  it('keeps a resolved red flag as resolved, not forgotten', () => {
    // Prepare, Act
    const reading = readComplaint('вчера болела грудь минут 10, сейчас прошло');
    // Assess
    expect(reading.resolved.get('chest_pain')?.present).toBe(true);
  });

  it.each(['у мамы инсульт', 'у отца был инфаркт в 50 лет', 'my mother had a stroke'])(
    'reads a relative’s diagnosis as family history: «%s»',
    (text) => {
      // Prepare, Act
      const found = concepts(text);
      // Assess
      expect(found).toEqual([]);
    },
  );

  it('reads a relative’s current symptoms as theirs, now', () => {
    // Prepare, Act
    const found = concepts('у мужа перекосило лицо, думаю это инсульт');
    // Assess
    expect(found).toContain('stroke_named');
  });

  it.each([
    ['у ребенка 3 месяца температура', 'child', 0.25],
    ['сыну 13 лет', 'child', 13],
    ['my 3 month old has a fever', 'child', 0.25],
    ['baby is 7 weeks old', 'child', (7 * 7) / 365],
    ['папе 80 лет', 'parent', 80],
  ] as const)('reads the subject and their own age: «%s»', (text, kind, years) => {
    // Prepare, Act
    const { subject } = readSubject(text);
    // Assess
    expect(subject.kind).toBe(kind);
    expect(subject.ageYears).toBeCloseTo(years, 3);
  });

  it('does not read an age as a symptom’s duration', () => {
    // Prepare, Act
    const reading = readComplaint('у ребенка 5 месяцев насморк');
    // Assess
    expect(reading.findings.get('runny_nose')?.durationHours).toBeUndefined();
  });

  it.each([
    ['28 недель беременности, тянет живот', 28],
    ['беременность 32 недели', 32],
    ['34 недели, сильно болит голова', 34],
    ["I'm 30 weeks pregnant", 30],
  ])('reads gestational age and infers pregnancy: «%s»', (text, weeks) => {
    // Prepare, Act
    const { gestationWeeks } = readSubject(text.toLowerCase().replace("i'm", 'i am'));
    // Assess
    expect(gestationWeeks).toBe(weeks);
  });

  it('takes a duration in weeks for a duration, not a pregnancy', () => {
    // Prepare, Act
    const { gestationWeeks } = readSubject('болит спина уже 3 недели');
    // Assess
    expect(gestationWeeks).toBeUndefined();
  });

  it('weighs a gestational age as a pregnancy in the rules', () => {
    // Prepare, Act: pregnancy with abdominal pain is an emergency (NICE, pregnancy.warning)
    const result = disposition(30, '20 недель беременности, болит живот');
    // Assess
    expect(result).toBe('emergency');
  });

  it('does not mistake a painful rash on the chest for chest pain', () => {
    // Prepare, Act
    const found = present('болезненная сыпь на груди');
    // Assess
    expect(found).not.toContain('chest_pain');
  });
});
