import type { Exercise } from './exercises';

const unsteady = { ru: 'Не может стоять без опоры', en: 'Cannot stand without support' };
const severeSpine = {
  ru: 'Нарастающая слабость или онемение в ногах',
  en: 'Increasing weakness or numbness in the legs',
};
const lowOxygen = {
  ru: 'Сатурация в покое ниже 90 % без кислорода',
  en: 'Resting SpO2 below 90 % without oxygen',
};

/**
 * The library's exercises after stroke, for the lungs (after pneumonia or COVID-19) and for chronic
 * low back pain. Instructions follow: Billinger SA, et al. Physical activity and exercise
 * recommendations for stroke survivors, Stroke 2014;45:2532–2553; the ATS/ERS statement on
 * pulmonary rehabilitation (Spruit MA, et al. Am J Respir Crit Care Med 2013;188:e13–e64) and WHO,
 * Support for rehabilitation: self-management after COVID-19-related illness, 2nd ed., 2021; NICE
 * guideline NG59, Low back pain and sciatica in over 16s, 2016 (exercise as first-line care).
 */
export const moreExercises: Exercise[] = [
  {
    id: 'standing_balance',
    name: { ru: 'Равновесие стоя', en: 'Standing balance' },
    instructions: {
      ru: 'Встаньте у стола, держась одной рукой. Перенесите вес на одну ногу и стойте 10 секунд, затем на другую.',
      en: 'Stand at a table holding it with one hand. Shift your weight onto one leg for 10 seconds, then the other.',
    },
    contraindications: [unsteady],
    equipment: ['table'],
  },
  {
    id: 'reach_and_grasp',
    name: { ru: 'Дотянуться и взять', en: 'Reach and grasp' },
    instructions: {
      ru: 'Сидя за столом, дотянитесь ослабленной рукой до предмета, возьмите его и переложите. Медленно, без рывков.',
      en: 'Sitting at a table, reach for an object with the weaker arm, pick it up and move it. Slowly, without jerks.',
    },
    contraindications: [{ ru: 'Боль в плече при подъёме руки', en: 'Shoulder pain on raising the arm' }],
    equipment: ['table', 'cup'],
  },
  {
    id: 'breathing_control',
    name: { ru: 'Диафрагмальное дыхание', en: 'Breathing control' },
    instructions: {
      ru: 'Сядьте удобно, одну руку положите на живот. Вдыхайте носом так, чтобы поднимался живот, выдыхайте медленно.',
      en: 'Sit comfortably with a hand on your belly. Breathe in through the nose so the belly rises, breathe out slowly.',
    },
    contraindications: [],
    equipment: [],
  },
  {
    id: 'pursed_lip_breathing',
    name: { ru: 'Дыхание через сомкнутые губы', en: 'Pursed-lip breathing' },
    instructions: {
      ru: 'Вдох носом на счёт 2, выдох через сложенные трубочкой губы на счёт 4. Используйте при одышке во время ходьбы.',
      en: 'Breathe in through the nose for 2, out through pursed lips for 4. Use it when breathless while walking.',
    },
    contraindications: [],
    equipment: [],
  },
  {
    id: 'interval_walking',
    name: { ru: 'Ходьба с паузами', en: 'Interval walking' },
    instructions: {
      ru: 'Идите 2 минуты, отдыхайте 1 минуту, повторяйте. Одышка — не сильнее «умеренной», говорить можно.',
      en: 'Walk 2 minutes, rest 1 minute, repeat. Breathlessness no more than moderate, able to talk.',
    },
    contraindications: [lowOxygen, { ru: 'Температура выше 37,5 °C', en: 'Temperature above 37.5 °C' }],
    equipment: [],
  },
  {
    id: 'pelvic_tilt',
    name: { ru: 'Наклон таза', en: 'Pelvic tilt' },
    instructions: {
      ru: 'Лёжа на спине с согнутыми коленями, прижмите поясницу к полу, напрягая живот, держите 5 секунд.',
      en: 'Lying on your back with knees bent, press the low back into the floor by tightening the belly, hold 5 seconds.',
    },
    contraindications: [severeSpine],
    equipment: ['mat'],
  },
  {
    id: 'bridge',
    name: { ru: 'Мостик', en: 'Bridge' },
    instructions: {
      ru: 'Лёжа на спине с согнутыми коленями, поднимите таз до прямой линии от плеч до колен, опустите медленно.',
      en: 'Lying on your back with knees bent, lift the hips to a straight line from shoulders to knees, lower slowly.',
    },
    contraindications: [severeSpine],
    equipment: ['mat'],
  },
  {
    id: 'bird_dog',
    name: { ru: 'Вытягивание на четвереньках', en: 'Bird dog' },
    instructions: {
      ru: 'Стоя на четвереньках, вытяните вперёд руку и назад противоположную ногу, спина ровная, держите 5 секунд.',
      en: 'On hands and knees, reach one arm forward and the opposite leg back, back level, hold 5 seconds.',
    },
    contraindications: [
      severeSpine,
      { ru: 'Боль в запястьях или коленях в упоре', en: 'Wrist or knee pain on all fours' },
    ],
    equipment: ['mat'],
  },
];
