import { symptomLabels, vitalLabels } from './labels';
import type { OpenLeaf } from './rules/conditions';
import type { Language } from './vocabulary';

export interface Question {
  /** The key to send the answer back under, in `answers`. */
  id: string;
  text: string;
  answer: 'yes_no' | 'number';
  unit?: string;
}

/** At most this many follow-ups at once: a chatbot asks them one by one. */
const maxQuestions = 5;

const units: Record<string, Record<Language, string>> = {
  mmHg: { ru: 'мм рт. ст.', en: 'mmHg' },
  '/min': { ru: 'в минуту', en: 'per minute' },
  '%': { ru: '%', en: '%' },
  Cel: { ru: '°C', en: '°C' },
  'mmol/L': { ru: 'ммоль/л', en: 'mmol/L' },
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Follow-up questions whose answers could change the disposition, in the request's language. */
export function questionsFor(open: OpenLeaf[], language: Language): Question[] {
  return open.slice(0, maxQuestions).map((leaf) => {
    if (leaf.kind === 'vital') {
      const label = vitalLabels[leaf.name];
      const unit = units[label.unit]?.[language] ?? label.unit;
      const text =
        language === 'ru'
          ? `Если можете измерить: ${label.ru}, ${unit}?`
          : `If you can measure it: ${label.en}, ${unit}?`;
      return { id: leaf.name, text, answer: 'number', unit: label.unit };
    }
    const label = symptomLabels[leaf.code][language];
    if (leaf.kind === 'symptom') {
      const text = language === 'ru' ? `Есть ли сейчас: ${label}?` : `Is this happening: ${label}?`;
      return { id: leaf.code, text, answer: 'yes_no' };
    }
    const text =
      leaf.modifier === 'sudden'
        ? language === 'ru'
          ? `${capitalize(label)}: началось внезапно, за секунды или минуты?`
          : `${capitalize(label)}: did it start suddenly, within seconds or minutes?`
        : language === 'ru'
          ? `${capitalize(label)}: выражено очень сильно?`
          : `${capitalize(label)}: is it severe?`;
    return { id: `${leaf.code}.${leaf.modifier}`, text, answer: 'yes_no' };
  });
}
