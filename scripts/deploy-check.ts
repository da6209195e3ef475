/**
 * `npm run deploy:check`: everything about a deployment that can be checked offline (the checks
 * themselves are in deploy-checks.ts). Builds every function, parses every infra/*.tf, lints
 * residency, holds every resource block to the pinned provider's schema (infra/provider-schema.json),
 * compares serverless.yml with infra/, the contract and the settings each function's modules
 * declare, checks zip sizes, senders and dead-letter queues, and runs the Serverless plugin's
 * packaging with placeholder credentials. Not here: `terraform validate`
 * (needs the provider download). Exits 1 on any problem.
 *   --skip-build   check the bundles already in the dist directory instead of building them
 *   --dist <dir>   where the bundles are (default dist/)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { catalog } from '../events/registry';
import { loadOperations } from '../local/openapi-routes';
import { BuildError, buildAll } from './build';
import { type ProviderSchema, pinnedVersionProblems, schemaProblems } from './deploy/provider-schema';
import * as checks from './deploy-checks';
import {
  deployPlaceholders,
  operatorSettings,
  parseServerless,
  readInfra,
  type TfJson,
} from './deploy-inputs';
import { settingDefaults, settingsOfFunctions } from './function-settings';
import { foreignLocations } from './residency-lint';
import { packageOffline } from './serverless-package';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: { 'skip-build': { type: 'boolean', default: false }, dist: { type: 'string' } },
});
const distDir = resolve(options.dist ?? join(root, 'dist'));
// Loaded without its type declarations: they pull the DOM library into the whole project.
const { parse: parseHcl } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse(file: string, text: string): Promise<TfJson>;
};
const read = (file: string) => readFileSync(join(root, file), 'utf8');

let failures = 0;
const report = (name: string, problems: string[]) => {
  console.log(`${problems.length ? '✗' : '✓'} ${name}`);
  for (const problem of problems) console.log(`    ${problem}`);
  failures += problems.length;
};

/** Names of the functions with a bundle, and why the others have none. */
async function builtFunctions(): Promise<{ built: Set<string>; failed: string[] }> {
  if (options['skip-build']) {
    const zips = readdirSync(distDir).filter((file) => file.endsWith('.zip'));
    return { built: new Set(zips.map((file) => file.slice(0, -'.zip'.length))), failed: [] };
  }
  try {
    return { built: new Set((await buildAll()).map((fn) => fn.name)), failed: [] };
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    const failed = error.failed.map((f) => `${f.name}: build failed: ${f.message.split('\n')[0]}`);
    return { built: new Set(error.built.map((fn) => fn.name)), failed };
  }
}

async function parseInfra(files: string[]): Promise<{ parsed: TfJson[]; problems: string[] }> {
  const parsed: TfJson[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      parsed.push(await parseHcl(file, read(`infra/${file}`)));
    } catch (error) {
      problems.push(`infra/${file}: ${(error as Error).message}`);
    }
  }
  return { parsed, problems };
}

async function main() {
  const serverlessText = read('serverless.yml');
  const contractText = read('contracts/openapi.yaml');
  const file = parseServerless(serverlessText);

  const { built, failed } = await builtFunctions();
  report(`every function in serverless.yml is built (${built.size})`, [
    ...failed,
    ...checks.unbuiltFunctions(file, built),
  ]);

  const tfFiles = readdirSync(join(root, 'infra')).filter((f) => f.endsWith('.tf'));
  const { parsed, problems } = await parseInfra(tfFiles);
  report(`every infra/*.tf parses (${tfFiles.length})`, problems);
  const infra = readInfra(parsed);
  const schema = JSON.parse(read('infra/provider-schema.json')) as ProviderSchema;
  const versions = parsed[tfFiles.indexOf('versions.tf')] as {
    terraform?: { required_providers?: { yandex?: { version?: string } }[] }[];
  };
  report(`every resource block has what provider ${schema.version} requires (infra/provider-schema.json)`, [
    ...pinnedVersionProblems(versions?.terraform?.[0]?.required_providers?.[0]?.yandex?.version, schema),
    ...parsed.flatMap((tf, i) => schemaProblems(`infra/${tfFiles[i]}`, tf, schema)),
  ]);
  const namePrefix = String(
    parsed.find((tf) => tf.variable?.name_prefix)?.variable?.name_prefix?.[0]?.default,
  );

  report(
    'residency: regions, zones and hosts stay in Russia',
    [...tfFiles.map((f) => `infra/${f}`), 'serverless.yml', 'contracts/openapi.yaml'].flatMap((f) =>
      foreignLocations(f, read(f)),
    ),
  );

  const inUse = checks.queuesInUse(
    file,
    catalog.map((event) => event.queue),
  );
  report(
    `every queue in use exists in infra/ with its dead-letter queue (${[...inUse.keys()].sort().join(', ')})`,
    checks.queuesMissingFromInfra(inUse, infra),
  );

  const routes = loadOperations(join(root, 'contracts/openapi.yaml'));
  report(
    `every route in contracts/openapi.yaml maps to a deployed function (${routes.length})`,
    checks.unroutedOperations(routes, file),
  );
  const contract = parse(contractText) as {
    'x-yc-apigateway'?: { variables?: Record<string, unknown>; cors?: { methods?: string[] } };
  };
  report(
    'every method of the contract is allowed by its CORS rule',
    checks.routesOutsideCors(routes, contract['x-yc-apigateway']?.cors?.methods ?? []),
  );
  report(
    'every variable of contracts/openapi.yaml is declared for API Gateway',
    checks.undeclaredGatewayVariables(
      contractText,
      Object.keys(contract['x-yc-apigateway']?.variables ?? {}),
    ),
  );

  report(
    'every account in serverless.yml is a service account in infra/',
    checks.accountsMissingFromInfra(file, infra),
  );
  const groups = await settingsOfFunctions(root);
  report(
    'every bucket serverless.yml names comes from terraform output deploy_env',
    checks.bucketsNotFromTerraform(file, infra),
  );
  report(
    'every sender is the operator’s, not a placeholder',
    checks.sendersNotGiven(
      file,
      (name) => settingDefaults(new Map([[name, groups.get(name) ?? []]])),
      process.env,
    ),
  );
  report(
    'single ownership: serverless.yml declares no resources and no API Gateway',
    checks.ownedTwice(file),
  );
  report(
    'serverless.yml deploys what it says with the Serverless plugin',
    checks.pluginPitfalls(file).concat(checks.keysOfOtherAccounts(file, namePrefix)),
  );
  report(
    'every trigger keeps what fails every retry in a dead-letter queue of infra/',
    checks.triggersThatDrop(file, infra),
  );
  report(
    'every env setting serverless.yml needs comes from terraform output deploy_env or the operator',
    checks.deployEnvMissing(serverlessText, infra, operatorSettings),
  );

  report(
    "every function is given what its modules' settings need in the cloud, and passes their checks",
    checks.settingsRefused(file, deployPlaceholders, (name) => groups.get(name) ?? []),
  );

  const zipSizes = new Map(
    [...built].map((name) => [
      name,
      statSync(join(distDir, `${name}.zip`), { throwIfNoEntry: false })?.size ?? 0,
    ]),
  );
  report('every zip is under the 3.5 MiB direct upload', checks.oversizedZips(zipSizes));

  const packaging = await packageOffline(root, distDir, serverlessText);
  report(
    'serverless package (the plugin, placeholder credentials)',
    checks.packagingProblems(packaging.output, packaging.exitCode),
  );

  console.log(failures ? `\n${failures} problem(s)` : '\nall offline checks pass');
  process.exitCode = failures ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
