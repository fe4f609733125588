import path from 'node:path';

/** `<module.ts>#<export>` (or the module's default export), resolved from the working directory. */
export function loadExport<T>(spec: string | undefined, what: string, fallback?: string): T {
  if (!spec) throw new Error(`--${what} is required`);
  const [file, name = fallback] = spec.split('#');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.resolve(file));
  const value = name ? loaded[name] : loaded.default;
  if (!value) throw new Error(`${file} exports no ${name ?? 'default'}`);
  return value as T;
}
