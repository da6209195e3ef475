import { describe, expect, it } from 'vitest';
import { concepts } from '../../modules/triage/concepts';
import { intake } from '../../modules/triage/intake/intake';
import { redFlagQuestions } from '../../modules/triage/screening';
import { triage } from '../../modules/triage/triage';
import { dispositions } from '../../modules/triage/vocabulary';
import { classOf, loadCaseBank, underTriaged } from './case-bank';

const rank = (d: string) => dispositions.indexOf(d as never);
const ids = (outcome: { redFlags: { id: string }[] }) => outcome.redFlags.map((flag) => flag.id);

/** One present-tense example per concept, Russian and English (or Latin-script Russian). */
const examples: Record<string, [string, string]> = {
  heart_attack_named: ['кажется у меня инфаркт', 'I think I am having a heart attack'],
  stroke_named: ['думаю, у меня инсульт', 'I think this is a stroke'],
  aortic_dissection: ['разрывающая боль в спине между лопатками', 'tearing pain in my back'],
  strangulation: ['муж душил меня', 'he strangled me last night'],
  carbon_monoxide: ['отравились угарным газом', 'the carbon monoxide alarm went off'],
  button_battery_or_magnets: ['ребенок проглотил батарейку', 'my son swallowed two magnets'],
  corrosive_or_poison: ['ребенок выпил средство для посуды', 'he drank bleach'],
  burn_or_scald: ['ошпарила руку кипятком', 'a scald from boiling water'],
  electric_shock: ['ударило током', 'an electric shock at work'],
  major_trauma: ['попал под машину', 'hit by a car'],
  reduced_fetal_movements: ['ребенок не шевелится с утра', 'the baby has not moved today'],
  labour: ['отошли воды', 'my waters broke'],
  testicular_torsion: ['резко заболело яичко', 'sudden pain in my testicle'],
  lower_gi_bleeding: ['много крови из заднего прохода', 'lots of blood from my bottom'],
  rectal_bleeding: ['кровь из попы', 'blood in my stool'],
  upper_gi_bleeding: ['рвота кровью', 'vomiting blood'],
  unresponsive: ['не могу разбудить мужа', 'she is not responding'],
  breathing_failure: ['синеют губы', 'his lips are turning blue'],
  meningitis_named: ['шея не гнется', 'could this be meningitis'],
  anaphylaxis_signs: ['отекает горло', 'my throat feels tight'],
  seizure_ongoing: ['у него судороги', 'he is having a seizure'],
  heavy_bleeding: ['кровь хлещет из раны', 'blood is pouring from the cut'],
  appendicitis_or_peritonitis: ['кажется аппендицит', 'I think it is appendicitis'],
  diabetic_ketoacidosis: ['запах ацетона изо рта', 'breath smells of pear drops'],
  fracture_or_fall: ['кажется перелом руки', 'she fell and can not get up'],
  ectopic_or_pregnancy_emergency: ['подозрение на внематочную', 'could it be ectopic'],
  extreme_pain: ['невыносимая боль в животе', 'unbearable pain in my side'],
  worst_ever_pain: ['самая сильная боль в жизни', 'the worst pain I have ever had'],
  suicidal_thoughts: ['не вижу смысла жить', 'no reason to live'],
  suicidal_intent: ['хочу покончить с собой', 'I want to kill myself'],
  self_harm: ['режу себе руки', 'I have been cutting myself'],
  suicide_plan_or_means: ['накопила таблетки', 'I have been stockpiling pills'],
  suicide_means_or_timing: ['хочу умереть, у меня есть таблетки', 'I want to die, the pills are here'],
  overdose_or_attempt: ['выпила 20 таблеток', 'I took an overdose'],
};

describe('the concept table (issue 17, item 2)', () => {
  it('has an example for every concept', () => {
    // Prepare, Act
    const missing = concepts.map((c) => c.id).filter((id) => !examples[id]);
    // Assess
    expect(missing).toEqual([]);
  });

  it.each(
    concepts.flatMap((c) => (examples[c.id] ?? []).map((text) => [c.id, text, c.disposition] as const)),
  )('%s: «%s» is read and ends no lower than %s', (id, complaint, least) => {
    // Prepare, Act
    const outcome = triage({ age: 35, complaint }, 'ru');
    // Assess
    expect(ids(outcome)).toContain(`concept.${id}`);
    expect(rank(outcome.disposition)).toBeLessThanOrEqual(rank(least));
  });

  it('counts a named diagnosis in the present tense, not a relative’s or a past one', () => {
    // Prepare, Act
    const now = triage({ age: 60, complaint: 'у меня инсульт' }, 'ru');
    const family = triage({ age: 40, complaint: 'у мамы был инсульт, хочу проверить сосуды' }, 'ru');
    const past = triage({ age: 60, complaint: 'в прошлом году был инфаркт, сейчас все хорошо' }, 'ru');
    // Assess
    expect(now.disposition).toBe('emergency_ambulance');
    expect(family.disposition).not.toMatch(/^emergency/);
    expect(past.disposition).not.toMatch(/^emergency/);
  });
});

