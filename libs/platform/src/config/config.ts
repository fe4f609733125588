/**
 * Typed environment configuration. A service describes each variable once (type, required or
 * default) and gets a typed object back, or a ConfigError naming every variable that is missing
 * or malformed, so a misconfigured process stops at start-up with one clear message.
 */
export type Env = Readonly<Record<string, string | undefined>>;

interface BaseSpec<T> {
  /** Absent (or empty) variable uses this value; without it and without `optional` the variable is required. */
  readonly default?: T;
  /** Absent variable yields `undefined` instead of an error. */
  readonly optional?: boolean;
  readonly description?: string;
}

export interface StringSpec extends BaseSpec<string> {
  readonly type: 'string';
  readonly minLength?: number;
}
export interface IntSpec extends BaseSpec<number> {
  readonly type: 'int';
  readonly min?: number;
  readonly max?: number;
}
export interface UrlSpec extends BaseSpec<string> {
  readonly type: 'url';
  /** Allowed protocols without the colon, e.g. ['postgres', 'postgresql']. */
  readonly protocols?: readonly string[];
}
export interface EnumSpec<V extends string = string> extends BaseSpec<V> {
  readonly type: 'enum';
  readonly values: readonly V[];
}
export interface BoolSpec extends BaseSpec<boolean> {
  readonly type: 'bool';
}
export interface ListSpec extends BaseSpec<readonly string[]> {
  readonly type: 'list';
  /** Item separator, default ','. Items are trimmed; empty items are dropped. */
  readonly separator?: string;
}

export type VarSpec = StringSpec | IntSpec | UrlSpec | EnumSpec | BoolSpec | ListSpec;
export type ConfigSpec = Readonly<Record<string, VarSpec>>;

type ValueOf<S extends VarSpec> =
  S extends EnumSpec<infer V>
    ? V
    : S extends IntSpec
      ? number
      : S extends BoolSpec
        ? boolean
        : S extends ListSpec
          ? readonly string[]
          : string;

type IsOptional<S extends VarSpec> = S extends { optional: true }
  ? S extends { default: unknown }
    ? false
    : true
  : false;

export type ConfigOf<Spec extends ConfigSpec> = {
  readonly [K in keyof Spec]: IsOptional<Spec[K]> extends true
    ? ValueOf<Spec[K]> | undefined
    : ValueOf<Spec[K]>;
};

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }

  get variables(): string[] {
    return this.problems.map((p) => p.variable);
  }
}

/** Reads every variable of `spec` from `env`; collects all problems before throwing. */
export function loadConfig<const Spec extends ConfigSpec>(
  spec: Spec,
  env: Env = process.env,
): ConfigOf<Spec> {
  const result: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [variable, varSpec] of Object.entries(spec)) {
    const raw = env[variable]?.trim();
    if (raw === undefined || raw === '') {
      if (varSpec.default !== undefined) result[variable] = varSpec.default;
      else if (varSpec.optional) result[variable] = undefined;
      else problems.push({ variable, message: `is required${describe(varSpec)}` });
      continue;
    }
    const parsed = parseValue(varSpec, raw);
    if (parsed.ok) result[variable] = parsed.value;
    else problems.push({ variable, message: parsed.message });
  }
  if (problems.length) throw new ConfigError(problems);
  return result as ConfigOf<Spec>;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseValue(spec: VarSpec, raw: string): Parsed {
  const bad = (expected: string): Parsed => ({
    ok: false,
    message: `must be ${expected} (got ${JSON.stringify(raw)})`,
  });
  switch (spec.type) {
    case 'string':
      if (spec.minLength !== undefined && raw.length < spec.minLength) {
        return { ok: false, message: `must be at least ${spec.minLength} characters long` };
      }
      return { ok: true, value: raw };
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return bad('an integer');
      const value = Number(raw);
      if (!Number.isSafeInteger(value)) return bad('an integer');
      if (spec.min !== undefined && value < spec.min) return bad(`an integer >= ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) return bad(`an integer <= ${spec.max}`);
      return { ok: true, value };
    }
    case 'url': {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { ok: false, message: 'must be an absolute URL' };
      }
      const protocol = url.protocol.replace(/:$/, '');
      if (spec.protocols && !spec.protocols.includes(protocol)) {
        // The value may hold a password: name only the protocol.
        return { ok: false, message: `must use ${spec.protocols.join(' or ')} (got ${protocol})` };
      }
      return { ok: true, value: raw };
    }
    case 'enum':
      return spec.values.includes(raw)
        ? { ok: true, value: raw }
        : bad(`one of ${spec.values.join(', ')}`);
    case 'bool': {
      const lower = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return { ok: true, value: true };
      if (['false', '0', 'no', 'off'].includes(lower)) return { ok: true, value: false };
      return bad('true or false');
    }
    case 'list': {
      const items = raw
        .split(spec.separator ?? ',')
        .map((item) => item.trim())
        .filter(Boolean);
      return items.length ? { ok: true, value: items } : bad('a non-empty list');
    }
  }
}

function describe(spec: VarSpec): string {
  return spec.description ? ` (${spec.description})` : '';
}
