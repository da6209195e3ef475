/**
 * After a deploy: what exists in the folder, read through Yandex Cloud's REST management APIs
 * with an IAM token, compared with what serverless.yml, infra/ and the contract say. Environment
 * values are never read out: only their keys are compared and printed. Response shapes are the
 * documented ones (functions/v1 Function.list, getVersionByTag; triggers/v1 Trigger.list;
 * apigateways/v1 ApiGateway.list, getOpenapiSpec; iam/v1 ServiceAccount.list).
 */
import { type ExpectedState, sha256 } from './expected';

interface Invoke {
  functionId?: string;
  functionTag?: string;
  deadLetterQueue?: { queueId?: string };
}
interface Rule {
  timer?: { cronExpression?: string; invokeFunction?: Invoke; invokeFunctionWithRetry?: Invoke };
  objectStorage?: { bucketId?: string; invokeFunction?: Invoke };
  messageQueue?: { queueId?: string; invokeFunction?: Invoke };
  iotMessage?: { registryId?: string; invokeFunction?: Invoke };
}

interface Version {
  id: string;
  serviceAccountId?: string;
  environment?: Record<string, string>;
  tags?: string[];
}

/** What the folder holds, as the management APIs answered. */
export interface ActualState {
  functions: { id: string; name: string }[];
  /** The `$latest`-tagged version of each function, by function id (missing: none). */
  versions: Record<string, Version | undefined>;
  triggers: { name: string; rule: Rule }[];
  serviceAccounts: { id: string; name: string }[];
  gateways: { id: string; name: string }[];
  /** The OpenAPI spec of the gateway, by gateway id. */
  specs: Record<string, string>;
}

const sourceOfRule = (rule: Rule): { kind: string; source?: string; invoke?: Invoke } => {
  if (rule.timer)
    return {
      kind: 'timer',
      source: rule.timer.cronExpression,
      invoke: rule.timer.invokeFunctionWithRetry ?? rule.timer.invokeFunction,
    };
  if (rule.objectStorage)
    return {
      kind: 'objectStorage',
      source: rule.objectStorage.bucketId,
      invoke: rule.objectStorage.invokeFunction,
    };
  if (rule.messageQueue)
    return {
      kind: 'messageQueue',
      source: rule.messageQueue.queueId?.split(':').pop(),
      invoke: rule.messageQueue.invokeFunction,
    };
  if (rule.iotMessage)
    return { kind: 'iotMessage', source: rule.iotMessage.registryId, invoke: rule.iotMessage.invokeFunction };
  return { kind: 'other' };
};