describe('the safety net (issue 17, item 3)', () => {
  it('keeps an emergency concept at emergency whatever else the text says', () => {
    // Prepare: a minor complaint beside a strangulation
    const complaint = 'небольшой насморк, а вчера муж душил меня';
    // Act
    const outcome = triage({ age: 30, complaint }, 'ru');
    // Assess
    expect(outcome.disposition).toMatch(/^emergency/);
  });

  it.each([
    ['у ребенка 3 месяца температура 38.1', 30],
    ['температура 38.2', 0.25],
    ['my 12 week old has a fever of 38', 30],
    ['малышу 6 недель, горячий, градусник показал 38', 30],
  ] as const)('sends a feverish baby of 3 months or under to emergency: «%s»', (complaint, age) => {
    // Prepare, Act
    const outcome = triage({ age, complaint }, 'ru');
    // Assess
    expect(outcome.disposition).toMatch(/^emergency/);
  });

  it.each([
    ['у ребенка 4 месяца температура 38.1, активный', 30],
    ['температура 38.3, хорошо кушает', 0.45],
  ] as const)('never lets a feverish baby under 6 months self-care: «%s»', (complaint, age) => {
    // Prepare, Act
    const outcome = triage({ age, complaint }, 'ru');
    // Assess
    expect(rank(outcome.disposition)).toBeLessThanOrEqual(rank('consultation_24'));
  });

  it('lets a feverish child of 6 months and over be judged by the rules', () => {
    // Prepare, Act
    const outcome = triage({ age: 2, complaint: 'насморк, температура 37.8' }, 'ru');
    // Assess
    expect(ids(outcome)).not.toContain('safety.young_infant_fever');
  });

  it('never self-cares a sudden symptom', () => {
    // Prepare, Act
    const outcome = triage({ age: 30, complaint: 'вдруг заложило нос' }, 'ru');
    // Assess
    expect(outcome.disposition).not.toBe('self_care');
    expect(ids(outcome)).toContain('safety.sudden_onset');
  });

  it('never self-cares a severe symptom', () => {
    // Prepare, Act
    const outcome = triage({ age: 30, complaint: 'сильная боль в горле' }, 'ru');
    // Assess
    expect(outcome.disposition).not.toBe('self_care');
  });

  it('sends sudden severe pain to emergency', () => {
    // Prepare, Act
    const outcome = triage({ age: 35, complaint: 'Внезапно резкая сильная боль в животе' }, 'ru');
    // Assess
    expect(outcome.disposition).toMatch(/^emergency/);
  });

  it('never self-cares worst-ever pain', () => {
    // Prepare, Act
    const outcome = triage({ age: 40, complaint: 'Worst headache of my life, came on gradually' }, 'en');
    // Assess
    expect(rank(outcome.disposition)).toBeLessThanOrEqual(rank('consultation_24'));
  });

  it('never self-cares text it does not understand, even one unknown word', () => {
    // Prepare: a cold, and one word the engine cannot place
    const complaint = 'насморк второй день, и ещё зюзюкает';
    // Act
    const outcome = triage({ age: 30, complaint }, 'ru');
    // Assess
    expect(outcome.disposition).toBe('consultation');
    expect(ids(outcome)).toContain('safety.not_understood');
  });

  it('asks a doctor within 24 hours after a red flag that has passed', () => {
    // Prepare, Act
    const outcome = triage({ age: 60, complaint: 'вчера болела грудь минут 10, сейчас прошло' }, 'ru');
    // Assess
    expect(outcome.disposition).toBe('consultation_24');
    expect(ids(outcome)).toContain('safety.resolved_red_flag');
  });

  it('counts a baby’s red signs without fever', () => {
    // Prepare, Act
    const outcome = triage(
      { age: 30, complaint: 'У малыша 7 месяцев выбухает родничок, температуры нет' },
      'ru',
    );
    // Assess
    expect(outcome.disposition).toBe('emergency');
    expect(ids(outcome)).toContain('infant_red_signs');
  });
});

