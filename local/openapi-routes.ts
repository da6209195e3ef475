import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** One operation of contracts/openapi.yaml, as the local gateway needs it. */
export interface Operation {
  method: string;
  /** The spec's path template, e.g. `/v1/patients/{patientId}` (the event's `resource`). */
  path: string;
  operationId: string;
  /** Function name, from `function_id: ${var.fn_<name>}`. */
  functionName: string;
  requiresJwt: boolean;
  validateParameters: ValidateFunction | undefined;
  validateBody: ValidateFunction | undefined;
  bodyRequired: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: object;
}

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  security?: Record<string, string[]>[];
  components?: { parameters?: Record<string, Parameter> };
};

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** Reads the contract and compiles the request validators API Gateway would apply. */
export function loadOperations(specPath: string): Operation[] {
  const doc = parse(readFileSync(specPath, 'utf8')) as Doc;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const paramsAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  for (const instance of [ajv, paramsAjv]) {
    addFormats(instance);
    instance.addSchema({ ...doc, $id: 'openapi' });
  }
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of methods) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const integration = op['x-yc-apigateway-integration'] as { function_id?: string } | undefined;
      const functionName = integration?.function_id
        ?.match(/^\$\{var\.fn_(\w+)\}$/)?.[1]
        ?.replaceAll('_', '-');
      if (!functionName)
        throw new Error(
          `${method.toUpperCase()} ${path}: no cloud_functions integration with \${var.fn_<name>}`,
        );
      const security = (op.security ?? doc.security ?? []) as Record<string, string[]>[];
      const pointer = `openapi#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`;
      const body =
        (op.requestBody as { required?: boolean; content?: Record<string, unknown> } | undefined) ??
        undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId),
        functionName,
        requiresJwt: security.some((requirement) => 'bearerJwt' in requirement),
        validateParameters: compileParameters(paramsAjv, doc, op),
        validateBody: body?.content?.['application/json']
          ? ajv.compile({ $ref: `${pointer}/requestBody/content/application~1json/schema` })
          : undefined,
        bodyRequired: body?.required === true,
      });
    }
  }
  return operations;
}

function compileParameters(ajv: Ajv, doc: Doc, op: Record<string, unknown>): ValidateFunction | undefined {
  const parameters = ((op.parameters ?? []) as (Parameter | { $ref: string })[]).map((p) =>
    '$ref' in p ? (doc.components?.parameters?.[p.$ref.split('/').at(-1) as string] as Parameter) : p,
  );
  if (!parameters.length) return undefined;
  const group = (where: Parameter['in']) => {
    const own = parameters.filter((p) => p.in === where);
    return {
      type: 'object',
      properties: Object.fromEntries(
        own.map((p) => [where === 'header' ? p.name.toLowerCase() : p.name, rebase(p.schema ?? {})]),
      ),
      required: own
        .filter((p) => p.required)
        .map((p) => (where === 'header' ? p.name.toLowerCase() : p.name)),
    };
  };
  return ajv.compile({
    type: 'object',
    properties: { path: group('path'), query: group('query'), header: group('header') },
  });
}

/** Parameter schemas are compiled outside the document, so their local `$ref`s must name it. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"openapi#/'));
}
