import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { loadOperations } from '../../local/openapi-routes';
import { loadRegistry } from '../../local/registry';
import { projectRoot } from '../support/test-cloud';

const specPath = join(projectRoot, 'contracts/openapi.yaml');

describe('contracts/openapi.yaml', () => {
  it('matches the committed generated types (run `npm run contracts` after editing the spec)', async () => {
    // Act
    const generated = astToString(await openapiTS(new URL(`file://${specPath}`)));
    const committed = readFileSync(join(projectRoot, 'contracts/generated/api.d.ts'), 'utf8');
    // Assess: compare without the banner and whitespace differences
    const normalise = (text: string) =>
      text
        .replace(/^\/\*\*[\s\S]*?\*\/\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
    expect(normalise(committed)).toBe(normalise(generated));
  });

  it("has each function's handler serve exactly the operations the contract routes to it", async () => {
    // Prepare: loading a handler checks its settings; give it the embedded defaults
    const dir = mkdtempSync(join(tmpdir(), 'contracts-'));
    Object.assign(process.env, {
      APP_ENV: 'test',
      DB_DRIVER: 'sqlite',
      KMS_DRIVER: 'keyring',
      SQLITE_PATH: join(dir, 'db.sqlite'),
      KEYRING_PATH: join(dir, 'keyring.json'),
      TELEGRAM_WEBHOOK_SECRET: 'contracts-test-webhook-secret',
    });
    const routed = new Map<string, string[]>();
    for (const { functionName, operationId } of loadOperations(specPath))
      routed.set(functionName, [...(routed.get(functionName) ?? []), operationId]);
    // Act
    const mismatches: string[] = [];
    for (const fn of loadRegistry(projectRoot).functions.filter((f) => routed.has(f.name))) {
      const { handler } = (await import(fn.source)) as { handler: { operationIds?: string[] } };
      const expected = [...(routed.get(fn.name) ?? [])].sort();
      // A function serving one route is that route itself; several are dispatched by operationId.
      const served = handler.operationIds
        ? [...handler.operationIds].sort()
        : expected.length === 1
          ? expected
          : [];
      if (JSON.stringify(served) !== JSON.stringify(expected))
        mismatches.push(
          `${fn.name}: serves ${served.join(', ')}; the contract routes ${expected.join(', ')}`,
        );
    }
    // Assess
    expect(mismatches).toEqual([]);
  });

  it('routes every operation to a function that serverless.yml deploys with that HTTP trigger', () => {
    const registry = loadRegistry(projectRoot);
    for (const operation of loadOperations(specPath)) {
      const fn = registry.functions.find((f) => f.name === operation.functionName);
      expect(fn, `${operation.operationId} → ${operation.functionName}`).toBeDefined();
      expect(fn?.triggers).toContainEqual({ kind: 'http', method: operation.method, path: operation.path });
    }
  });
});
