import { all, any, atLeast, feverish, has, vital } from './dsl';
import type { Rule } from './rule';

/**
 * Rules of version 2 (issue 17): a baby's red signs count without fever (NICE NG143 and NHS
 * «when to call 999» for babies), and chest pressure brought on by effort that does not
 * settle with rest within 15 minutes is an acute coronary syndrome (NICE CG95).
 */
export const issue17Rules: Rule[] = [
  {
    id: 'infant_red_signs',
    protocol: 'fever_under5_traffic_light',
    ageMonths: { below: 12 },
    when: any(
      has('bulging_fontanelle'),
      has('high_pitched_cry'),
      has('appears_very_ill'),
      has('apnoea'),
      has('grunting'),
      has('mottled_skin'),
      atLeast(2, has('not_responding_normally'), has('reduced_urine'), has('poor_feeding'), has('vomiting')),
    ),
    disposition: 'emergency',
    specialty: 'pediatrician',
    reason: {
      ru: 'У ребёнка до года красный признак (выбухающий родничок, стон или пронзительный плач, остановки дыхания, вялость с отказом от еды или без мочи): с температурой или без.',
      en: 'A baby under one with a red sign (bulging fontanelle, moaning or high-pitched cry, pauses in breathing, floppiness with no feeds or no wet nappies): with or without fever.',
    },
  },
  {
    id: 'young_infant_unwell',
    protocol: 'fever_under5_traffic_light',
    ageMonths: { below: 3.5 },
    when: any(has('not_responding_normally'), has('poor_feeding'), has('reduced_urine'), has('drowsiness')),
    disposition: 'emergency',
    specialty: 'pediatrician',
    reason: {
      ru: 'Ребёнок до 3 месяцев вялый, плохо ест или мало мочится: осмотр сегодня, даже без температуры.',
      en: 'A baby of 3 months or under who is floppy, feeding poorly or passing little urine: seen today, even without fever.',
    },
  },
  {
    id: 'child_lethargic_dry',
    protocol: 'fever_under5_traffic_light',
    ageMonths: { below: 60 },
    when: all(
      any(has('not_responding_normally'), has('drowsiness')),
      any(has('reduced_urine'), has('poor_feeding'), has('vomiting'), has('dehydration')),
    ),
    disposition: 'emergency',
    specialty: 'pediatrician',
    reason: {
      ru: 'Ребёнок до 5 лет вялый и не пьёт, не мочится или его рвёт: признаки обезвоживания, осмотр сегодня.',
      en: 'A child under 5 who is floppy and not drinking, not passing urine or vomiting: signs of dehydration, seen today.',
    },
  },
  {
    id: 'syncope.cardiac',
    protocol: 'syncope',
    when: all(
      has('syncope'),
      any(has('palpitations'), has('shortness_of_breath'), has('chest_pain'), has('chest_pressure')),
    ),
    disposition: 'emergency_ambulance',
    specialty: 'cardiologist',
    reason: {
      ru: 'Обморок или потемнение в глазах с сердцебиением, одышкой или болью в груди.',
      en: 'Fainting or blacking out with palpitations, breathlessness or chest pain.',
    },
  },
  {
    id: 'chest_pain_acs.effort_not_settling',
    protocol: 'chest_pain_acs',
    ageMonths: { from: 18 * 12 },
    when: all(
      has('exertional_chest_pain'),
      any(has('chest_pressure', { minHours: 0.25 }), has('exertional_chest_pain', { minHours: 0.25 })),
    ),
    disposition: 'emergency_ambulance',
    specialty: 'cardiologist',
    reason: {
      ru: 'Боль или сдавление в груди после нагрузки не проходит больше 15 минут: возможен инфаркт.',
      en: 'Chest pain or pressure after effort lasting over 15 minutes: possible heart attack.',
    },
  },
  {
    id: 'meningitis.without_fever',
    protocol: 'meningitis_meningococcal',
    when: any(
      all(has('headache'), has('neck_stiffness')),
      all(
        has('non_blanching_rash'),
        any(has('headache'), has('neck_stiffness'), has('drowsiness'), has('vomiting')),
      ),
    ),
    disposition: 'emergency_ambulance',
    specialty: 'neurologist',
    reason: {
      ru: 'Головная боль с ригидностью шеи или сыпь, не бледнеющая при надавливании: менингит возможен и без температуры.',
      en: 'Headache with a stiff neck, or a rash that does not fade under a glass: meningitis is possible without fever.',
    },
  },
  urgent('uti.upper', all(feverish, any(has('dysuria'), has('haematuria'))), 'urologist', {
    ru: 'Симптомы инфекции мочевых путей с температурой: возможен пиелонефрит, врач в течение суток.',
    en: 'Urinary infection symptoms with fever: possible kidney infection, a doctor within 24 hours.',
  }),
  urgent('renal_colic', all(has('flank_pain'), has('haematuria')), 'urologist', {
    ru: 'Боль в боку с кровью в моче: возможна почечная колика.',
    en: 'Pain in the side with blood in the urine: possible renal colic.',
  }),
  urgent('pregnancy.urgent', all(has('pregnancy'), any(has('dysuria'), has('vomiting'))), 'gynecologist', {
    ru: 'Во время беременности: инфекция мочевых путей или рвота требуют врача в течение суток.',
    en: 'In pregnancy: a urinary infection or vomiting needs a doctor within 24 hours.',
  }),
  urgent(
    'otitis.child_fever',
    all(has('ear_pain'), feverish),
    'pediatrician',
    {
      ru: 'Боль в ухе с температурой у ребёнка.',
      en: 'Earache with fever in a child.',
    },
    { below: 16 * 12 },
  ),
  urgent(
    'fever.high_or_prolonged',
    any(vital('temperature', '>=', 39), has('fever', { minHours: 72 })),
    'therapist',
    {
      ru: 'Температура 39 °C и выше или дольше трёх дней.',
      en: 'A temperature of 39 °C or more, or for over three days.',
    },
  ),
  urgent('tick_bite.rash', all(has('tick_bite'), has('rash')), 'therapist', {
    ru: 'Покраснение вокруг укуса клеща: возможен боррелиоз.',
    en: 'A red ring around a tick bite: possible Lyme disease.',
  }),
  urgent('shingles', has('shingles_rash'), 'dermatologist', {
    ru: 'Похоже на опоясывающий лишай: противовирусное лечение помогает в первые 72 часа.',
    en: 'Looks like shingles: antiviral treatment helps within the first 72 hours.',
  }),
  urgent(
    'shingles.eye',
    all(any(has('shingles_rash'), has('rash')), any(has('eye_pain'), has('eye_redness'))),
    'ophthalmologist',
    {
      ru: 'Пузырьковая сыпь у глаза: возможен опоясывающий лишай глаза.',
      en: 'A blistering rash near the eye: possible shingles of the eye.',
    },
  ),
];

function urgent(
  id: string,
  when: Rule['when'],
  specialty: Rule['specialty'],
  reason: Rule['reason'],
  ageMonths?: Rule['ageMonths'],
): Rule {
  return {
    id,
    protocol: id.split('.')[0] as string,
    when,
    disposition: 'consultation_24',
    specialty,
    reason,
    ...(ageMonths ? { ageMonths } : {}),
  };
}
