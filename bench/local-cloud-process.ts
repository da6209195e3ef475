import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DevIdentity } from '../local/dev-identity';

export interface LocalCloudProcess {
  url: string;
  identity: DevIdentity;
  /** The process, for its CPU time. */
  server: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The local cloud as `npm start` runs it, in its own process (this one is only the clients), with
 * timers off: in the cloud the outbox relay and the consumers run on their own instances, here they
 * would share the functions' one core. `nodeArgs` go before the entry (a CPU profile, say).
 */
export async function startLocalCloudProcess(
  dataDir: string,
  nodeArgs: string[] = [],
): Promise<LocalCloudProcess> {
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'local/main.ts'], {
    cwd: resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: '0',
      QUEUE_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      APP_ENV: 'local',
      LOCAL_TIMERS: 'off',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/API gateway\s+(http:\/\/\S+)/)?.[1];
      if (found) ok(found);
    });
    server.on('exit', () => fail(new Error(`local cloud exited:\n${output}`)));
  });
  return {
    url,
    identity: await DevIdentity.load(join(dataDir, 'dev-identity.json')),
    server,
    stop: async () => {
      server.kill('SIGINT');
      await new Promise((done) => server.once('exit', done));
    },
  };
}
