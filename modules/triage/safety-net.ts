import { type CrisisSeverity, conceptById } from './concepts';
import type { Facts } from './rules/conditions';
import type { ComplaintReading } from './text/read-complaint';
import type { Disposition, Localized, Specialty } from './vocabulary';

/** A least disposition the answer may not go below, and why. */
export interface Floor {
  id: string;
  disposition: Disposition;
  specialty?: Specialty;
  crisis?: CrisisSeverity;
  reason: Localized;
}

const fevered = (facts: Facts) =>
  facts.symptoms.get('fever')?.present === true || (facts.vitals.temperature ?? 0) >= 38;

/**
 * The safety net no reading can bypass (issue 17, item 3): whatever the rules made of the
 * text, an emergency concept stays an emergency, a feverish baby of three months or less goes
 * to hospital, one under six months never self-cares, and sudden, worst-ever or severe pain,
 * or words the engine could not read, never end in self-care.
 */
export function safetyFloors(facts: Facts, reading: ComplaintReading, understood: boolean): Floor[] {
  const floors: Floor[] = [];
  for (const id of reading.concepts) {
    const concept = conceptById.get(id);
    if (!concept || (concept.requires && !concept.requires.some((other) => reading.concepts.has(other))))
      continue;
    floors.push({
      id: `concept.${id}`,
      disposition: concept.disposition,
      specialty: concept.specialty,
      ...(concept.crisis ? { crisis: concept.crisis } : {}),
      reason: concept.reason,
    });
  }
  if (fevered(facts) && facts.ageMonths <= 3)
    floors.push({
      id: 'safety.infant_fever',
      disposition: 'emergency',
      specialty: 'pediatrician',
      reason: {
        ru: 'Температура у ребёнка до 3 месяцев включительно: осмотр врача сейчас (NICE NG143).',
        en: 'Fever in a baby aged 3 months or under: see a doctor now (NICE NG143).',
      },
    });
  else if (fevered(facts) && facts.ageMonths < 6)
    floors.push({
      id: 'safety.young_infant_fever',
      disposition: 'consultation_24',
      specialty: 'pediatrician',
      reason: {
        ru: 'Температура у ребёнка младше 6 месяцев: врач в течение суток.',
        en: 'Fever in a baby under 6 months: a doctor within 24 hours.',
      },
    });
  const present = [...facts.symptoms.values()].filter((f) => f.present);
  if (present.some((f) => f.onset === 'sudden' && f.severity === 'severe'))
    floors.push({
      id: 'safety.sudden_severe_pain',
      disposition: 'emergency',
      reason: {
        ru: 'Внезапная сильная боль или симптом (внезапный болевой синдром, 388н): нужна экстренная помощь.',
        en: 'Sudden severe pain or symptom: needs emergency care.',
      },
    });
  if (present.some((f) => f.onset === 'sudden'))
    floors.push({
      id: 'safety.sudden_onset',
      disposition: 'consultation',
      reason: { ru: 'Внезапное начало: не для самолечения.', en: 'Sudden onset: not for self-care.' },
    });
  if (present.some((f) => f.severity === 'severe'))
    floors.push({
      id: 'safety.severe',
      disposition: 'consultation',
      reason: {
        ru: 'Сильная боль или выраженный симптом: не для самолечения.',
        en: 'Severe pain or symptom: not for self-care.',
      },
    });
  if (!understood)
    floors.push({
      id: 'safety.not_understood',
      disposition: 'consultation',
      reason: {
        ru: 'Часть описания не распознана: нужен врач, а не самолечение.',
        en: 'Part of the description was not understood: a doctor, not self-care.',
      },
    });
  return floors;
}
