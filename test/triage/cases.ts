import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Samples are read in place from ../shared (never copied into the repository). */
export function sample<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(projectRoot, '../shared/samples/clinical', file), 'utf8')) as T;
}

export const ruleIds = (redFlags: { id: string }[]) => redFlags.map((flag) => flag.id);