/** Every difference between what should exist and what does, one line each; none: verified. */
export function differences(expected: ExpectedState, actual: ActualState): string[] {
  const problems: string[] = [];
  const functionByName = new Map(actual.functions.map((fn) => [fn.name, fn]));
  const accountName = new Map(actual.serviceAccounts.map((sa) => [sa.id, sa.name]));
  for (const fn of expected.functions) {
    const found = functionByName.get(fn.cloudName);
    if (!found) {
      problems.push(`function ${fn.cloudName}: does not exist`);
      continue;
    }
    const version = actual.versions[found.id];
    if (!version) {
      problems.push(`function ${fn.cloudName}: no version tagged ${fn.tag}`);
      continue;
    }
    const account = accountName.get(version.serviceAccountId ?? '') ?? version.serviceAccountId ?? 'none';
    if (account !== fn.serviceAccount)
      problems.push(
        `function ${fn.cloudName} version ${version.id}: account ${account}, expected ${fn.serviceAccount}`,
      );
    const keys = Object.keys(version.environment ?? {}).sort();
    const missing = fn.environmentKeys.filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !fn.environmentKeys.includes(key));
    if (missing.length || extra.length)
      problems.push(
        `function ${fn.cloudName} version ${version.id}: environment keys differ (missing: ${missing.join(', ') || '-'}; unexpected: ${extra.join(', ') || '-'})`,
      );
    if (!(version.tags ?? []).includes(fn.tag))
      problems.push(`function ${fn.cloudName} version ${version.id}: not tagged ${fn.tag}`);
  }
  const triggerByName = new Map(actual.triggers.map((trigger) => [trigger.name, trigger]));
  for (const trigger of expected.triggers) {
    const found = triggerByName.get(trigger.name);
    if (!found) {
      problems.push(`trigger ${trigger.name}: does not exist`);
      continue;
    }
    const { kind, source, invoke } = sourceOfRule(found.rule);
    if (kind !== trigger.kind)
      problems.push(`trigger ${trigger.name}: a ${kind} trigger, expected ${trigger.kind}`);
    if (source !== trigger.source)
      problems.push(`trigger ${trigger.name}: source ${source}, expected ${trigger.source}`);
    if (invoke?.functionId !== functionByName.get(trigger.functionName)?.id)
      problems.push(`trigger ${trigger.name}: invokes ${invoke?.functionId}, not ${trigger.functionName}`);
    if (trigger.deadLetterQueue && !invoke?.deadLetterQueue?.queueId)
      problems.push(`trigger ${trigger.name}: no dead-letter queue`);
  }
  if (!expected.gateway) return problems;
  const { name, specSha256 } = expected.gateway;
  const gateway = actual.gateways.find((candidate) => candidate.name === name);
  const spec = gateway ? actual.specs[gateway.id] : undefined;
  if (!gateway) problems.push(`API Gateway ${name}: does not exist`);
  else if (spec === undefined || sha256(spec) !== specSha256)
    problems.push(
      `API Gateway ${name}: spec sha256 ${spec === undefined ? 'unknown' : sha256(spec)}, contracts/openapi.yaml is ${specSha256}`,
    );
  return problems;
}

const api = {
  functions: 'https://serverless-functions.api.cloud.yandex.net/functions/v1',
  triggers: 'https://serverless-triggers.api.cloud.yandex.net/triggers/v1',
  gateways: 'https://serverless-apigateway.api.cloud.yandex.net/apigateways/v1',
  iam: 'https://iam.api.cloud.yandex.net/iam/v1',
};

/** GET with the token; a list follows nextPageToken until the last page. */
async function get<T>(token: string, url: string): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url.split('?')[0]}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function list<T>(token: string, url: string, field: string): Promise<T[]> {
  const items: T[] = [];
  let page = '';
  do {
    const body = await get<Record<string, unknown>>(
      token,
      `${url}&pageSize=100${page && `&pageToken=${page}`}`,
    );
    items.push(...((body[field] as T[] | undefined) ?? []));
    page = String(body.nextPageToken ?? '');
  } while (page);
  return items;
}

/** Reads the folder; `tag` is the version tag the functions are expected to carry. */
export async function readFolder(token: string, folderId: string, tag: string): Promise<ActualState> {
  const folder = `?folderId=${encodeURIComponent(folderId)}`;
  const [functions, triggers, serviceAccounts, gateways] = await Promise.all([
    list<{ id: string; name: string }>(token, `${api.functions}/functions${folder}`, 'functions'),
    list<ActualState['triggers'][number]>(token, `${api.triggers}/triggers${folder}`, 'triggers'),
    list<{ id: string; name: string }>(token, `${api.iam}/serviceAccounts${folder}`, 'serviceAccounts'),
    list<{ id: string; name: string }>(token, `${api.gateways}/apigateways${folder}`, 'apiGateways'),
  ]);
  const versions: ActualState['versions'] = {};
  for (const fn of functions) {
    const url = `${api.functions}/versions:byTag?functionId=${fn.id}&tag=${encodeURIComponent(tag)}`;
    // 404: the function has no version with that tag, which differences() reports.
    versions[fn.id] = await get<Version>(token, url).catch(() => undefined);
  }
  const specs: Record<string, string> = {};
  for (const gateway of gateways)
    specs[gateway.id] = (
      await get<{ openapiSpec: string }>(token, `${api.gateways}/apigateways/${gateway.id}:spec`)
    ).openapiSpec;
  return { functions, versions, triggers, serviceAccounts, gateways, specs };
}
