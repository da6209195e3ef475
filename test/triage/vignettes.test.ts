import { describe, expect, it } from 'vitest';
import { triage } from '../../modules/triage/triage';
import type { Language } from '../../modules/triage/vocabulary';

type Level = 'emergency' | 'doctor' | 'self_care';
const levelOf = (disposition: string): Level =>
  disposition.startsWith('emergency') ? 'emergency' : disposition === 'self_care' ? 'self_care' : 'doctor';

/** Everyday cases in the style of published symptom-checker vignettes (emergent / see a doctor / self-care). */
const vignettes: [Level, number, Language, string][] = [
  ['emergency', 45, 'en', 'A 45-year-old man has had chest pressure for an hour with sweating and nausea.'],
  [
    'emergency',
    25,
    'en',
    'Pain around the belly button moving to the lower right abdomen since yesterday, fever and vomiting.',
  ],
  ['emergency', 68, 'en', 'COPD, three days of worsening shortness of breath and green sputum.'],
  ['emergency', 35, 'en', 'My left calf is swollen and painful after a long flight.'],
  ['emergency', 40, 'en', 'Fever and chills after returning from Nigeria a week ago.'],
  ['emergency', 35, 'en', 'Took 30 paracetamol tablets yesterday, now nausea.'],
  ['emergency', 75, 'en', 'Cough, fever, and she has become confused today.'],
  ['emergency', 55, 'ru', 'Внезапная одышка и боль в груди при вдохе, две недели назад операция на колене.'],
  ['emergency', 4, 'ru', 'Понос с кровью 3 дня, ребёнок бледный, с утра не писал.'],
  ['emergency', 50, 'ru', 'Сахарный диабет, сахар 2.0, муж говорит, что я заговариваюсь.'],
  ['emergency', 1, 'ru', 'Температура 39, вялый, не просыпается, кряхтит.'],
  ['emergency', 35, 'ru', 'Выпил 30 таблеток парацетамола вчера, тошнит.'],
  ['doctor', 3, 'en', 'Ear pain and fever for a day.'],
  ['doctor', 19, 'en', 'Sore throat, fever 38.5, swollen glands, no cough.'],
  ['doctor', 28, 'ru', 'Жжение при мочеиспускании, часто бегаю в туалет.'],
  ['doctor', 60, 'ru', 'Кружится голова, когда поворачиваюсь в кровати, проходит за минуту.'],
  ['doctor', 30, 'en', 'Bulls-eye rash on my leg after a tick bite, no fever.'],
  ['self_care', 35, 'en', 'Cough for 10 days after a cold, no fever, no shortness of breath.'],
  ['self_care', 30, 'en', 'Fever, body aches, cough and headache for two days, it is flu season.'],
  [
    'self_care',
    40,
    'ru',
    'Заболела поясница после того, как поднимал коробки, онемения нет, с мочеиспусканием всё нормально.',
  ],
  ['self_care', 8, 'ru', 'Укусила оса в руку, небольшой отёк в месте укуса.'],
  ['self_care', 28, 'ru', 'Тошнота, рвота и понос со вчерашнего дня, пью воду, держится.'],
  ['self_care', 25, 'ru', 'Подвернул ногу, немного опухла лодыжка, могу ходить.'],
];

describe('everyday vignettes', () => {
  it.each(vignettes)('%s for a %i-year-old (%s): %s', (level, age, language, complaint) => {
    expect(levelOf(triage({ age, complaint }, language).disposition)).toBe(level);
  });
});
