import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { catalog } from '../../events/registry';
import { loadOperations } from '../../local/openapi-routes';
import { parseServerless, readInfra, type TfJson } from '../../scripts/deploy-inputs';
import { settingDefaults, settingsOfFunctions } from '../../scripts/function-settings';

export const root = resolve(import.meta.dirname, '../..');
export const read = (file: string) => readFileSync(join(root, file), 'utf8');
export const tfFiles = readdirSync(join(root, 'infra'))
  .filter((file) => file.endsWith('.tf'))
  .map((file) => `infra/${file}`);

const { parse: parseHcl } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse(file: string, text: string): Promise<TfJson>;
};

/** The deployment files of the repository, read as deploy:check reads them. */
export async function repository() {
  const serverlessText = read('serverless.yml');
  const contractText = read('contracts/openapi.yaml');
  const tf = await Promise.all(tfFiles.map((file) => parseHcl(file, read(file))));
  const contract = parse(contractText) as {
    'x-yc-apigateway': { variables: Record<string, unknown>; cors: { methods: string[] } };
  };
  const settings = await settingsOfFunctions(root);
  return {
    serverlessText,
    contractText,
    file: parseServerless(serverlessText),
    infra: readInfra(tf),
    routes: loadOperations(join(root, 'contracts/openapi.yaml')),
    gatewayVariables: Object.keys(contract['x-yc-apigateway'].variables),
    catalogQueues: catalog.map((event) => event.queue),
    corsMethods: contract['x-yc-apigateway'].cors.methods,
    /** The defaults a function's modules fall back to when given nothing. */
    defaultsOf: (name: string) => settingDefaults(new Map([[name, settings.get(name) ?? []]])),
    /** Each parsed .tf file, by its path. */
    tf: new Map(tfFiles.map((file, i) => [file, tf[i] as TfJson])),
    /** Each function's settings groups, from what its bundle holds. */
    settingsOf: (name: string) => settings.get(name) ?? [],
  };
}
