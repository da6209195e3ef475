import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../events/registry';
import type { DeployedConsumer } from '../../events/registry-check';
import { registryProblems } from '../../events/registry-check';
import { loadRegistry } from '../../local/registry';
import { projectRoot } from '../support/test-cloud';

/** The consumers as serverless.yml deploys them: each queue-triggered function's handler and its queue. */
async function deployedConsumers(): Promise<DeployedConsumer[]> {
  const consumers: DeployedConsumer[] = [];
  for (const fn of loadRegistry(projectRoot).functions) {
    for (const trigger of fn.triggers) {
      if (trigger.kind !== 'ymq') continue;
      const { handler } = (await import(fn.source)) as {
        handler: { consumer?: { name: string; events: readonly { type: string }[] } };
      };
      if (!handler.consumer)
        throw new Error(`${fn.name} is triggered by ${trigger.queue} but is no queue consumer`);
      consumers.push({
        name: handler.consumer.name,
        queue: trigger.queue,
        accepts: handler.consumer.events.map((e) => e.type),
      });
    }
  }
  return consumers;
}

/** Every file of a module but its event schemas: where it would publish from. */
function sourcesOf(module: string): string {
  const dir = join(projectRoot, 'modules', module);
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.startsWith('events'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** The name each event definition is exported under, by type. */
function definitionNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const module of readdirSync(join(projectRoot, 'modules'))) {
    const dir = join(projectRoot, 'modules', module, 'events');
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const [, name, type] of text.matchAll(/export const (\w+) = defineEvent\(\s*'([^']+)'/g))
        names.set(type as string, name as string);
    }
  }
  return names;
}

describe('the event registry (events/registry.ts)', () => {
  let deployed: DeployedConsumer[];
  beforeAll(async () => {
    // Loading a handler checks its configuration: give it the embedded defaults.
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    Object.assign(process.env, {
      APP_ENV: 'test',
      DB_DRIVER: 'sqlite',
      KMS_DRIVER: 'keyring',
      SQLITE_PATH: join(dir, 'db.sqlite'),
      KEYRING_PATH: join(dir, 'keyring.json'),
    });
    deployed = await deployedConsumers();
  });

  it('routes every published event to a deployed consumer that accepts it, and consumers accept nothing else', () => {
    // Act
    const problems = registryProblems(registry, deployed);
    // Assess
    expect(problems).toEqual([]);
    expect(deployed.map((c) => c.name).sort()).toEqual([
      'escalations',
      'notifications',
      'readings-alerts',
      'rehabilitation',
    ]);
  });

  it('reports an event its queue consumer no longer accepts, before it is dead-lettered in production', () => {
    // Prepare: the notifications consumer as it was when it dropped the refund alert
    const dropped = deployed.map((c) =>
      c.name === 'notifications'
        ? { ...c, accepts: c.accepts.filter((t) => t !== 'payment.refund_refused.v1') }
        : c,
    );
    // Act
    const problems = registryProblems(registry, dropped);
    // Assess
    expect(problems).toEqual([
      'payment.refund_refused.v1: notifications reads notifications but does not accept it (it would be dead-lettered)',
    ]);
  });

  it('reports a consumer accepting a type nobody publishes, and an event routed to a queue nobody reads', () => {
    // Prepare
    const ghost = deployed.map((c) =>
      c.name === 'escalations' ? { ...c, accepts: [...c.accepts, 'ghost.seen.v1'] } : c,
    );
    const unread = deployed.filter((c) => c.name !== 'readings-alerts');
    // Act
    const ghostProblems = registryProblems(registry, ghost);
    const unreadProblems = registryProblems(registry, unread);
    // Assess
    expect(ghostProblems).toEqual(['escalations accepts ghost.seen.v1, which nobody publishes']);
    expect(unreadProblems).toEqual(['readings.recorded.v1: consumer readings-alerts is not deployed']);
  });

  it('names as producers only modules whose code uses the event', () => {
    // Prepare
    const names = definitionNames();
    // Act
    const unpublished = registry.flatMap(({ event, producers }) =>
      producers === 'open'
        ? []
        : producers
            .filter((module) => !new RegExp(`\\b${names.get(event.type)}\\b`).test(sourcesOf(module)))
            .map((module) => `${module} never uses ${event.type}`),
    );
    // Assess
    expect(names.size).toBe(registry.length);
    expect(unpublished).toEqual([]);
  });
});
