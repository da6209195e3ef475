import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type ExpectedClass = 'emergency' | 'consultation_24' | 'consultation' | 'self_care';

export interface BankCase {
  id: string;
  lang: 'ru' | 'en' | 'translit' | 'mixed';
  age: number;
  sex?: 'female' | 'male';
  expected: ExpectedClass;
  source: string;
  text: string;
}

const bankDir = resolve(import.meta.dirname, '../fixtures/triage');

/** Every case of test/fixtures/triage/*.psv (format in its README). */
export function loadCaseBank(): BankCase[] {
  const cases: BankCase[] = [];
  for (const file of readdirSync(bankDir)
    .filter((name) => name.endsWith('.psv'))
    .sort()) {
    for (const line of readFileSync(resolve(bankDir, file), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [id, lang, age, sex, expected, source, ...text] = line.split('|');
      cases.push({
        id: id as string,
        lang: lang as BankCase['lang'],
        age: Number(age),
        ...(sex === 'f' ? { sex: 'female' as const } : sex === 'm' ? { sex: 'male' as const } : {}),
        expected: expected as ExpectedClass,
        source: source as string,
        text: text.join('|'),
      });
    }
  }
  return cases;
}

const classRank: Record<ExpectedClass, number> = {
  emergency: 0,
  consultation_24: 1,
  consultation: 2,
  self_care: 3,
};

/** The class a disposition falls in: both emergency dispositions are `emergency`. */
export function classOf(disposition: string): ExpectedClass {
  return disposition.startsWith('emergency') ? 'emergency' : (disposition as ExpectedClass);
}

/** Less urgent than the case expects. */
export function underTriaged(expected: ExpectedClass, disposition: string): boolean {
  return classRank[classOf(disposition)] > classRank[expected];
}
