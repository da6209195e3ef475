import { beforeAll, describe, expect, it } from 'vitest';
import * as checks from '../../scripts/deploy-checks';
import { deployPlaceholders, operatorSettings, type ServerlessFile } from '../../scripts/deploy-inputs';
import { foreignLocations } from '../../scripts/residency-lint';
import { read, repository, tfFiles } from './repository';

let repo: Awaited<ReturnType<typeof repository>>;
/** A copy of serverless.yml (parsed) to inject an inconsistency into. */
const serverless = (): ServerlessFile => structuredClone(repo.file);
const s3Event = (bucket: string) => ({
  s3: { bucket, events: ['create.object'], account: 'telemed-trigger-invoker' },
});

beforeAll(async () => {
  repo = await repository();
});

describe('deploy:check on the repository as it is', () => {
  it('finds nothing inconsistent between serverless.yml, infra/, the contract and the config', () => {
    // Prepare
    const { file, infra } = repo;
    const every = ['serverless.yml', 'contracts/openapi.yaml', ...tfFiles];
    // Act
    const problems = {
      build: checks.unbuiltFunctions(file, new Set(Object.keys(file.functions))),
      residency: every.flatMap((name) => foreignLocations(name, read(name))),
      queues: checks.queuesMissingFromInfra(checks.queuesInUse(file, repo.catalogQueues), infra),
      routes: checks.unroutedOperations(repo.routes, file),
      gatewayVariables: checks.undeclaredGatewayVariables(repo.contractText, repo.gatewayVariables),
      accounts: checks.accountsMissingFromInfra(file, infra),
      buckets: checks.bucketsNotFromTerraform(file, infra),
      ownership: checks.ownedTwice(file),
      plugin: checks.pluginPitfalls(file),
      deadLetters: checks.triggersThatDrop(file, infra),
      keys: checks.keysOfOtherAccounts(file, 'telemed'),
      deployEnv: checks.deployEnvMissing(repo.serverlessText, infra, operatorSettings),
      cors: checks.routesOutsideCors(repo.routes, repo.corsMethods),
      senders: checks.sendersNotGiven(file, repo.defaultsOf, {}),
      settings: checks.settingsRefused(file, deployPlaceholders, repo.settingsOf),
    };
    // Assess
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((check) => [check, []])));
  });
});

