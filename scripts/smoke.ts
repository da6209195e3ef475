/**
 * `npm run smoke -- --env smoke.env`: the path a user takes, against a deployed API; each step
 * printed with ✓/✗, exit code 1 on any failure (README "Deploy", step 6, says what to give).
 * `npm run smoke -- --local [--base-url http://localhost:8080] [--data-dir .data]`: the same steps
 * against `npm start`, with tokens from the local identity; the steps that exist only in the
 * cloud (each account's own key, SSE-KMS) say `skipped (local)`.
 *
 * Options: --env FILE (KEY=value lines over the environment), --base-url URL (else API_URL),
 * --token JWT (else SMOKE_TOKEN, client credentials, or locally the dev identity),
 * --skip STEP (repeatable), --wait SECONDS (per trigger; 180 in the cloud, 60 locally).
 * Settings read: API_URL, SMOKE_TOKEN | SMOKE_TOKEN_URL + SMOKE_CLIENT_ID + SMOKE_CLIENT_SECRET
 * [+ SMOKE_TOKEN_AUDIENCE, SMOKE_TOKEN_SCOPE], JWT_ISSUER, SMOKE_PHONE, SMOKE_KEY_FN_API,
 * SMOKE_KEY_FN_HEALTH, SMOKE_KEY_FN_READINGS_FILES, SMOKE_CLEANUP_KEY, ATTACHMENTS_BUCKET,
 * SMOKE_CRISIS_QUEUE_URL, QUEUE_ENDPOINT, YDB_ENDPOINT, YDB_DATABASE, YDB_ACCESS_TOKEN.
 */
import { parseArgs } from 'node:util';
import { runSmoke } from './smoke/run';
import { readEnvFile, SettingsError, smokeSettings } from './smoke/settings';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      env: { type: 'string' },
      'base-url': { type: 'string' },
      local: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      skip: { type: 'string', multiple: true },
      wait: { type: 'string' },
    },
  });
  try {
    const env = { ...process.env, ...(values.env ? readEnvFile(values.env) : {}) };
    const settings = smokeSettings(
      {
        ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
        local: values.local,
        ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
        ...(values.token ? { token: values.token } : {}),
        ...(values.skip ? { skip: values.skip } : {}),
        ...(values.wait ? { wait: values.wait } : {}),
      },
      env,
    );
    return (await runSmoke(settings)).exitCode;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
