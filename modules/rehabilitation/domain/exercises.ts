import { moreExercises } from './exercises-more';

/** One exercise of the library: what the patient reads, what rules it out, what it needs. */
export interface Exercise {
  id: string;
  name: { ru: string; en: string };
  instructions: { ru: string; en: string };
  contraindications: { ru: string; en: string }[];
  equipment: string[];
}

const exercise = (e: Exercise) => [e.id, e] as const;

const noFreshWound = { ru: 'Незажившая или воспалённая рана', en: 'An unhealed or inflamed wound' };
const unstableHeart = {
  ru: 'Нестабильная стенокардия, боль в груди в покое',
  en: 'Unstable angina, chest pain at rest',
};

/**
 * The exercise library. Instructions follow common outpatient protocols after total knee
 * arthroplasty (Bade MJ, Stevens-Lapsley JE. J Orthop Sports Phys Ther 2011;41:932–941) and in
 * cardiac rehabilitation (Ambrosetti M, et al. ESC/EAPC position paper, Eur J Prev Cardiol
 * 2021;28:460–495). Media links are not stored yet.
 */
export const exercises: Record<string, Exercise> = Object.fromEntries([
  exercise({
    id: 'quad_sets',
    name: { ru: 'Напряжение четырёхглавой мышцы', en: 'Quadriceps sets' },
    instructions: {
      ru: 'Лёжа на спине, прижмите колено к полу, напрягая мышцу бедра, держите 5 секунд, расслабьтесь.',
      en: 'Lying on your back, press the knee down by tightening the thigh muscle, hold 5 seconds, relax.',
    },
    contraindications: [noFreshWound],
    equipment: [],
  }),
  exercise({
    id: 'heel_slides',
    name: { ru: 'Скольжение пяткой', en: 'Heel slides' },
    instructions: {
      ru: 'Лёжа на спине, медленно сгибайте колено, скользя пяткой к ягодице, затем выпрямите.',
      en: 'Lying on your back, slowly bend the knee by sliding the heel towards you, then straighten.',
    },
    contraindications: [noFreshWound],
    equipment: [],
  }),
  exercise({
    id: 'straight_leg_raise',
    name: { ru: 'Подъём прямой ноги', en: 'Straight leg raise' },
    instructions: {
      ru: 'Лёжа на спине, напрягите бедро и поднимите прямую ногу на 20–30 см, опустите медленно.',
      en: 'Lying on your back, tighten the thigh and lift the straight leg 20–30 cm, lower it slowly.',
    },
    contraindications: [{ ru: 'Боль в пояснице при подъёме', en: 'Low back pain on lifting' }],
    equipment: [],
  }),
  exercise({
    id: 'sit_to_stand',
    name: { ru: 'Вставание со стула', en: 'Sit to stand' },
    instructions: {
      ru: 'Встаньте со стула без помощи рук, медленно сядьте обратно.',
      en: 'Stand up from a chair without using your hands, sit back down slowly.',
    },
    contraindications: [{ ru: 'Головокружение при вставании', en: 'Dizziness on standing' }],
    equipment: ['chair'],
  }),
  exercise({
    id: 'step_ups',
    name: { ru: 'Шаги на ступеньку', en: 'Step-ups' },
    instructions: {
      ru: 'Держась за перила, шагните оперированной ногой на ступеньку, затем вниз.',
      en: 'Holding a rail, step up with the operated leg, then step down.',
    },
    contraindications: [{ ru: 'Неустойчивость, падения', en: 'Unsteadiness, falls' }],
    equipment: ['step', 'rail'],
  }),
  exercise({
    id: 'stationary_bike',
    name: { ru: 'Велотренажёр', en: 'Stationary bike' },
    instructions: {
      ru: 'Крутите педали без нагрузки в спокойном темпе; сгибание колена — без резкой боли.',
      en: 'Pedal without resistance at an easy pace; bend the knee without sharp pain.',
    },
    contraindications: [unstableHeart],
    equipment: ['stationary_bike'],
  }),
  exercise({
    id: 'walking',
    name: { ru: 'Ходьба', en: 'Walking' },
    instructions: {
      ru: 'Идите в ровном темпе: дыхание учащено, но можно говорить. Разминка и заминка по 5 минут.',
      en: 'Walk at a steady pace: breathing faster but able to talk. Warm up and cool down 5 minutes each.',
    },
    contraindications: [unstableHeart],
    equipment: [],
  }),
  exercise({
    id: 'band_resistance',
    name: { ru: 'Упражнения с эспандером', en: 'Elastic band resistance' },
    instructions: {
      ru: 'Тяга эспандера к груди и разгибание рук; на выдохе усилие, не задерживайте дыхание.',
      en: 'Band rows and arm extensions; exhale on effort, do not hold your breath.',
    },
    contraindications: [
      unstableHeart,
      { ru: 'Первые 5 недель после стернотомии', en: 'The first 5 weeks after sternotomy' },
    ],
    equipment: ['elastic_band'],
  }),
  ...moreExercises.map(exercise),
]);