describe('the crisis path (issue 17, item 5)', () => {
  it.each([
    ['не вижу смысла жить', 'consultation_24', 'thoughts'],
    ['иногда режу себе руки', 'consultation_24', 'self_harm'],
    ['хочу покончить с собой', 'emergency_ambulance', 'intent'],
    ['накопила таблетки, написала прощальное письмо', 'emergency_ambulance', 'plan'],
    ['выпила 30 таблеток', 'emergency_ambulance', 'attempt'],
    ['hochu umeret', 'emergency_ambulance', 'intent'],
    ['honestly хочу умереть, all is pointless', 'emergency_ambulance', 'intent'],
    ['мне все надоело, I just want it all to stop forever', 'consultation_24', 'thoughts'],
    ['nobody would miss me если меня не станет', 'consultation_24', 'thoughts'],
    ['dumayu o smerti kazhdyy den', 'consultation_24', 'thoughts'],
    ['napilas tabletok', 'emergency_ambulance', 'attempt'],
  ] as const)('«%s» sets the crisis flag, %s, severity %s', (complaint, least, severity) => {
    // Prepare, Act
    const outcome = triage({ age: 25, complaint }, 'ru');
    // Assess
    expect(outcome.crisis?.severity).toBe(severity);
    expect(outcome.crisis?.lines.map((line) => line.phone)).toContain('8-800-2000-122');
    expect(rank(outcome.disposition)).toBeLessThanOrEqual(rank(least));
  });

  it('sets the crisis flag beside another emergency, whatever the disposition', () => {
    // Prepare: a self-inflicted wound that bleeds: an ambulance and crisis help
    const outcome = triage({ age: 30, complaint: 'Порезал себе вены, кровь не останавливается' }, 'ru');
    // Assess
    expect(outcome.disposition).toBe('emergency_ambulance');
    expect(outcome.crisis).not.toBeNull();
  });

  it.each([
    'плохо сплю, хочу нормально высыпаться',
    'I do not want to wake up early for work',
    'у меня нет мыслей о смерти, просто плохо сплю',
    'написала письмо врачу, болит горло',
  ])('does not take everyday words for a crisis: «%s»', (complaint) => {
    // Prepare, Act
    const outcome = triage({ age: 30, complaint }, 'ru');
    // Assess
    expect(outcome.crisis).toBeNull();
  });

  it('ranks PHQ-9 item 9 = 3 above item 9 = 1', () => {
    // Prepare
    const answers = (item9: number) => [1, 1, 1, 1, 1, 1, 1, 1, item9];
    // Act
    const one = intake({ phq9: answers(1) }, 'ru').crisis?.severity;
    const three = intake({ phq9: answers(3) }, 'ru').crisis?.severity;
    // Assess
    expect(one).toBe('thoughts');
    expect(three).toBe('persistent_thoughts');
  });
});

describe('red-flag screening questions (issue 17, item 4)', () => {
  const unsure = { age: 35, complaint: 'болит живот и как-то странно мутит' };

  it('carries yes/no questions with ids and ru/en texts when the reading is unsure', () => {
    // Prepare, Act
    const outcome = triage(unsure, 'ru');
    // Assess
    expect(outcome.redFlagQuestions.length).toBeGreaterThan(0);
    for (const q of outcome.redFlagQuestions) {
      expect(q.id).toMatch(/^redflag\./);
      expect(q.text.ru).toBeTruthy();
      expect(q.text.en).toBeTruthy();
    }
    expect(outcome.redFlagQuestions.map((q) => q.system)).toContain('abdomen');
  });

  it('asks nothing once the answer is already an emergency', () => {
    // Prepare, Act
    const outcome = triage({ age: 60, complaint: 'давит в груди, отдает в руку, и еще зюзюкает' }, 'ru');
    // Assess
    expect(outcome.redFlagQuestions).toEqual([]);
  });

  it('raises the disposition when a question is answered yes on a second call', () => {
    // Prepare
    const first = triage(unsure, 'ru');
    const asked = first.redFlagQuestions.find((q) => q.id === 'redflag.abdomen_rigid_or_blood');
    // Act
    const second = triage({ ...unsure, answers: { [asked?.id ?? '']: true } }, 'ru');
    // Assess
    expect(second.disposition).toBe('emergency');
    expect(ids(second)).toContain('redflag.abdomen_rigid_or_blood');
  });

  it('settles the doubt when every question asked is answered no', () => {
    // Prepare: a cold with one unreadable word, not self-care while unsure
    const input = { age: 30, complaint: 'насморк второй день, и ещё зюзюкает' };
    const first = triage(input, 'ru');
    const answers = Object.fromEntries(first.redFlagQuestions.map((q) => [q.id, false]));
    // Act
    const second = triage({ ...input, answers }, 'ru');
    // Assess
    expect(first.disposition).toBe('consultation');
    expect(second.disposition).toBe('self_care');
    expect(second.redFlagQuestions).toEqual([]);
  });

  it('has questions for every body system it names', () => {
    // Prepare, Act
    const systems = new Set(redFlagQuestions.map((q) => q.system));
    // Assess
    expect([...systems].sort()).toEqual(
      ['abdomen', 'breathing', 'chest', 'child', 'general', 'mind', 'neuro', 'pregnancy', 'skin'].sort(),
    );
  });
});

