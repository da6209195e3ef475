import type { MeasureName } from './measures';
import type { Condition } from './safety';

/** One exercise as a phase prescribes it: sets of repetitions, or minutes. */
export interface Dosage {
  exerciseId: string;
  sets: number;
  reps: number | null;
  minutes: number | null;
}

export interface Phase {
  name: { ru: string; en: string };
  fromWeek: number;
  toWeek: number;
  exercises: Dosage[];
}

export interface Template {
  id: string;
  condition: Condition;
  title: { ru: string; en: string };
  weeks: number;
  sessionsPerWeek: number;
  phases: Phase[];
  /** Outcome measures and how often they fall due, in weeks (week 0 is the baseline). */
  measures: { measure: MeasureName; everyWeeks: number }[];
  sources: string[];
}

const reps = (exerciseId: string, sets: number, n: number): Dosage => ({
  exerciseId,
  sets,
  reps: n,
  minutes: null,
});
const minutes = (exerciseId: string, n: number): Dosage => ({ exerciseId, sets: 1, reps: null, minutes: n });

/** Programme templates by condition: data a clinician starts an individual plan from. */
export const templates: Record<string, Template> = {
  knee_replacement_12w: {
    id: 'knee_replacement_12w',
    condition: 'knee_replacement',
    title: { ru: 'После эндопротезирования коленного сустава', en: 'After total knee replacement' },
    weeks: 12,
    sessionsPerWeek: 5,
    phases: [
      {
        name: { ru: 'Подвижность и контроль мышц', en: 'Motion and muscle control' },
        fromWeek: 1,
        toWeek: 4,
        exercises: [
          reps('quad_sets', 3, 10),
          reps('heel_slides', 3, 10),
          reps('straight_leg_raise', 2, 10),
          minutes('walking', 10),
        ],
      },
      {
        name: { ru: 'Сила', en: 'Strength' },
        fromWeek: 5,
        toWeek: 8,
        exercises: [
          reps('sit_to_stand', 3, 10),
          reps('step_ups', 2, 10),
          minutes('stationary_bike', 15),
          minutes('walking', 20),
        ],
      },
      {
        name: { ru: 'Функция и выносливость', en: 'Function and endurance' },
        fromWeek: 9,
        toWeek: 12,
        exercises: [
          reps('sit_to_stand', 3, 15),
          reps('step_ups', 3, 12),
          minutes('stationary_bike', 20),
          minutes('walking', 30),
        ],
      },
    ],
    measures: [
      { measure: 'oxford_knee_score', everyWeeks: 4 },
      { measure: 'six_minute_walk', everyWeeks: 4 },
      { measure: 'timed_up_and_go', everyWeeks: 4 },
      { measure: 'pain_nrs', everyWeeks: 1 },
    ],
    sources: [
      'Bade MJ, Stevens-Lapsley JE. J Orthop Sports Phys Ther 2011;41:932–941',
      'NICE guideline NG157, Joint replacement (primary): hip, knee and shoulder, 2020',
    ],
  },
  cardiac_12w: {
    id: 'cardiac_12w',
    condition: 'cardiac',
    title: {
      ru: 'Кардиореабилитация после инфаркта или операции на сердце',
      en: 'Cardiac rehabilitation after myocardial infarction or cardiac surgery',
    },
    weeks: 12,
    sessionsPerWeek: 3,
    phases: [
      {
        name: { ru: 'Втягивающий этап', en: 'Initiation' },
        fromWeek: 1,
        toWeek: 4,
        exercises: [minutes('walking', 20)],
      },
      {
        name: { ru: 'Тренировочный этап', en: 'Training' },
        fromWeek: 5,
        toWeek: 12,
        exercises: [minutes('walking', 30), reps('band_resistance', 2, 12)],
      },
    ],
    measures: [
      { measure: 'six_minute_walk', everyWeeks: 4 },
      { measure: 'hads', everyWeeks: 12 },
      { measure: 'mmrc_dyspnoea', everyWeeks: 4 },
    ],
    sources: [
      'Ambrosetti M, et al. Eur J Prev Cardiol 2021;28:460–495 (EAPC position paper)',
      'AACVPR Guidelines for Cardiac Rehabilitation Programs, 6th ed., 2021',
    ],
  },
  stroke_12w: {
    id: 'stroke_12w',
    condition: 'stroke',
    title: { ru: 'После инсульта', en: 'After stroke' },
    weeks: 12,
    sessionsPerWeek: 5,
    phases: [
      {
        name: { ru: 'Равновесие и движения руки', en: 'Balance and arm use' },
        fromWeek: 1,
        toWeek: 4,
        exercises: [
          reps('sit_to_stand', 2, 8),
          reps('standing_balance', 3, 5),
          reps('reach_and_grasp', 3, 10),
          minutes('walking', 10),
        ],
      },
      {
        name: { ru: 'Ходьба и сила', en: 'Walking and strength' },
        fromWeek: 5,
        toWeek: 12,
        exercises: [
          reps('sit_to_stand', 3, 10),
          reps('step_ups', 2, 10),
          reps('reach_and_grasp', 3, 15),
          minutes('walking', 20),
        ],
      },
    ],
    measures: [
      { measure: 'barthel_index', everyWeeks: 4 },
      { measure: 'modified_rankin', everyWeeks: 12 },
      { measure: 'timed_up_and_go', everyWeeks: 4 },
      { measure: 'hads', everyWeeks: 12 },
    ],
    sources: [
      'Winstein CJ, et al. Guidelines for Adult Stroke Rehabilitation and Recovery. Stroke 2016;47:e98–e169',
      'Billinger SA, et al. Physical activity and exercise recommendations for stroke survivors. Stroke 2014;45:2532–2553',
    ],
  },
  pulmonary_8w: {
    id: 'pulmonary_8w',
    condition: 'pulmonary',
    title: { ru: 'После пневмонии или COVID-19', en: 'After pneumonia or COVID-19' },
    weeks: 8,
    sessionsPerWeek: 3,
    phases: [
      {
        name: { ru: 'Дыхание и короткие нагрузки', en: 'Breathing and short bouts' },
        fromWeek: 1,
        toWeek: 3,
        exercises: [
          minutes('breathing_control', 5),
          minutes('pursed_lip_breathing', 5),
          minutes('interval_walking', 12),
          reps('sit_to_stand', 2, 8),
        ],
      },
      {
        name: { ru: 'Выносливость', en: 'Endurance' },
        fromWeek: 4,
        toWeek: 8,
        exercises: [
          minutes('breathing_control', 5),
          minutes('walking', 20),
          reps('sit_to_stand', 3, 10),
          reps('band_resistance', 2, 12),
        ],
      },
    ],
    measures: [
      { measure: 'six_minute_walk', everyWeeks: 4 },
      { measure: 'mmrc_dyspnoea', everyWeeks: 2 },
      { measure: 'hads', everyWeeks: 8 },
    ],
    sources: [
      'Spruit MA, et al. ATS/ERS statement: pulmonary rehabilitation. Am J Respir Crit Care Med 2013;188:e13–e64',
      'Barker-Davies RM, et al. Stanford Hall consensus statement for post-COVID-19 rehabilitation. Br J Sports Med 2020;54:949–959',
      'WHO. Support for rehabilitation: self-management after COVID-19-related illness, 2nd ed., 2021',
    ],
  },
  low_back_pain_8w: {
    id: 'low_back_pain_8w',
    condition: 'low_back_pain',
    title: { ru: 'Хроническая боль в пояснице', en: 'Chronic low back pain' },
    weeks: 8,
    sessionsPerWeek: 3,
    phases: [
      {
        name: { ru: 'Контроль движений', en: 'Motor control' },
        fromWeek: 1,
        toWeek: 4,
        exercises: [reps('pelvic_tilt', 2, 10), reps('bridge', 2, 8), minutes('walking', 15)],
      },
      {
        name: { ru: 'Сила и выносливость', en: 'Strength and endurance' },
        fromWeek: 5,
        toWeek: 8,
        exercises: [reps('bridge', 3, 12), reps('bird_dog', 3, 8), minutes('walking', 30)],
      },
    ],
    measures: [
      { measure: 'oswestry_disability_index', everyWeeks: 4 },
      { measure: 'pain_nrs', everyWeeks: 1 },
      { measure: 'hads', everyWeeks: 8 },
    ],
    sources: [
      'NICE guideline NG59, Low back pain and sciatica in over 16s: assessment and management, 2016',
      'Hayden JA, et al. Exercise therapy for chronic low back pain. Cochrane Database Syst Rev 2021;9:CD009790',
    ],
  },
};
