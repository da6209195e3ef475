/**
 * `npm run deploy:check`: everything about a deployment that can be checked offline.
 * - every function in serverless.yml builds into dist/<name>/index.js and its zip;
 * - every .tf file in infra/ parses (HCL → JSON);
 * - residency: no region, zone or host outside Russia in infra/, serverless.yml or the contract;
 * - every queue a function or event uses exists in infra/ (with its dead-letter queue);
 * - every route in contracts/openapi.yaml maps to a deployed function with that HTTP trigger.
 * Not here: packaging with the Serverless plugin (`npx serverless@3 package`, 250+ MB, not in
 * `npm install`) and `terraform validate` (needs the provider download). Exits 1 on a failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { catalog } from '../events/catalog';
import { loadOperations } from '../local/openapi-routes';
import { loadRegistry } from '../local/registry';
import { buildAll } from './build';
import { foreignLocations } from './residency-lint';

const root = resolve(import.meta.dirname, '..');
// Loaded without its type declarations: they pull the DOM library into the whole project.
const { parse: parseHcl } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse(file: string, text: string): Promise<Record<string, unknown>>;
};
const failures: string[] = [];
const check = (name: string, problems: string[]) => {
  console.log(`${problems.length ? '✗' : '✓'} ${name}`);
  for (const problem of problems) console.log(`    ${problem}`);
  failures.push(...problems);
};

async function main() {
  const registry = loadRegistry(root);

  const built = await buildAll();
  const builtNames = new Set(built.map((fn) => fn.name));
  check(
    `every function in serverless.yml is built (${built.length})`,
    registry.functions
      .filter((fn) => !builtNames.has(fn.name))
      .map((fn) => `${fn.name}: no dist/${fn.name}.zip`),
  );

  const infraDir = join(root, 'infra');
  const tfFiles = readdirSync(infraDir).filter((f) => f.endsWith('.tf'));
  const parsed: Record<string, Record<string, unknown>> = {};
  const parseProblems: string[] = [];
  for (const file of tfFiles) {
    try {
      parsed[file] = await parseHcl(file, readFileSync(join(infraDir, file), 'utf8'));
    } catch (error) {
      parseProblems.push(`${file}: ${(error as Error).message}`);
    }
  }
  check(`every infra/*.tf parses (${tfFiles.length})`, parseProblems);

  const scanned = [...tfFiles.map((f) => `infra/${f}`), 'serverless.yml', 'contracts/openapi.yaml'].flatMap(
    (file) => foreignLocations(file, readFileSync(join(root, file), 'utf8')),
  );
  check('residency: regions, zones and hosts stay in Russia', scanned);

  const queuesVariable = (
    parsed['variables.tf']?.variable as Record<string, { default?: Record<string, unknown> }[]>
  )?.queues?.[0]?.default;
  const infraQueues = new Set(Object.keys(queuesVariable ?? {}));
  const used = new Set([
    ...registry.functions.flatMap((fn) => fn.triggers.flatMap((t) => (t.kind === 'ymq' ? [t.queue] : []))),
    ...catalog.map((event) => event.queue),
  ]);
  check(
    `every queue in use exists in infra/ with its dead-letter queue (${[...used].sort().join(', ')})`,
    [...used]
      .filter((queue) => !infraQueues.has(queue))
      .map((queue) => `${queue}: not in infra/variables.tf var.queues`),
  );

  const routeProblems: string[] = [];
  for (const operation of loadOperations(join(root, 'contracts/openapi.yaml'))) {
    const fn = registry.functions.find((f) => f.name === operation.functionName);
    const routed = fn?.triggers.some(
      (t) => t.kind === 'http' && t.method === operation.method && t.path === operation.path,
    );
    if (!routed)
      routeProblems.push(
        `${operation.method} ${operation.path} → ${operation.functionName}: no such http trigger`,
      );
  }
  check('every route in contracts/openapi.yaml maps to a deployed function', routeProblems);

  console.log(failures.length ? `\n${failures.length} problem(s)` : '\nall offline checks pass');
  process.exitCode = failures.length ? 1 : 0;
}

void main();