describe('the case bank (issue 17, item 7)', () => {
  const bank = loadCaseBank();

  it('holds at least 400 cases, a third pure emergencies, in every language form', () => {
    // Prepare, Act
    const emergencies = bank.filter((c) => c.expected === 'emergency').length;
    const languages = new Set(bank.map((c) => c.lang));
    // Assess
    expect(bank.length).toBeGreaterThanOrEqual(400);
    expect(emergencies * 3).toBeGreaterThanOrEqual(bank.length);
    expect([...languages].sort()).toEqual(['en', 'mixed', 'ru', 'translit']);
    expect(bank.every((c) => c.source.length > 0)).toBe(true);
  });

  it('answers every emergency as an emergency and at least 85 % of all cases right', () => {
    // Prepare, Act
    const results = bank.map((c) => ({
      c,
      d: triage({ age: c.age, complaint: c.text, ...(c.sex ? { sex: c.sex } : {}) }, 'ru').disposition,
    }));
    const missed = results.filter(({ c, d }) => c.expected === 'emergency' && classOf(d) !== 'emergency');
    const right = results.filter(({ c, d }) => classOf(d) === c.expected).length;
    const sentHome = results.filter(
      ({ c, d }) => c.expected === 'emergency' && (d === 'self_care' || d === 'consultation'),
    );
    // Assess
    expect(missed.map(({ c }) => c.id)).toEqual([]);
    expect(sentHome).toEqual([]);
    expect(right / bank.length).toBeGreaterThanOrEqual(0.85);
    expect(results.filter(({ c, d }) => underTriaged(c.expected, d)).length).toBeLessThan(bank.length * 0.05);
  });
});

describe('the rules of version 2 (issue 17)', () => {
  const cases: [string, number, string, string][] = [
    ['infant_red_signs', 30, 'У малыша 7 месяцев выбухает родничок', 'У малыша 7 месяцев насморк'],
    [
      'young_infant_unwell',
      30,
      'Дочка 3 месяца, вялая, плохо сосет',
      'Дочка 3 месяца, срыгивает после еды, активная',
    ],
    [
      'child_lethargic_dry',
      30,
      'Ребенку 2 года, вялый, не писает с утра',
      'Ребенку 2 года, вялый после прививки',
    ],
    ['syncope.cardiac', 50, 'упал в обморок, сердце колотится', 'упал в обморок в душном автобусе'],
    [
      'chest_pain_acs.effort_not_settling',
      55,
      'Сдавило грудь после лестницы и не отпускает 20 минут',
      'При подъеме по лестнице давит в груди, в покое проходит за минуту',
    ],
    [
      'meningitis.without_fever',
      30,
      'Сильная головная боль и шея не гнется',
      'Сильная головная боль после работы',
    ],
    [
      'uti.upper',
      30,
      'Жжение при мочеиспускании, температура 38.5',
      'Жжение при мочеиспускании, температуры нет',
    ],
    ['renal_colic', 45, 'Боль в боку, моча розовая', 'Боль в боку после тренировки'],
    [
      'pregnancy.urgent',
      30,
      '12 недель беременности, жжение при мочеиспускании',
      'Жжение при мочеиспускании',
    ],
    ['otitis.child_fever', 4, 'Болит ухо, температура 38.5', 'Болит ухо, температуры нет'],
    ['fever.high_or_prolonged', 30, 'Температура 39.2, ломит тело', 'Температура 37.6, ломит тело'],
    ['tick_bite.rash', 30, 'Укусил клещ, вокруг красное кольцо', 'Укусил клещ, сняла его сама'],
    ['shingles', 60, 'Опоясывающий лишай на спине', 'Сыпь на спине чешется'],
    ['shingles.eye', 60, 'Пузырьковая сыпь на лбу, болит глаз', 'Пузырьковая сыпь на руке'],
  ];

  it.each(cases)('%s fires on its case and not on its near miss', (id, age, fires, nearMiss) => {
    // Prepare, Act
    const hit = triage({ age, complaint: fires }, 'ru');
    const miss = triage({ age, complaint: nearMiss }, 'ru');
    // Assess
    expect(ids(hit)).toContain(id);
    expect(ids(miss)).not.toContain(id);
  });
});
