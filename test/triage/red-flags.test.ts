import { describe, expect, it } from 'vitest';
import { ruleSetV1 } from '../../modules/triage/rules/ruleset.v1';
import { triage } from '../../modules/triage/triage';
import { dispositions, type Language } from '../../modules/triage/vocabulary';
import { ruleIds, sample } from './cases';

interface Vignette {
  age: number;
  text: string;
}
interface RuleCases {
  /** The rule of our rule set under test. */
  rule: string;
  fires: Record<Language, Vignette>;
  nearMiss: Record<Language, Vignette>;
}

/**
 * One row per rule of red_flags.json (several where a protocol has levels): a vignette in
 * each language that must fire the rule, and a near miss that must not.
 */
const table: Record<string, RuleCases[]> = {
  chest_pain_acs: [
    {
      rule: 'chest_pain_acs.high_risk',
      fires: {
        ru: { age: 58, text: 'Давящая боль за грудиной 20 минут, отдаёт в левую руку, холодный пот' },
        en: { age: 58, text: 'Crushing chest pain for 20 minutes spreading to my jaw, sweating' },
      },
      nearMiss: {
        ru: { age: 58, text: 'Боль в груди только при подъёме по лестнице, в покое проходит за 2-3 минуты' },
        en: { age: 58, text: 'Chest pain only when climbing stairs, settles with rest within minutes' },
      },
    },
  ],
  stroke_fast: [
    {
      rule: 'stroke_fast',
      fires: {
        ru: { age: 67, text: 'Внезапно перекосило лицо, не может поднять правую руку' },
        en: { age: 67, text: 'Her face suddenly drooped on one side and her speech is slurred' },
      },
      nearMiss: {
        ru: { age: 67, text: 'Общая слабость в руках и ногах после гриппа' },
        en: { age: 67, text: 'Generally weak and tired in both arms and legs after the flu' },
      },
    },
  ],
  anaphylaxis: [
    {
      rule: 'anaphylaxis',
      fires: {
        ru: { age: 25, text: 'Съел орехи, через 10 минут отекли губы, трудно дышать, осип голос' },
        en: { age: 9, text: 'Stung by a bee, now wheezing and her throat feels tight' },
      },
      nearMiss: {
        ru: { age: 9, text: 'Ребёнка ужалила пчела в руку, место укуса покраснело и немного опухло' },
        en: { age: 9, text: 'Bee sting on his arm with a small local swelling, breathing normally' },
      },
    },
  ],
  meningitis_meningococcal: [
    {
      rule: 'meningitis_meningococcal.rash',
      fires: {
        ru: { age: 3, text: 'Температура 39, на ногах сыпь, которая не бледнеет при надавливании стаканом' },
        en: { age: 19, text: 'Fever and a rash that does not fade under a glass' },
      },
      nearMiss: {
        ru: { age: 3, text: 'Температура 38, сыпь на теле бледнеет при надавливании' },
        en: { age: 19, text: 'Fever and a rash that fades when pressed with a glass' },
      },
    },
    {
      rule: 'meningitis_meningococcal.signs',
      fires: {
        ru: { age: 20, text: 'Температура 39.5, сильная головная боль, ригидность затылочных мышц' },
        en: { age: 20, text: 'Fever, severe headache and a stiff neck' },
      },
      nearMiss: {
        ru: { age: 20, text: 'Температура 38.5, головная боль, шея не болит' },
        en: { age: 20, text: 'Fever and a headache, neck moves freely' },
      },
    },
  ],
  sepsis_qsofa: [
    {
      rule: 'sepsis_qsofa',
      fires: {
        ru: { age: 70, text: 'Температура 38.9, спутанность сознания, АД 95/60, ЧДД 24' },
        en: { age: 70, text: 'Fever 38.9, confused, BP 95/60, RR 24' },
      },
      nearMiss: {
        ru: { age: 70, text: 'Температура 38.9, АД 125/80, ЧДД 24' },
        en: { age: 70, text: 'Fever 38.9, BP 125/80, RR 24, alert and oriented' },
      },
    },
  ],
  sepsis_nice_high_risk: [
    {
      rule: 'sepsis_nice_high_risk',
      fires: {
        ru: { age: 45, text: 'Озноб, температура 39.2, пульс 135' },
        en: { age: 45, text: 'Rigors, temperature 39.2, heart rate 135' },
      },
      nearMiss: {
        ru: { age: 45, text: 'Озноб, температура 39.2, пульс 120' },
        en: { age: 45, text: 'Rigors, temperature 39.2, heart rate 120' },
      },
    },
  ],
  sepsis_children_under5: [
    {
      rule: 'sepsis_children_under5',
      fires: {
        ru: { age: 2, text: 'Температура 38.5, пульс 155' },
        en: { age: 0.5, text: 'Fever, heart rate 165' },
      },
      nearMiss: {
        ru: { age: 2, text: 'Температура 38.5, пульс 145' },
        en: { age: 0.5, text: 'Fever, heart rate 155' },
      },
    },
  ],
  fever_under5_traffic_light: [
    {
      rule: 'fever_under5_traffic_light.red',
      fires: {
        ru: { age: 0.2, text: 'Температура 38.2' },
        en: { age: 1, text: 'Fever and a bulging soft spot' },
      },
      nearMiss: {
        ru: { age: 0.5, text: 'Температура 38.2' },
        en: { age: 0.3, text: 'Temperature 38.2' },
      },
    },
    {
      rule: 'fever_under5_traffic_light.amber',
      fires: {
        ru: { age: 0.4, text: 'Температура 39.1' },
        en: { age: 3, text: 'Fever for 5 days' },
      },
      nearMiss: {
        ru: { age: 0.4, text: 'Температура 38.6' },
        en: { age: 3, text: 'Fever for 2 days' },
      },
    },
  ],
  hypoglycaemia: [
    {
      rule: 'hypoglycaemia.level3',
      fires: {
        ru: { age: 50, text: 'Диабет, сахар 2.1, спутанность сознания' },
        en: { age: 50, text: 'Type 1 diabetes, glucose 2.1 mmol/L, confused' },
      },
      nearMiss: {
        ru: { age: 50, text: 'Диабет, сахар 2.1, в сознании, съел конфету' },
        en: { age: 50, text: 'Type 1 diabetes, glucose 2.1 mmol/L, alert, ate some sugar' },
      },
    },
    {
      rule: 'hypoglycaemia.level2',
      fires: {
        ru: { age: 50, text: 'Сахар крови 2.6 ммоль/л' },
        en: { age: 50, text: 'Blood sugar 2.6 mmol/L' },
      },
      nearMiss: {
        ru: { age: 50, text: 'Сахар крови 3.4 ммоль/л' },
        en: { age: 50, text: 'Blood sugar 3.4 mmol/L' },
      },
    },
  ],
  hypertensive_crisis: [
    {
      rule: 'hypertensive_crisis.emergency',
      fires: {
        ru: { age: 60, text: 'АД 200/125, сильная головная боль и нечёткость зрения' },
        en: { age: 60, text: 'BP 210/130 with chest pain' },
      },
      nearMiss: {
        ru: { age: 60, text: 'АД 200/125, жалоб нет' },
        en: { age: 60, text: 'BP 210/130, feels well' },
      },
    },
    {
      rule: 'hypertensive_crisis.urgency',
      fires: {
        ru: { age: 60, text: 'АД 190/115, жалоб нет' },
        en: { age: 60, text: 'BP 170/125, feels well' },
      },
      nearMiss: {
        ru: { age: 60, text: 'АД 175/105, жалоб нет' },
        en: { age: 60, text: 'BP 178/110, feels well' },
      },
    },
  ],
  spo2_home_oximetry: [
    {
      rule: 'spo2_home_oximetry.emergency',
      fires: {
        ru: { age: 45, text: 'Сатурация 91%, одышка' },
        en: { age: 45, text: 'SpO2 88% at rest' },
      },
      nearMiss: {
        ru: { age: 45, text: 'Сатурация 94%, одышка' },
        en: { age: 45, text: 'SpO2 93% at rest' },
      },
    },
    {
      rule: 'spo2_home_oximetry.urgent',
      fires: {
        ru: { age: 45, text: 'Сатурация 94%' },
        en: { age: 45, text: 'SpO2 93%' },
      },
      nearMiss: {
        ru: { age: 45, text: 'Сатурация 96%' },
        en: { age: 45, text: 'SpO2 95%' },
      },
    },
  ],
  spo2_news2: [
    {
      rule: 'spo2_news2.urgent_review',
      fires: {
        ru: { age: 50, text: 'ЧСС 100, t 38.5, SpO2 95%, ЧДД 22' },
        en: { age: 50, text: 'HR 100, temp 38.5, SpO2 95%, RR 22' },
      },
      nearMiss: {
        ru: { age: 50, text: 'ЧСС 95, t 38.5, SpO2 96%, ЧДД 18' },
        en: { age: 50, text: 'HR 95, temp 38.5, SpO2 96%, RR 18' },
      },
    },
    {
      rule: 'spo2_news2.emergency_response',
      fires: {
        ru: { age: 50, text: 'ЧСС 125, ЧДД 26, t 39.5, АД 105/70, SpO2 95%' },
        en: { age: 50, text: 'HR 125, RR 26, temp 39.5, BP 105/70, SpO2 95%' },
      },
      nearMiss: {
        ru: { age: 50, text: 'ЧСС 115, ЧДД 22, t 38.5, АД 125/70, SpO2 96%' },
        en: { age: 50, text: 'HR 115, RR 22, temp 38.5, BP 125/70, SpO2 96%' },
      },
    },
  ],
  asthma_rescue_failure: [
    {
      rule: 'asthma_rescue_failure',
      fires: {
        ru: { age: 12, text: 'Приступ астмы, ингалятор не помогает' },
        en: { age: 30, text: 'Asthma attack, too breathless to talk, the inhaler is not working' },
      },
      nearMiss: {
        ru: { age: 12, text: 'Астма, небольшое свистящее дыхание, ингалятор помогает' },
        en: { age: 30, text: 'Mild wheeze with my asthma, the inhaler helps' },
      },
    },
  ],
  cauda_equina: [
    {
      rule: 'cauda_equina',
      fires: {
        ru: { age: 45, text: 'Боль в пояснице, онемение в промежности и не могу помочиться' },
        en: { age: 45, text: 'Low back pain with numbness around the groin and difficulty passing urine' },
      },
      nearMiss: {
        ru: { age: 45, text: 'Боль в пояснице после подъёма тяжести, мочеиспускание в норме' },
        en: { age: 45, text: 'Low back pain after lifting a heavy box, no bladder or bowel problems' },
      },
    },
  ],
  thunderclap_headache: [
    {
      rule: 'thunderclap_headache',
      fires: {
        ru: { age: 40, text: 'Внезапная сильнейшая головная боль, как удар по голове' },
        en: { age: 40, text: 'Sudden severe headache that peaked within seconds' },
      },
      nearMiss: {
        ru: { age: 40, text: 'Сильная головная боль, нарастала постепенно в течение двух дней' },
        en: { age: 40, text: 'Worst headache of my life, came on gradually over two days' },
      },
    },
  ],
  psych_self_harm: [
    {
      rule: 'psych_self_harm.ideation',
      fires: {
        ru: { age: 30, text: 'Последние недели думаю, что лучше умереть' },
        en: { age: 30, text: 'I keep thinking I would be better off dead' },
      },
      nearMiss: {
        ru: { age: 30, text: 'Плохое настроение месяц, суицидальных мыслей нет' },
        en: { age: 30, text: 'Low mood for a month, denies suicidal thoughts' },
      },
    },
    {
      rule: 'psych_self_harm.plan',
      fires: {
        ru: { age: 30, text: 'Я решил покончить с собой, накопил таблетки' },
        en: { age: 30, text: 'I have a plan to kill myself tonight' },
      },
      nearMiss: {
        ru: { age: 30, text: 'Иногда мысли, что лучше умереть, но плана нет' },
        en: { age: 30, text: 'Sometimes I think I would be better off dead, but I have no plan' },
      },
    },
  ],
};

