import * as z from 'zod/mini';
import { type Environment, environment } from './environment';
import { ResidencyViolation } from './residency';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** How a group's own checks report a bad setting. */
export interface SettingsChecks {
  /** Whether the function runs in Yandex Cloud (APP_ENV=cloud, the default). */
  cloud: boolean;
  fail(setting: string, message: string): void;
  /** Runs a residency check, turning its refusal into a failure of `setting`. */
  guard(setting: string, check: () => void): void;
}

/** A group of settings one module (or the runtime kit) declares and reads. */
export interface Settings<T> {
  /** This function's values, parsed once per environment. */
  (): T;
  /** The module that declares the group, or `platform`. */
  readonly owner: string;
  /** What a function bundling this module must be given in the cloud (serverless.yml). */
  readonly requiredInCloud: readonly string[];
  /** The values in `env`; throws ConfigError naming every bad setting. */
  parse(env: Environment): T;
  /** What is wrong with `env` for this group, one line per setting. */
  problems(env: Environment): string[];
}

type ValuesOf<S extends z.core.$ZodLooseShape> = z.output<z.ZodMiniObject<S, z.core.$strip>>;

/**
 * The kinds of setting, as environment text is read. zod's small build: settings are checked at
 * every cold start, and the health check loads nothing else of zod.
 */
export const setting = {
  text: (fallback: string) => z._default(z.string(), fallback),
  optionalText: (min = 0, max = 10_000) => z.optional(z.string().check(z.minLength(min), z.maxLength(max))),
  matching: (pattern: RegExp, message: string) => z.optional(z.string().check(z.regex(pattern, message))),
  matchingOr: (pattern: RegExp, message: string, fallback: string) =>
    z._default(z.string().check(z.regex(pattern, message)), fallback),
  integer: (min: number, max: number, fallback: number) =>
    z._default(z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max))), fallback),
  number: (min: number, max: number, fallback: number) =>
    z._default(z.pipe(z.coerce.number(), z.number().check(z.minimum(min), z.maximum(max))), fallback),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
    z._default(z.enum(values), fallback as never),
  optionalOneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.optional(z.enum(values)),
  url: (fallback: string) => z._default(z.url(), fallback),
  optionalUrl: () => z.optional(z.url()),
  bucket: (fallback: string) => z._default(z.string().check(z.minLength(3)), fallback),
};

const loaded: Settings<unknown>[] = [];

/**
 * Declares a module's settings: their schema (with defaults), those a deployment must give it
 * in the cloud, and checks across settings. A function's settings are the groups of the modules
 * it bundles; `checkSettings` validates them all at cold start.
 */
export function defineSettings<S extends z.core.$ZodLooseShape>(
  owner: string,
  shape: S,
  options: {
    requiredInCloud?: (keyof S & string)[];
    check?: (values: ValuesOf<S>, checks: SettingsChecks) => void;
  } = {},
): Settings<ValuesOf<S>> {
  type Values = ValuesOf<S>;
  const schema = z.object(shape);
  const requiredInCloud = options.requiredInCloud ?? [];
  const cache = new WeakMap<Environment, Values>();

  const validate = (env: Environment): { values?: Values; problems: string[] } => {
    const problems: string[] = [];
    const parsed = schema.safeParse(env);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
      return { problems };
    }
    const cloud = (env.APP_ENV ?? 'cloud') === 'cloud';
    if (cloud)
      for (const name of requiredInCloud)
        if (!env[name]) problems.push(`${name}: required in the cloud by ${owner}`);
    const fail = (setting: string, message: string) => problems.push(`${setting}: ${message}`);
    options.check?.(parsed.data, {
      cloud,
      fail,
      guard: (setting, check) => {
        try {
          check();
        } catch (error) {
          if (!(error instanceof ResidencyViolation)) throw error;
          fail(setting, error.reason);
        }
      },
    });
    return { values: parsed.data, problems };
  };

  const parse = (env: Environment): Values => {
    const { values, problems } = validate(env);
    if (problems.length || !values)
      throw new ConfigError(`Invalid configuration, the function cannot start:\n  ${problems.join('\n  ')}`);
    return values;
  };

  const read = (() => {
    const env = environment();
    let values = cache.get(env);
    if (!values) {
      values = parse(env);
      cache.set(env, values);
    }
    return values;
  }) as Settings<Values>;
  Object.assign(read, {
    owner,
    requiredInCloud,
    parse,
    problems: (env: Environment) => validate(env).problems,
  });
  loaded.push(read as Settings<unknown>);
  return read;
}

/** Every settings group the running code has declared: in a bundle, those of its modules. */
export function loadedSettings(): readonly Settings<unknown>[] {
  return loaded;
}

/** Checks every loaded group against this function's environment: a misconfigured function never starts. */
export function checkSettings(env: Environment = environment()): void {
  const problems = [...new Set(loaded.flatMap((group) => group.problems(env)))];
  if (problems.length)
    throw new ConfigError(`Invalid configuration, the function cannot start:\n  ${problems.join('\n  ')}`);
}
