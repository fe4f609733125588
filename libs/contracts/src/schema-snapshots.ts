/**
 * The checked-in copy of every published schema (`libs/contracts/schemas/<type>.json`): the
 * compatibility test compares the catalog against these files, so a breaking edit fails the build
 * even though the code that made it compiles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonSchema } from './json-schema';

export const SCHEMA_SNAPSHOT_DIR = path.join(__dirname, '..', 'schemas');

export function snapshotPath(type: string): string {
  return path.join(SCHEMA_SNAPSHOT_DIR, `${type}.json`);
}

export function readSnapshots(): Map<string, JsonSchema> {
  const snapshots = new Map<string, JsonSchema>();
  if (!existsSync(SCHEMA_SNAPSHOT_DIR)) return snapshots;
  for (const file of readdirSync(SCHEMA_SNAPSHOT_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    snapshots.set(
      file.slice(0, -'.json'.length),
      JSON.parse(readFileSync(path.join(SCHEMA_SNAPSHOT_DIR, file), 'utf8')),
    );
  }
  return snapshots;
}

export function renderSnapshot(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
