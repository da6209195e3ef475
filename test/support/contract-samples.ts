import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { today } from './sponsors';
import { projectRoot } from './test-cloud';

export const specPath = join(projectRoot, 'contracts/openapi.yaml');
// biome-ignore lint/suspicious/noExplicitAny: the contract is walked as plain YAML
export const spec: any = parse(readFileSync(specPath, 'utf8'));

export type Schema = Record<string, unknown>;

/** Follows a local `$ref` (`#/components/...`) to the schema it names. */
export function resolveRef(schema: Schema): Schema {
  return typeof schema.$ref === 'string'
    ? resolveRef(
        schema.$ref
          .slice(2)
          .split('/')
          .reduce((node: Schema, key) => node[key] as Schema, spec),
      )
    : schema;
}

/**
 * A value the gateway's validator accepts, so a walk reaches each function's own checks. Required
 * properties are filled, and optional ones whose name is in `ids` (so a body names the planted
 * object: a patientId, a deviceId); strings named in `ids` take that value.
 */
export function sampleOf(raw: Schema, name: string, ids: Record<string, unknown>): unknown {
  const schema = resolveRef(raw);
  if (schema.oneOf) return sampleOf((schema.oneOf as Schema[])[0] as Schema, name, ids);
  if (schema.allOf)
    return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => sampleOf(s, name, ids)));
  if (name in ids && schema.type !== 'object' && schema.type !== 'array') return ids[name];
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return (schema.enum as unknown[])[0];
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const keys = Object.keys(properties).filter(
        (k) => (schema.required as string[] | undefined)?.includes(k) || k in ids,
      );
      return Object.fromEntries(keys.map((key) => [key, sampleOf(properties[key] ?? {}, key, ids)]));
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () =>
        sampleOf(schema.items as Schema, name, ids),
      );
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      if (schema.format === 'uuid') return crypto.randomUUID();
      if (schema.format === 'date') return today();
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      return 'x';
  }
}

/** The contract's definition of one operation (parameters, request body). */
export function operationOf(path: string, method: string): Schema {
  return spec.paths[path][method.toLowerCase()] as Schema;
}

/** Required query parameters of an operation, sampled (and those named in `ids`). */
export function sampleQuery(operation: Schema, ids: Record<string, unknown>): URLSearchParams {
  const query = new URLSearchParams();
  for (const p of (operation.parameters ?? []) as Schema[]) {
    const parameter = resolveRef(p);
    if (parameter.in !== 'query' || !(parameter.required || String(parameter.name) in ids)) continue;
    const name = String(parameter.name);
    query.set(name, String(sampleOf(parameter.schema as Schema, name, ids)));
  }
  return query;
}

/** The JSON request body schema of an operation, if it takes one. */
export function bodySchemaOf(operation: Schema): Schema | undefined {
  const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
    ?.content;
  return content?.['application/json']?.schema;
}
