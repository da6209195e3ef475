import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ProviderSchema,
  pinnedVersionProblems,
  schemaProblems,
} from '../../scripts/deploy/provider-schema';
import * as checks from '../../scripts/deploy-checks';
import { readInfra, type ServerlessFile, type TfJson } from '../../scripts/deploy-inputs';
import { read, repository } from './repository';

const { parse: parseHcl } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse(file: string, text: string): Promise<TfJson>;
};
const schema = JSON.parse(read('infra/provider-schema.json')) as ProviderSchema;

let repo: Awaited<ReturnType<typeof repository>>;
const serverless = (): ServerlessFile => structuredClone(repo.file);
/** infra/<file> with `find` replaced, parsed as deploy:check parses it. */
const injected = (file: string, find: string, replace: string) => {
  const text = read(file);
  expect(text).toContain(find);
  return parseHcl(file, text.replace(find, replace));
};

beforeAll(async () => {
  repo = await repository();
});

describe('deploy:check holds infra/ to the pinned provider schema', () => {
  it('finds every resource block of the repository complete', () => {
    // Act
    const problems = [...repo.tf].flatMap(([file, tf]) => schemaProblems(file, tf, schema));
    // Assess
    expect(problems).toEqual([]);
  });

  it('refuses a trigger whose iot block lacks the required batch_cutoff', async () => {
    // Prepare
    const tf = await injected('infra/iot.tf', '    batch_cutoff = "1"\n', '');
    // Act
    const problems = schemaProblems('infra/iot.tf', tf, schema);
    // Assess
    expect(problems).toEqual([
      'infra/iot.tf yandex_function_trigger.readings_iot iot: required argument batch_cutoff is missing',
    ]);
  });

  it('refuses a bucket whose encryption configuration lacks its required rule block', async () => {
    // Prepare
    const tf = await injected(
      'infra/storage.tf',
      'kms_master_key_id = yandex_kms_symmetric_key.storage.id',
      'kms_master_key_id = "x"\n      }\n    }\n  }\n  server_side_encryption_configuration {\n    dummy {\n      x {',
    );
    // Act
    const problems = schemaProblems('infra/storage.tf', tf, schema);
    // Assess
    expect(problems).toContain(
      'infra/storage.tf yandex_storage_bucket.app server_side_encryption_configuration: required block rule {} is missing',
    );
  });

  it('refuses a resource type the excerpt does not cover and a provider pin other than the excerpt’s', async () => {
    // Prepare
    const tf = await parseHcl('extra.tf', 'resource "yandex_vpc_network" "main" {\n  name = "x"\n}\n');
    // Act
    const problems = [
      ...schemaProblems('infra/extra.tf', tf, schema),
      ...pinnedVersionProblems('~> 0.170', schema),
    ];
    // Assess
    expect(problems).toEqual([
      'infra/extra.tf yandex_vpc_network.main: not in infra/provider-schema.json (provider 0.222.0); add its excerpt',
      'infra/versions.tf pins yandex-cloud/yandex "~> 0.170", infra/provider-schema.json is 0.222.0: pin exactly "= 0.222.0" or regenerate the excerpt',
    ]);
  });
});

describe('deploy:check refuses a deployment that would fail or lose messages in the cloud', () => {
  it('refuses a placeholder sender, written in serverless.yml, left to the default or given by the operator', () => {
    // Prepare
    const file = serverless();
    const notifications = file.functions.notifications as NonNullable<ServerlessFile['functions'][string]>;
    notifications.environment = { ...notifications.environment, EMAIL_FROM: 'no-reply@telemed.example.ru' };
    const escalations = file.functions.escalations as NonNullable<ServerlessFile['functions'][string]>;
    const { SMS_SENDER_ID: _, ...withoutSender } = escalations.environment ?? {};
    escalations.environment = withoutSender;
    // Act
    const problems = checks.sendersNotGiven(file, repo.defaultsOf, { SMS_SENDER_ID: 'Telemed' });
    // Assess
    expect(problems).toEqual([
      'escalations: SMS_SENDER_ID is not given, so the placeholder Telemed would be used; set SMS_SENDER_ID: ${env:SMS_SENDER_ID}',
      "notifications: EMAIL_FROM is no-reply@telemed.example.ru; it must be the operator's ${env:EMAIL_FROM}, without a default",
      'SMS_SENDER_ID=Telemed is a placeholder: give the verified sender of this deployment',
    ]);
  });

  it('accepts the senders an operator gives for a real domain', () => {
    // Act
    const problems = checks.sendersNotGiven(repo.file, repo.defaultsOf, {
      EMAIL_FROM: 'no-reply@clinic-north.ru',
      SMS_SENDER_ID: 'ClinicNorth',
    });
    // Assess
    expect(problems).toEqual([]);
  });

  it('refuses a zip at or over the 3.5 MiB direct upload, and passes one under it', () => {
    // Prepare
    const sizes = new Map([
      ['notifications', 3.5 * 1024 * 1024],
      ['health', 3.4 * 1024 * 1024],
    ]);
    // Act
    const problems = checks.oversizedZips(sizes);
    // Assess
    expect(problems).toEqual([
      "dist/notifications.zip: 3.50 MiB, not under the plugin's 3.5 MiB direct upload (above it the plugin wants AWS keys and creates an unencrypted bucket)",
    ]);
  });

  it('refuses a PUT route when the contract’s CORS rule does not allow PUT', () => {
    // Prepare
    const withoutPut = repo.corsMethods.filter((method) => method !== 'PUT');
    // Act
    const problems = checks.routesOutsideCors(repo.routes, withoutPut);
    // Assess
    expect(problems).toContain(
      'PUT /v1/me/notification-settings: PUT is not in x-yc-apigateway.cors.methods (GET, POST, PATCH, DELETE)',
    );
    expect(problems).toHaveLength(repo.routes.filter((route) => route.method === 'PUT').length);
  });

  it('refuses a timer trigger and an infra/ trigger without a dead-letter queue', async () => {
    // Prepare
    const file = serverless();
    const cron = file.functions.reminders?.events?.[0]?.cron as Record<string, unknown>;
    delete cron.dlqId;
    const iot = await injected('infra/iot.tf', '  dlq {', '  dead_letters_removed {');
    const infra = readInfra([...repo.tf].map(([name, tf]) => (name === 'infra/iot.tf' ? iot : tf)));
    // Act
    const problems = checks.triggersThatDrop(file, infra);
    // Assess
    expect(problems).toEqual([
      `reminders cron trigger: dlqId must be the ARN of a dead-letter queue of infra/ (${infra.deadLetterQueues.join(', ')})`,
      'infra/ yandex_function_trigger.readings_iot: no dlq {}, so events failing every retry are dropped',
    ]);
  });
});
