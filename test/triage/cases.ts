import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const fixtures = resolve(import.meta.dirname, '../fixtures/clinical');

/** Clinical fixtures of test/fixtures/clinical (provenance in test/fixtures/README.md). */
export function sample<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(fixtures, file), 'utf8')) as T;
}

export const ruleIds = (redFlags: { id: string }[]) => redFlags.map((flag) => flag.id);