describe('deploy:check names what is inconsistent', () => {
  it('reports a function of serverless.yml that has no build', () => {
    // Prepare
    const built = new Set(Object.keys(repo.file.functions).filter((name) => name !== 'outbox-relay'));
    // Act
    const problems = checks.unbuiltFunctions(repo.file, built);
    // Assess
    expect(problems).toEqual(['outbox-relay: in serverless.yml but not built (no dist/outbox-relay.zip)']);
  });

  it('reports a queue a function is triggered by that infra/ does not create', () => {
    // Prepare
    const file = serverless();
    file.functions.notifications?.events?.push({
      ymq: { queue: 'billing', queueId: `yrn:yc:ymq:ru-central1:\${env:YC_FOLDER_ID}:billing` },
    });
    // Act
    const problems = checks.queuesMissingFromInfra(checks.queuesInUse(file, repo.catalogQueues), repo.infra);
    // Assess
    expect(problems).toEqual(['queue billing (notifications): not in infra/ var.queues']);
  });

  it('reports a queue the event catalog sends to that infra/ does not create', () => {
    // Act
    const problems = checks.queuesMissingFromInfra(
      checks.queuesInUse(repo.file, [...repo.catalogQueues, 'audit']),
      repo.infra,
    );
    // Assess
    expect(problems).toEqual(['queue audit (the event catalog): not in infra/ var.queues']);
  });

  it('reports a route of the contract whose function has no such http trigger', () => {
    // Prepare
    const routes = [
      ...repo.routes,
      { method: 'DELETE', path: '/v1/patients/{patientId}', functionName: 'patients' },
    ];
    // Act
    const problems = checks.unroutedOperations(routes, repo.file);
    // Assess
    expect(problems).toEqual([
      'DELETE /v1/patients/{patientId}: patients in serverless.yml has no such http event',
    ]);
  });

  it('reports a route of the contract to a function serverless.yml does not deploy', () => {
    // Prepare
    const routes = [{ method: 'GET', path: '/v1/invoices', functionName: 'billing' }];
    // Act
    const problems = checks.unroutedOperations(routes, repo.file);
    // Assess
    expect(problems).toEqual(['GET /v1/invoices: routed to billing, which serverless.yml does not deploy']);
  });

  it.each([
    ['infra/providers.tf', '  zone = "kz1-a"', /infra\/providers\.tf:\d+: Kazakhstan region/],
    [
      'infra/storage.tf',
      '  endpoint = "https://storage.yandexcloud.kz"',
      /infra\/storage\.tf:\d+: Kazakhstan region/,
    ],
    [
      'infra/variables.tf',
      '  default = "ru-central1-c"',
      /infra\/variables\.tf:\d+: zone ru-central1-c is retired/,
    ],
    ['serverless.yml', '  region: eu-west-1', /serverless\.yml:\d+: foreign region eu-west-1/],
    [
      'serverless.yml',
      '      QUEUE_ENDPOINT: https://sqs.eu-central-1.amazonaws.com',
      /serverless\.yml:\d+: .*"sqs\.eu-central-1\.amazonaws\.com" is not a Yandex Cloud host/,
    ],
    [
      'infra/api-gateway.tf',
      '  jwks = "https://id.telemed.com/jwks"',
      /"id\.telemed\.com" is not a Yandex Cloud host/,
    ],
  ])('reports a foreign region, zone or host added to %s: %s', (name, line, problem) => {
    // Prepare
    const text = `${read(name)}\n${line}\n`;
    // Act
    const problems = foreignLocations(name, text);
    // Assess
    expect(problems).toContainEqual(expect.stringMatching(problem));
  });

  it('reports a function account and a trigger account that infra/ does not create', () => {
    // Prepare
    const file = serverless();
    const booking = file.functions.booking as NonNullable<ServerlessFile['functions'][string]>;
    booking.account = 'telemed-fn-payments';
    booking.events?.push({ cron: { expression: '0 * ? * * *', account: 'telemed-cron' } });
    // Act
    const problems = checks.accountsMissingFromInfra(file, repo.infra);
    // Assess
    expect(problems).toEqual([
      'booking: account telemed-fn-payments: no such service account in infra/iam.tf',
      'booking cron: account telemed-cron: no such service account in infra/iam.tf',
    ]);
  });

  it('reports a bucket name written into serverless.yml instead of taken from terraform output', () => {
    // Prepare
    const file = serverless();
    file.functions['readings-files']?.events?.push(s3Event('telemed-ecg'));
    const coverage = file.functions.coverage as NonNullable<ServerlessFile['functions'][string]>;
    // Its own copy: functions share their account's environment (a YAML alias).
    coverage.environment = { ...coverage.environment, SPONSOR_BUCKET: 'telemed-sponsors' };
    // Act
    const problems = checks.bucketsNotFromTerraform(file, repo.infra);
    // Assess
    const names = '${env:ATTACHMENTS_BUCKET|READINGS_BUCKET|SPONSOR_BUCKET}';
    expect(problems).toEqual([
      `readings-files s3 trigger bucket: telemed-ecg is not a bucket name from terraform output deploy_env (${names})`,
      `coverage SPONSOR_BUCKET: telemed-sponsors is not a bucket name from terraform output deploy_env (${names})`,
    ]);
  });

  it('reports resources and an API Gateway that serverless.yml would own beside infra/', () => {
    // Prepare
    const file = serverless();
    file.resources = { crisis: { type: 'yc::MessageQueue' } };
    file.provider = { ...file.provider, httpApi: { payload: '1.0' } };
    // Act
    const problems = checks.ownedTwice(file);
    // Assess
    expect(problems).toEqual([
      'serverless.yml resources.crisis (yc::MessageQueue): infra/ owns every account, queue and bucket; remove it',
      expect.stringContaining('provider.httpApi: the plugin would deploy its own API Gateway'),
    ]);
  });

  it('reports what the plugin would deploy differently from what serverless.yml says', () => {
    // Prepare
    const file = serverless();
    file.provider = { ...file.provider, environment: { LOG_LEVEL: 'info' } };
    delete file.functions.audit?.environment;
    file.functions['enrollment-import']?.events?.push(s3Event('telemed-sponsor-files'));
    const escalations = file.functions.escalations?.events?.[0]?.ymq as Record<string, unknown>;
    delete escalations.queueId;
    // Act
    const problems = checks.pluginPitfalls(file);
    // Assess
    expect(problems).toEqual([
      'provider.environment: the plugin passes only a function’s own environment; use custom.environment',
      'audit: sets no environment; the plugin applies no provider-level default',
      'enrollment-import: two s3 triggers; the plugin names triggers enrollment-import-s3 and deploys only the last',
      'escalations ymq trigger: queueId must be the ARN of queue crisis (yrn:yc:ymq:ru-central1:<folder>:crisis)',
    ]);
  });

  it('reports an Object Storage trigger that would drop an event failing every retry', () => {
    // Prepare: readings-files without a dead-letter queue, enrollment-import with one infra/ lacks
    const file = serverless();
    const readings = file.functions['readings-files']?.events?.find((event) => event.s3)?.s3 as Record<
      string,
      unknown
    >;
    delete readings.dlqId;
    delete readings.retry;
    const imports = file.functions['enrollment-import']?.events?.[0]?.s3 as Record<string, unknown>;
    imports.dlqId = `yrn:yc:ymq:ru-central1:\${env:YC_FOLDER_ID}:imports-dlq`;
    delete imports.dlqAccount;
    // Act
    const problems = checks.triggersThatDrop(file, repo.infra);
    // Assess
    const known = repo.infra.deadLetterQueues.join(', ');
    expect(repo.infra.deadLetterQueues).toContain('triggers-dlq');
    expect(problems).toEqual([
      'readings-files s3 trigger: no retry, so one failed invocation loses the file',
      `readings-files s3 trigger: dlqId must be the ARN of a dead-letter queue of infra/ (${known})`,
      `enrollment-import s3 trigger: dlqId must be the ARN of a dead-letter queue of infra/ (${known})`,
      'enrollment-import s3 trigger: no dlqAccount, so the plugin sets no dead-letter queue',
    ]);
  });

  it('reports a function that signs with the key of another account', () => {
    // Prepare
    const file = serverless();
    const coverage = file.functions.coverage as NonNullable<ServerlessFile['functions'][string]>;
    coverage.environment = {
      ...coverage.environment,
      ACCESS_KEY_ID: `\${lockbox:\${env:FN_API_KEY_SECRET_ID}/ACCESS_KEY_ID}`,
    };
    // Act
    const problems = checks.keysOfOtherAccounts(file, 'telemed');
    // Assess
    expect(problems).toEqual([
      `coverage: ACCESS_KEY_ID is not the key of its account telemed-fn-sponsors (\${env:FN_SPONSORS_KEY_SECRET_ID})`,
    ]);
  });

  it('reports a setting serverless.yml needs that neither Terraform nor the operator provides', () => {
    // Prepare
    const text = `${repo.serverlessText}\n      PAYMENT_KEY: \${lockbox:\${env:PAYMENT_SECRET_ID}/KEY}\n`;
    // Act
    const problems = checks.deployEnvMissing(text, repo.infra, operatorSettings);
    // Assess
    expect(problems).toEqual([
      `serverless.yml needs \${env:PAYMENT_SECRET_ID}: neither infra/ output deploy_env nor an operator setting`,
    ]);
  });

  it("reports a function whose environment its modules' cold-start settings checks would refuse", () => {
    // Prepare: the local payment stand-in, a function without the YDB database, one without the bot token
    const file = serverless();
    const booking = file.functions.booking as NonNullable<ServerlessFile['functions'][string]>;
    booking.environment = { ...booking.environment, PAYMENT_PROVIDER: 'local' };
    const health = file.functions.health as NonNullable<ServerlessFile['functions'][string]>;
    const { YDB_DATABASE: _dropped, ...withoutDatabase } = health.environment ?? {};
    health.environment = withoutDatabase;
    const notifications = file.functions.notifications as NonNullable<ServerlessFile['functions'][string]>;
    const { TELEGRAM_BOT_TOKEN: _token, ...withoutToken } = notifications.environment ?? {};
    notifications.environment = withoutToken;
    // Act
    const problems = checks.settingsRefused(file, deployPlaceholders, repo.settingsOf);
    // Assess
    expect(problems).toEqual([
      'health: YDB_DATABASE: required in the cloud by platform',
      'booking: PUBLIC_API_URL: payment links need the public URL of the API Gateway',
      'booking: PAYMENT_PROVIDER: the local payment stand-in is for APP_ENV=local or test, with PAYMENT_WEBHOOK_SECRET',
      'notifications: TELEGRAM_BOT_TOKEN: required in the cloud by notifications',
    ]);
  });

  it('reports a variable the contract uses without declaring it for API Gateway', () => {
    // Prepare
    const contract = `x-yc-apigateway:
  variables:
    fn_health: { default: "" }
paths:
  /v1/health: { get: { x-yc-apigateway-integration: { function_id: \${var.fn_health} } } }
  /v1/triage: { post: { x-yc-apigateway-integration: { function_id: \${var.fn_triage} } } }
`;
    // Act
    const problems = checks.undeclaredGatewayVariables(contract, ['fn_health']);
    // Assess
    expect(problems).toEqual([
      `contracts/openapi.yaml uses \${var.fn_triage} but x-yc-apigateway.variables does not declare it`,
    ]);
  });

  it('reports the plugin’s schema warnings and a failed packaging, but not its outdated runtime list', () => {
    // Prepare
    const output = [
      'Warning: Invalid configuration encountered',
      "  at 'functions.escalations.events.0.ymq': must have required property 'queueAccount'",
      "  at 'provider.runtime': must be equal to one of the allowed values [nodejs10, nodejs12]",
      '',
      'Error:',
      'Cannot access package artifact at "dist/health.zip" (for "health")',
    ].join('\n');
    // Act
    const problems = checks.packagingProblems(output, 1);
    // Assess
    expect(problems).toEqual([
      "serverless.yml functions.escalations.events.0.ymq: must have required property 'queueAccount'",
      'serverless package failed (exit 1): Cannot access package artifact at "dist/health.zip" (for "health")',
    ]);
  });
});
