/**
 * `npm run deploy`: deploys serverless.yml's functions in batches the quotas allow, then verifies
 * what exists against serverless.yml, infra/ and the contract, exiting 1 on any difference.
 *
 * Why batches: the Serverless plugin starts every function's operation at once, logs failures and
 * exits 0, and creates triggers only after every function succeeded. Each batch is a copy of
 * serverless.yml with only its functions, which the plugin deploys with their triggers; functions
 * outside the copy are left as they are (the plugin only reports them). The plugin's own exit
 * code is not trusted: the verification is.
 *
 * Why REST and no SDK: the verification needs five GET calls; @yandex-cloud/nodejs-sdk was
 * removed from the project (gRPC and protobuf for a few calls, a token refresh that stops after
 * 30 s), so they are plain fetch calls with the IAM token the deploy already uses.
 *
 *   --dry-run                     print the batches and what would be verified; needs no credentials
 *   --functions-quota <n>         functions per cloud the quota allows (default 10, Yandex's default)
 *   --concurrent-operations <n>   function operations per folder at once (default 15) — batch size
 *   --stage <name>                Serverless stage, as in `serverless deploy --stage` (default dev)
 *   --before-gateway              first deploy: leave out what Terraform's second apply creates
 *                                 (the API Gateway, the IoT Core trigger) from the verification
 *   --verify-only                 deploy nothing, verify (after the second apply)
 * Environment (real run): YC_IAM_TOKEN, YC_CLOUD_ID, YC_FOLDER_ID and everything
 * `terraform output deploy_env` exports, plus the operator settings (README "Deploy").
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { batches, expectedState } from './deploy/expected';
import { differences, readFolder } from './deploy/verify';
import { sendersNotGiven } from './deploy-checks';
import { operatorSettings, parseServerless } from './deploy-inputs';
import { settingDefaults, settingsOfFunctions } from './function-settings';
import { runServerless } from './serverless-package';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'functions-quota': { type: 'string', default: '10' },
    'concurrent-operations': { type: 'string', default: '15' },
    stage: { type: 'string', default: 'dev' },
    'before-gateway': { type: 'boolean', default: false },
    'verify-only': { type: 'boolean', default: false },
  },
});
const read = (file: string) => readFileSync(join(root, file), 'utf8');

async function main(): Promise<number> {
  const serverlessText = read('serverless.yml');
  const contractText = read('contracts/openapi.yaml');
  const file = parseServerless(serverlessText);
  const service = String((parse(serverlessText, { maxAliasCount: -1 }) as { service: string }).service);
  const names = { functionPrefix: `${service}-${options.stage}-`, namePrefix: service };
  const functionNames = Object.keys(file.functions);
  const quota = Number(options['functions-quota']);
  const groups = batches(functionNames, Number(options['concurrent-operations']));
  const described = expectedState(file, contractText, names, process.env);
  // infra/'s trigger is the IoT one; it and the gateway come with the second apply.
  const expected = options['before-gateway']
    ? {
        ...described,
        triggers: described.triggers.filter((t) => t.kind !== 'iotMessage'),
        gateway: undefined,
      }
    : described;

  console.log(
    `${functionNames.length} functions in ${groups.length} batch(es) of at most ${options['concurrent-operations']}:`,
  );
  for (const [i, group] of groups.entries()) console.log(`  batch ${i + 1}: ${group.join(', ')}`);
  console.log(
    `then verify: ${expected.functions.length} functions (version tagged $latest, account, environment keys),`,
  );
  console.log(`  ${expected.triggers.length} triggers (kind, source, function, dead-letter queue):`);
  for (const trigger of expected.triggers)
    console.log(`    ${trigger.name}: ${trigger.kind} ${trigger.source}`);
  if (expected.gateway)
    console.log(`  API Gateway ${expected.gateway.name}: spec sha256 ${expected.gateway.specSha256}`);

  const refusals = [
    ...(functionNames.length > quota
      ? [
          `${functionNames.length} functions, but the functions quota is ${quota}: request serverless.functions.count (README "Deploy") and pass --functions-quota`,
        ]
      : []),
  ];
  if (options['dry-run']) {
    for (const refusal of refusals) console.log(`! ${refusal}`);
    console.log('dry run: nothing deployed, nothing read');
    return 0;
  }
  const settings = await settingsOfFunctions(root);
  refusals.push(
    ...[
      'YC_IAM_TOKEN',
      'YC_CLOUD_ID',
      'YC_FOLDER_ID',
      'IOT_REGISTRY_ID',
      'READINGS_BUCKET',
      'SPONSOR_BUCKET',
      ...operatorSettings,
    ]
      .filter((name) => !process.env[name])
      .map((name) => `${name} is not set`),
    ...sendersNotGiven(
      file,
      (name) => settingDefaults(new Map([[name, settings.get(name) ?? []]])),
      process.env,
    ),
  );
  if (refusals.length) {
    for (const refusal of refusals) console.error(`✗ ${refusal}`);
    return 1;
  }

  const document = parse(serverlessText, { merge: true, maxAliasCount: -1 }) as {
    functions: Record<string, unknown>;
  };
  for (const [i, group] of options['verify-only'] ? [] : groups.entries()) {
    console.log(`\ndeploying batch ${i + 1}/${groups.length}`);
    const batch = {
      ...document,
      functions: Object.fromEntries(group.map((name) => [name, document.functions[name]])),
    };
    const run = await runServerless(
      root,
      join(root, 'dist'),
      stringify(batch),
      ['deploy', '--stage', String(options.stage)],
      {},
    );
    console.log(run.output.trim());
  }

  console.log('\nverifying what exists');
  const actual = await readFolder(
    String(process.env.YC_IAM_TOKEN),
    String(process.env.YC_FOLDER_ID),
    '$latest',
  );
  const problems = differences(expected, actual);
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.log(problems.length ? `${problems.length} difference(s)` : '✓ everything deployed as described');
  return problems.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
