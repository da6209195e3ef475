/**
 * Which settings each function needs: those of the settings groups (platform/settings.ts
 * `defineSettings`) declared by the files its bundle holds. deploy:check, `npm start` and a
 * test hold serverless.yml to it, so a function is never deployed without a setting one of its
 * modules needs in the cloud (the bot token of a function that sends by Telegram, say).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadedSettings, type Settings } from '../platform/settings';
import { bundledSources } from './build';

export type SettingsGroups = Map<string, Settings<unknown>[]>;

/** Each function's settings groups, from its bundle's files. */
export async function settingsOfFunctions(root: string): Promise<SettingsGroups> {
  const sources = await bundledSources();
  const ownersOf = new Map<string, string[]>();
  for (const file of new Set([...sources.values()].flat())) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const owners = [...text.matchAll(/defineSettings\(\s*'([^']+)'/g)].map((m) => m[1] as string);
    if (owners.length === 0) continue;
    ownersOf.set(file, owners);
    await import(path.join(root, file));
  }
  const byOwner = new Map(loadedSettings().map((group) => [group.owner, group]));
  const groups: SettingsGroups = new Map();
  for (const [name, files] of sources) {
    const owners = [...new Set(files.flatMap((file) => ownersOf.get(file) ?? []))].sort();
    groups.set(
      name,
      owners.map((owner) => {
        const group = byOwner.get(owner);
        if (!group) throw new Error(`settings group ${owner} is declared but did not load`);
        return group;
      }),
    );
  }
  return groups;
}

/**
 * Settings a function's modules need in the cloud that its serverless.yml environment does not
 * give it: the function would refuse to start there (or, before, silently do less).
 */
export function settingsNotGiven(
  environments: Map<string, Record<string, unknown>>,
  groups: SettingsGroups,
): string[] {
  const problems: string[] = [];
  for (const [name, functionGroups] of groups) {
    const given = environments.get(name) ?? {};
    for (const group of functionGroups)
      for (const setting of group.requiredInCloud)
        if (given[setting] === undefined || given[setting] === '')
          problems.push(
            `${name}: ${setting} is needed in the cloud by ${group.owner} but serverless.yml does not give it`,
          );
  }
  return problems;
}

/** Every setting of these groups with its default, as a function given nothing would read it. */
export function settingDefaults(groups: SettingsGroups): Record<string, unknown> {
  const nothingGiven = {
    APP_ENV: 'test',
    DB_DRIVER: 'sqlite',
    KMS_DRIVER: 'keyring',
    TELEGRAM_WEBHOOK_SECRET: 'placeholder-webhook-secret',
  };
  const all = [...new Set([...groups.values()].flat())];
  return Object.assign({}, ...all.map((group) => group.parse(nothingGiven)));
}
