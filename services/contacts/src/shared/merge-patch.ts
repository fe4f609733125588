/**
 * JSON Merge Patch (RFC 7396), the meaning of every PATCH body here: a member absent is left as
 * it is, `null` removes it, an object merges into the object it patches (recursively), anything
 * else (a string, a number, an array) replaces the value whole.
 */

/** What a patch for a `T` may hold: every member optional, nullable, nested objects patches too. */
export type MergePatch<T> = {
  [K in keyof T]?:
    | (NonNullable<T[K]> extends readonly unknown[]
        ? T[K]
        : NonNullable<T[K]> extends object
          ? MergePatch<NonNullable<T[K]>>
          : T[K])
    | null;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `target` patched by `patch`. `undefined` members count as absent (a validated DTO leaves
 * undeclared members undefined); the result is a new value, `target` is not changed.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
