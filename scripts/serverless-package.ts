/**
 * `serverless package` with @yandex-cloud/serverless-plugin, offline: the plugin validates the
 * configuration against its schema and checks every function's artifact, without calling the
 * cloud. Credentials and ${env:…} settings get placeholders; ${lockbox:…} references, which the
 * plugin would resolve against Lockbox, are replaced, which is the only change to serverless.yml.
 * It runs in a temporary service directory (Serverless wants its configuration at the root of one)
 * that links the project's node_modules and the bundles.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PackagingRun {
  output: string;
  exitCode: number | null;
}

const placeholders = {
  YC_IAM_TOKEN: 'offline-placeholder',
  YC_CLOUD_ID: 'b1gofflineplaceholder',
  YC_FOLDER_ID: 'b1gofflineplaceholder',
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
};

/** Replaces `${lockbox:<id>/<entry>}`, whose id may itself be a ${env:…} variable. */
export const withoutLockbox = (text: string) =>
  text.replace(/\$\{lockbox:(?:\$\{[^}]*\}|[^}])*\}/g, 'lockbox-placeholder');

/**
 * Runs the Serverless CLI on `serverlessText` in a temporary service directory that links the
 * project's node_modules and the bundles; `env` comes on top of this process's environment.
 */
export async function runServerless(
  root: string,
  distDir: string,
  serverlessText: string,
  args: string[],
  env: Record<string, string>,
): Promise<PackagingRun> {
  const serverless = join(root, 'node_modules', '.bin', 'serverless');
  if (!existsSync(serverless))
    return { output: 'serverless is not installed: run npm ci (it is a devDependency)', exitCode: null };
  const service = await mkdtemp(join(tmpdir(), 'serverless-'));
  try {
    await writeFile(join(service, 'serverless.yml'), serverlessText);
    await symlink(join(root, 'node_modules'), join(service, 'node_modules'));
    await symlink(distDir, join(service, 'dist'));
    return await new Promise((resolve) => {
      execFile(
        serverless,
        args,
        { cwd: service, env: { ...process.env, ...env }, timeout: 1_800_000 },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ output: `${stdout}\n${stderr}`, exitCode });
        },
      );
    });
  } finally {
    await rm(service, { recursive: true, force: true });
  }
}

export function packageOffline(root: string, distDir: string, serverlessText: string): Promise<PackagingRun> {
  const settings = [...serverlessText.matchAll(/\$\{env:(\w+)\}/g)].map((match) => match[1] as string);
  const env = {
    ...Object.fromEntries(settings.map((name) => [name, 'offline-placeholder'])),
    ...(process.env as Record<string, string>),
    ...placeholders,
  };
  return runServerless(root, distDir, withoutLockbox(serverlessText), ['package'], env);
}