const protocols = sample<{ rules: { id: string }[] }>('red_flags.json').rules.map((r) => r.id);
const rows = Object.values(table).flat();

describe('red-flag rules of red_flags.json', () => {
  it('has fire and near-miss vignettes for every rule in red_flags.json, and a rule set rule for each', () => {
    expect(Object.keys(table).sort()).toEqual([...protocols].sort());
    const ours = new Set(ruleSetV1.rules.map((rule) => rule.protocol));
    for (const protocol of protocols) expect(ours, protocol).toContain(protocol);
  });

  describe.each(rows)('$rule', ({ rule, fires, nearMiss }) => {
    it.each(['ru', 'en'] as const)('fires in %s', (language) => {
      const outcome = triage({ age: fires[language].age, complaint: fires[language].text }, language);
      expect(ruleIds(outcome.redFlags)).toContain(rule);
      const expected = ruleSetV1.rules.find((r) => r.id === rule)?.disposition ?? 'self_care';
      // The rule's urgency is a floor: a more urgent rule may win, never a less urgent outcome.
      expect(dispositions.indexOf(outcome.disposition)).toBeLessThanOrEqual(dispositions.indexOf(expected));
    });

    it.each(['ru', 'en'] as const)('does not fire on its near miss in %s', (language) => {
      const outcome = triage({ age: nearMiss[language].age, complaint: nearMiss[language].text }, language);
      expect(ruleIds(outcome.redFlags)).not.toContain(rule);
    });
  });
});
