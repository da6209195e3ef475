import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { batches, type ExpectedState, expectedState } from '../../scripts/deploy/expected';
import { type ActualState, differences, readFolder } from '../../scripts/deploy/verify';
import { parseServerless, type ServerlessFile } from '../../scripts/deploy-inputs';
import { read, root } from './repository';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(root, 'test/fixtures/deploy', name), 'utf8')) as Record<string, unknown>;
const contractText = read('contracts/openapi.yaml');
const names = { functionPrefix: 'telemed-dev-', namePrefix: 'telemed' };
const env = { IOT_REGISTRY_ID: 'areregistry00000000' };

/** serverless.yml cut to the two functions the recorded responses hold. */
const recordedPart = (): ServerlessFile => {
  const file = parseServerless(read('serverless.yml'));
  return {
    ...file,
    functions: { health: file.functions.health, notifications: file.functions.notifications },
  } as ServerlessFile;
};

/** Answers each documented GET with its recorded response; the gateway serves `spec`. */
function recordedApi(spec: string) {
  const answers: [RegExp, unknown][] = [
    [/functions\/v1\/functions\?/, fixture('functions.list.json')],
    [/versions:byTag\?functionId=d4ehealth/, fixture('version.health.json')],
    [/versions:byTag\?functionId=d4enotify/, fixture('version.notifications.json')],
    [/triggers\/v1\/triggers\?/, fixture('triggers.list.json')],
    [/iam\/v1\/serviceAccounts\?/, fixture('service-accounts.list.json')],
    [/apigateways\/v1\/apigateways\?/, fixture('apigateways.list.json')],
    [/apigateways\/d5dgateway000000000:spec$/, { ...fixture('apigateway.spec.json'), openapiSpec: spec }],
  ];
  const calls: { url: string; authorization: string }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: { headers: Record<string, string> }) => {
    calls.push({ url, authorization: init.headers.Authorization ?? '' });
    const answer = answers.find(([pattern]) => pattern.test(url))?.[1];
    return answer
      ? new Response(JSON.stringify(answer), { status: 200 })
      : new Response('{"code":5,"message":"not found"}', { status: 404 });
  });
  return calls;
}

let expected: ExpectedState;
beforeAll(() => {
  expected = expectedState(recordedPart(), contractText, names, env);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('npm run deploy verifies what exists through the management APIs', () => {
  it('finds no difference when the folder holds what serverless.yml, infra/ and the contract describe', async () => {
    // Prepare
    const calls = recordedApi(contractText);
    // Act
    const actual = await readFolder('t1.iam-token', 'b1gfolder0000000000', '$latest');
    const problems = differences(expected, actual);
    // Assess
    expect(problems).toEqual([]);
    expect(calls.every((call) => call.authorization === 'Bearer t1.iam-token')).toBe(true);
    expect(calls.map((call) => new URL(call.url).host)).toContain('serverless-triggers.api.cloud.yandex.net');
  });

  it('names every difference: an environment key, an account, a trigger, its dead letters and the spec', async () => {
    // Prepare
    recordedApi(`${contractText}\n# edited in the console\n`);
    const actual: ActualState = await readFolder('t1.iam-token', 'b1gfolder0000000000', '$latest');
    const health = actual.versions.d4ehealth0000000000 as NonNullable<ActualState['versions'][string]>;
    health.environment = { ...health.environment, DEBUG_DUMP: 'x' };
    health.serviceAccountId = 'ajeconsumer00000000';
    const notifications = actual.versions.d4enotify0000000000 as NonNullable<ActualState['versions'][string]>;
    notifications.environment = Object.fromEntries(
      Object.entries(notifications.environment ?? {}).filter(([key]) => key !== 'SMS_SENDER_ID'),
    );
    actual.triggers = actual.triggers.filter((trigger) => trigger.name !== 'telemed-dev-notifications-ymq');
    const iot = actual.triggers[0]?.rule.iotMessage?.invokeFunction as { deadLetterQueue?: unknown };
    delete iot.deadLetterQueue;
    // Act
    const problems = differences(expected, actual);
    // Assess
    expect(problems).toEqual([
      'function telemed-dev-health version d4ever0health000000: account telemed-fn-consumer, expected telemed-fn-health',
      'function telemed-dev-health version d4ever0health000000: environment keys differ (missing: -; unexpected: DEBUG_DUMP)',
      'function telemed-dev-notifications version d4ever0notify000000: environment keys differ (missing: SMS_SENDER_ID; unexpected: -)',
      'trigger telemed-dev-notifications-ymq: does not exist',
      'trigger telemed-readings-iot: no dead-letter queue',
      expect.stringMatching(
        /^API Gateway telemed-api: spec sha256 [0-9a-f]{64}, contracts\/openapi.yaml is [0-9a-f]{64}$/,
      ),
    ]);
  });

  it('reports a function that does not exist and one without a version of the tag', async () => {
    // Prepare
    recordedApi(contractText);
    const actual = await readFolder('t1.iam-token', 'b1gfolder0000000000', '$latest');
    actual.functions = actual.functions.filter((fn) => fn.name !== 'telemed-dev-health');
    actual.versions.d4enotify0000000000 = undefined;
    // Act
    const problems = differences(expected, actual);
    // Assess
    expect(problems).toEqual([
      'function telemed-dev-health: does not exist',
      'function telemed-dev-notifications: no version tagged $latest',
    ]);
  });
});

describe('npm run deploy plans batches the quotas allow', () => {
  it('splits the functions into batches no larger than the concurrent operations allowed', () => {
    // Prepare
    const functions = Object.keys(parseServerless(read('serverless.yml')).functions);
    // Act
    const groups = batches(functions, 15);
    // Assess
    expect(groups.map((group) => group.length)).toEqual(
      Array.from({ length: Math.ceil(functions.length / 15) }, (_, i) =>
        Math.min(15, functions.length - i * 15),
      ),
    );
    expect(groups.flat()).toEqual(functions);
  });
});
