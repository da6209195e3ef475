import type { SymptomCode } from '../vocabulary';
import { abdomenAndUrogenital } from './abdomen-and-urogenital';
import { background } from './background';
import { cardiorespiratory } from './cardiorespiratory';
import { general } from './general';
import { mind } from './mind';
import { neurological } from './neurological';
import { paediatric } from './paediatric';
import type { PatternTable } from './patterns';
import { skinAndAllergy } from './skin-and-allergy';

const tables: PatternTable[] = [
  cardiorespiratory,
  neurological,
  skinAndAllergy,
  abdomenAndUrogenital,
  general,
  paediatric,
  mind,
  background,
];

/** Every pattern of the bilingual lexicon with the symptom it names. */
export const lexiconPatterns: { code: SymptomCode; pattern: string }[] = tables.flatMap((table) =>
  Object.entries(table).flatMap(([code, patterns]) =>
    (patterns ?? []).map((pattern) => ({ code: code as SymptomCode, pattern })),
  ),
);
