import { readFileSync } from 'node:fs';
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

  it('routes every operation to a function that serverless.yml deploys with that HTTP trigger', () => {
    const registry = loadRegistry(projectRoot);
    for (const operation of loadOperations(specPath)) {
      const fn = registry.functions.find((f) => f.name === operation.functionName);
      expect(fn, `${operation.operationId} → ${operation.functionName}`).toBeDefined();
      expect(fn?.triggers).toContainEqual({ kind: 'http', method: operation.method, path: operation.path });
    }
  });
});
