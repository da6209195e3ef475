import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personDataSections } from '../../modules/data-requests';
import { projectRoot } from '../support/test-cloud';

/** Modules that keep a patient id but no section of their own, and why. */
const exempt: Record<string, string> = {
  'data-requests': 'the requests themselves: the patient reads them through their own routes',
};

describe('the person-data registry', () => {
  it('has a section for every module whose tables name a patient', () => {
    // Prepare: the modules whose tables have a patient column
    const modulesDir = join(projectRoot, 'modules');
    const keeping = readdirSync(modulesDir).filter((module) => {
      try {
        return /\bpatient_id: /.test(readFileSync(join(modulesDir, module, 'tables.ts'), 'utf8'));
      } catch {
        return false;
      }
    });
    // Act
    const names = personDataSections.map((section) => section.name);
    // Assess
    expect(keeping.length).toBeGreaterThan(5);
    expect(keeping.filter((module) => !names.includes(module) && !exempt[module])).toEqual([]);
  });

  it('says, for every section, what an erasure removes or what it keeps and on which basis', () => {
    for (const section of personDataSections) {
      expect(section.erases ?? section.keeps, section.name).toBeDefined();
      if (section.keeps) expect(section.keeps.basis.ru && section.keeps.basis.en, section.name).toBeTruthy();
    }
  });
});
