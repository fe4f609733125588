/** The `--registry <module.ts>` argument both projection CLIs (rebuild, parked) take. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RebuildCliRegistry } from './rebuild';

/** The registry named by `--registry` in `argv`, or exits 2 with `usage`. */
export function registryFromArgs(argv: readonly string[], usage: string): RebuildCliRegistry {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    options: { registry: { type: 'string' } },
  });
  if (typeof values.registry !== 'string') {
    process.stderr.write(
      `--registry <module exporting projectionRegistry> is required\n${usage}\n`,
    );
    process.exit(2);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.resolve(values.registry));
  const registry: RebuildCliRegistry | undefined = loaded.projectionRegistry ?? loaded.default;
  if (!registry?.projections) {
    process.stderr.write(`${values.registry} exports no projectionRegistry\n`);
    process.exit(2);
  }
  return registry;
}
