import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IFlattenedRuleSet, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/test-cloud';

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IFlattenedRuleSet;

/** The house rules of .dependency-cruiser.cjs, run on a tree of files. */
async function violationsIn(baseDir: string, roots: string[]): Promise<IViolation[]> {
  const cwd = process.cwd();
  process.chdir(baseDir);
  try {
    const result = await cruise(
      roots,
      {
        validate: true,
        ruleSet: { forbidden: rules.forbidden ?? [] },
        tsPreCompilationDeps: false,
        exclude: { path: 'node_modules' },
      },
      { extensions: ['.ts', '.js'] },
    );
    if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text');
    return result.output.summary.violations;
  } finally {
    process.chdir(cwd);
  }
}

/** A small tree laid out like the project's, with the files given. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const sound = {
  'modules/booking/index.ts': "export { holdSlot } from './appointments';\n",
  'modules/booking/appointments.ts': 'export const holdSlot = () => 1;\n',
  'modules/booking/domain/slot.ts': 'export const minutes = 30;\n',
  'modules/chatbot/index.ts': "export { reply } from './reply';\n",
  'modules/chatbot/reply.ts':
    "import { holdSlot } from '../booking';\nexport const reply = () => holdSlot();\n",
  'platform/http.ts': 'export const route = 1;\n',
  'storage/port.ts': 'export const port = 1;\n',
};

describe('module boundaries (npm run lint)', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const check = async (files: Record<string, string>) => {
    const dir = tree(files);
    made.push(dir);
    return (await violationsIn(dir, ['modules', 'platform', 'storage'])).map((v) => v.rule.name);
  };

  it('hold in the repository itself', async () => {
    // Act
    const violations = await violationsIn(projectRoot, [
      'modules',
      'functions',
      'platform',
      'storage',
      'events',
      'local',
      'scripts',
    ]);
    // Assess
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('accept a module that uses another through its face', async () => {
    // Act
    const violations = await check(sound);
    // Assess
    expect(violations).toEqual([]);
  });

  it("refuse a module that imports another module's internal file", async () => {
    // Prepare
    const files = {
      ...sound,
      'modules/chatbot/reply.ts':
        "import { holdSlot } from '../booking/appointments';\nexport const reply = () => holdSlot();\n",
    };
    // Act
    const violations = await check(files);
    // Assess
    expect(violations).toContain('module-internals-from-another-module');
  });

  it('refuse the shared layers reaching up into a module', async () => {
    // Prepare
    const files = {
      ...sound,
      'storage/port.ts': "import { holdSlot } from '../modules/booking';\nexport const port = holdSlot;\n",
    };
    // Act
    const violations = await check(files);
    // Assess
    expect(violations).toContain('storage-knows-no-capability');
  });

  it('refuse domain code that reaches the runtime kit', async () => {
    // Prepare
    const files = {
      ...sound,
      'modules/booking/domain/slot.ts':
        "import { route } from '../../../platform/http';\nexport const minutes = route;\n",
    };
    // Act
    const violations = await check(files);
    // Assess
    expect(violations).toContain('domain-is-pure');
  });

  it('refuse two modules that import each other', async () => {
    // Prepare
    const files = {
      ...sound,
      'modules/booking/appointments.ts':
        "import { reply } from '../chatbot';\nexport const holdSlot = () => reply;\n",
    };
    // Act
    const violations = await check(files);
    // Assess
    expect(violations).toContain('no-module-cycles');
  });
});
