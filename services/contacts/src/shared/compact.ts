/** Drops undefined properties so events hold no `"key": undefined` noise (JSON would drop them anyway). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
