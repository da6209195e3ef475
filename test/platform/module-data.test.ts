import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/test-cloud';

const modulesDir = join(projectRoot, 'modules');
const read = (...path: string[]) => {
  try {
    return readFileSync(join(modulesDir, ...path), 'utf8');
  } catch {
    return '';
  }
};
const modules = readdirSync(modulesDir);

/** Which module declares each repository (its store.ts) and each table (its tables.ts). */
function owners() {
  const repositories = new Map<string, string>();
  const tables = new Map<string, string>();
  for (const module of modules) {
    for (const [, name] of read(module, 'store.ts').matchAll(/^\s+(\w+): \(\{/gm))
      repositories.set(name as string, module);
    for (const [, name] of read(module, 'tables.ts').matchAll(/^ {2}(\w+): \{$/gm))
      tables.set(name as string, module);
  }
  return { repositories, tables };
}

/** The other modules whose repositories or tables a module's code uses. */
function dataDependencies(): Map<string, Set<string>> {
  const { repositories, tables } = owners();
  const uses = new Map<string, Set<string>>();
  for (const module of modules) {
    const found = new Set<string>();
    const files = (readdirSync(join(modulesDir, module), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.ts'),
    );
    for (const file of files) {
      const text = read(module, file);
      for (const [, name] of text.matchAll(/\b(?:repos|r|tx)\.(\w+)\b/g))
        found.add(repositories.get(name as string) ?? module);
      for (const [, name] of text.matchAll(/\.(?:get|find|insert|upsert|update|remove)\(\s*'(\w+)'/g))
        found.add(tables.get(name as string) ?? module);
    }
    found.delete(module);
    uses.set(module, found);
  }
  return uses;
}

describe("a module's data", () => {
  it('is reached by other modules only where they load its store, so each bundle holds the repositories it uses', () => {
    // Prepare
    const dependencies = dataDependencies();
    // Act: every module whose data another uses must be loaded by that module's store.ts
    const unloaded = [...dependencies].flatMap(([module, owners]) =>
      [...owners]
        .filter((owner) => !read(module, 'store.ts').includes(`import '../${owner}';`))
        .map(
          (owner) =>
            `${module} uses ${owner}'s repositories or tables without import '../${owner}' in its store.ts`,
        ),
    );
    // Assess
    expect(unloaded).toEqual([]);
    expect(dependencies.get('notifications')).toEqual(new Set(['booking', 'patients']));
  });
});
