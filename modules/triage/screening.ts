import type { Disposition, Localized, SymptomCode } from './vocabulary';

/** Body systems the red-flag screening questions are grouped by. */
export const bodySystems = [
  'general',
  'chest',
  'breathing',
  'neuro',
  'abdomen',
  'child',
  'pregnancy',
  'mind',
  'skin',
] as const;
export type BodySystem = (typeof bodySystems)[number];

export interface RedFlagQuestion {
  /** The key to answer under in `answers` (true = yes). */
  id: `redflag.${string}`;
  system: BodySystem;
  text: Localized;
  /** What a «yes» means: the disposition cannot end below this. */
  ifYes: Disposition;
}

/**
 * Yes/no red-flag questions (NHS 111 and 388n wording), asked when the reading is unsure:
 * words it could not place, or a rule half matched. A «yes» sets the disposition's floor;
 * «no» to every question asked settles the doubt.
 */
export const redFlagQuestions: readonly RedFlagQuestion[] = [
  {
    id: 'redflag.collapse_or_unresponsive',
    system: 'general',
    text: {
      ru: 'Человек терял сознание, его трудно разбудить или он не отвечает?',
      en: 'Has the person fainted, is hard to wake, or is not responding?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.heavy_bleeding',
    system: 'general',
    text: {
      ru: 'Есть сильное кровотечение, которое не останавливается?',
      en: 'Is there heavy bleeding that will not stop?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.sudden_severe_pain',
    system: 'general',
    text: {
      ru: 'Появилась внезапная очень сильная боль — самая сильная в жизни?',
      en: 'Is there sudden, very severe pain — the worst ever?',
    },
    ifYes: 'emergency',
  },
  {
    id: 'redflag.chest_pressing',
    system: 'chest',
    text: {
      ru: 'Есть давящая или сжимающая боль в груди, отдаёт в руку, шею, челюсть или спину?',
      en: 'Is there pressing or squeezing chest pain, spreading to the arm, neck, jaw or back?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.chest_sweat_breathless',
    system: 'chest',
    text: {
      ru: 'С болью в груди есть холодный пот, одышка или тошнота?',
      en: 'With the chest pain, is there a cold sweat, breathlessness or nausea?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.cannot_speak_breathless',
    system: 'breathing',
    text: {
      ru: 'Так трудно дышать, что невозможно договорить фразу, или синеют губы?',
      en: 'So breathless that a sentence cannot be finished, or are the lips turning blue?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.noisy_breathing_in',
    system: 'breathing',
    text: {
      ru: 'Слышен хрип или свист на вдохе, или втягивается грудь при дыхании?',
      en: 'Is there a harsh noise breathing in, or is the chest pulling in with each breath?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.face_arm_speech',
    system: 'neuro',
    text: {
      ru: 'Перекосило лицо, ослабла рука или нога с одной стороны, речь стала невнятной?',
      en: 'Has the face dropped, an arm or leg gone weak on one side, or speech become slurred?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.stiff_neck_light',
    system: 'neuro',
    text: {
      ru: 'С температурой или головной болью: шея не сгибается, свет режет глаза, сыпь не бледнеет при надавливании?',
      en: 'With fever or headache: a stiff neck, light hurting the eyes, or a rash that does not fade under a glass?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.abdomen_rigid_or_blood',
    system: 'abdomen',
    text: {
      ru: 'Живот очень сильно болит и напряжён, или рвота кровью, или чёрный стул?',
      en: 'Is the tummy very painful and hard, or is there vomiting blood or black stool?',
    },
    ifYes: 'emergency',
  },
  {
    id: 'redflag.child_drowsy_floppy',
    system: 'child',
    text: {
      ru: 'Ребёнок вялый, его трудно разбудить, он стонет или необычно плачет?',
      en: 'Is the child floppy, hard to wake, moaning or crying unusually?',
    },
    ifYes: 'emergency_ambulance',
  },
  {
    id: 'redflag.child_no_urine_rash',
    system: 'child',
    text: {
      ru: 'Ребёнок не мочится больше 12 часов, отказывается пить, или появилась сыпь, не бледнеющая при надавливании?',
      en: 'Has the child passed no urine for 12 hours, refused drinks, or got a rash that does not fade under a glass?',
    },
    ifYes: 'emergency',
  },
  {
    id: 'redflag.pregnancy_bleeding_movements',
    system: 'pregnancy',
    text: {
      ru: 'При беременности: кровотечение, сильная боль в животе, или ребёнок шевелится меньше обычного?',
      en: 'In pregnancy: bleeding, severe tummy pain, or the baby moving less than usual?',
    },
    ifYes: 'emergency',
  },
  {
    id: 'redflag.self_harm_thoughts',
    system: 'mind',
    text: {
      ru: 'Бывают ли мысли причинить себе вред или что лучше бы умереть?',
      en: 'Are there thoughts of harming yourself or that you would be better off dead?',
    },
    ifYes: 'consultation_24',
  },
  {
    id: 'redflag.swelling_throat_rash',
    system: 'skin',
    text: {
      ru: 'Отекают губы, язык или горло, или сыпь с затруднённым дыханием?',
      en: 'Are the lips, tongue or throat swelling, or a rash with difficulty breathing?',
    },
    ifYes: 'emergency_ambulance',
  },
];

const byId = new Map<string, RedFlagQuestion>(redFlagQuestions.map((q) => [q.id, q]));
export const redFlagQuestionById = (id: string) => byId.get(id);
export const isRedFlagQuestionId = (id: string) => byId.has(id);

const systemOf: Partial<Record<SymptomCode, BodySystem>> = {
  chest_pain: 'chest',
  chest_pressure: 'chest',
  palpitations: 'chest',
  sweating: 'chest',
  shortness_of_breath: 'breathing',
  wheeze: 'breathing',
  cough: 'breathing',
  headache: 'neuro',
  dizziness: 'neuro',
  confusion: 'neuro',
  syncope: 'neuro',
  abdominal_pain: 'abdomen',
  vomiting: 'abdomen',
  diarrhoea: 'abdomen',
  nausea: 'abdomen',
  rash: 'skin',
  hives: 'skin',
  itching: 'skin',
  face_swelling: 'skin',
  low_mood: 'mind',
  anxiety: 'mind',
  insomnia: 'mind',
  pregnancy: 'pregnancy',
  vaginal_bleeding: 'pregnancy',
};

/** At most this many at once: a chatbot asks them one by one before offering slots. */
const maxScreening = 5;

/** The questions for the systems the text touches (general ones first), or the general set. */
export function screeningFor(codes: SymptomCode[], child: boolean): RedFlagQuestion[] {
  const systems = new Set<BodySystem>(['general']);
  for (const code of codes) {
    const system = systemOf[code];
    if (system) systems.add(system);
  }
  if (child) systems.add('child');
  if (systems.size === 1) for (const s of ['chest', 'breathing', 'neuro'] as const) systems.add(s);
  const chosen = redFlagQuestions.filter((q) => systems.has(q.system) && q.system !== 'general');
  const general = redFlagQuestions.filter((q) => q.system === 'general');
  return [...chosen, ...general].slice(0, maxScreening);
}
