/**
 * The checked-in copy of every published schema (`libs/contracts/schemas/<type>.json`, state
 * topics' values in `schemas/state/<type>.json`): the compatibility test compares the catalogues
 * against these files, so a breaking edit fails the build even though the code that made it
 * compiles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonSchema } from './json-schema';

export const SCHEMA_SNAPSHOT_DIR = path.join(__dirname, '..', 'schemas');
/** Snapshots of the state topics' value schemas. */
export const STATE_SCHEMA_SNAPSHOT_DIR = path.join(SCHEMA_SNAPSHOT_DIR, 'state');

export function snapshotPath(type: string, dir = SCHEMA_SNAPSHOT_DIR): string {
  return path.join(dir, `${type}.json`);
}

export function readSnapshots(dir = SCHEMA_SNAPSHOT_DIR): Map<string, JsonSchema> {
  const snapshots = new Map<string, JsonSchema>();
  if (!existsSync(dir)) return snapshots;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    snapshots.set(
      file.slice(0, -'.json'.length),
      JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
    );
  }
  return snapshots;
}

export function renderSnapshot(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
