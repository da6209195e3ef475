/**
 * The offline provider-schema check of `npm run deploy:check`: every resource block of infra/
 * has the arguments and nested blocks the pinned provider requires (infra/provider-schema.json,
 * an excerpt of that version's schema), so a missing `batch_cutoff` fails here rather than at
 * the first `terraform plan`. Reads the JSON form of HCL (@cdktf/hcl2json): a nested block is a
 * list of objects; `dynamic "x" { content {…} }` is under `dynamic.x[].content`.
 */

export interface BlockSchema {
  required?: string[];
  /** Nested blocks that must appear at least once. */
  requiredBlocks?: string[];
  blocks?: Record<string, BlockSchema>;
}

export interface ProviderSchema {
  provider: string;
  version: string;
  provenance: string;
  resources: Record<string, BlockSchema>;
}

type Body = Record<string, unknown>;
export type TfResources = { resource?: Record<string, Record<string, Body[]>> };

/** Instances of nested block `name` in a body, written out or through `dynamic`. */
function blocksOf(body: Body, name: string): Body[] {
  const direct = Array.isArray(body[name]) ? (body[name] as Body[]) : [];
  const dynamic = ((body.dynamic as Record<string, Body[]> | undefined)?.[name] ?? []).flatMap(
    (block) => (block.content as Body[] | undefined) ?? [],
  );
  return [...direct, ...dynamic];
}

function problemsOf(body: Body, schema: BlockSchema, where: string): string[] {
  const missing = (schema.required ?? [])
    .filter((name) => body[name] === undefined)
    .map((name) => `${where}: required argument ${name} is missing`);
  const missingBlocks = (schema.requiredBlocks ?? [])
    .filter((name) => blocksOf(body, name).length === 0)
    .map((name) => `${where}: required block ${name} {} is missing`);
  const nested = Object.entries(schema.blocks ?? {}).flatMap(([name, child]) =>
    blocksOf(body, name).flatMap((block) => problemsOf(block, child, `${where} ${name}`)),
  );
  return [...missing, ...missingBlocks, ...nested];
}

/** Resource blocks of one parsed .tf file that the provider would refuse, or it does not know. */
export function schemaProblems(file: string, tf: TfResources, schema: ProviderSchema): string[] {
  return Object.entries(tf.resource ?? {}).flatMap(([type, byName]) => {
    const resource = schema.resources[type];
    return Object.entries(byName).flatMap(([name, bodies]) =>
      resource
        ? bodies.flatMap((body) => problemsOf(body, resource, `${file} ${type}.${name}`))
        : [
            `${file} ${type}.${name}: not in infra/provider-schema.json (provider ${schema.version}); add its excerpt`,
          ],
    );
  });
}

/** The provider version versions.tf pins must be the one the excerpt was taken from. */
export function pinnedVersionProblems(pinned: string | undefined, schema: ProviderSchema): string[] {
  return pinned === `= ${schema.version}`
    ? []
    : [
        `infra/versions.tf pins yandex-cloud/yandex "${pinned}", infra/provider-schema.json is ${schema.version}: pin exactly "= ${schema.version}" or regenerate the excerpt`,
      ];
}
