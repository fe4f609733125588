/**
 * Writes the snapshot of every published schema (event payloads, and state-topic values in
 * schemas/state/), refusing any breaking change (that needs a new major version, i.e. a new type
 * and topic). Run after adding an event type or an optional field:
 *   node -r @swc-node/register libs/contracts/src/cli/update-schema-snapshots.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { INTEGRATION_EVENTS } from '../catalog';
import { findBreakingChanges } from '../compatibility';
import type { JsonSchema } from '../json-schema';
import {
  readSnapshots,
  renderSnapshot,
  SCHEMA_SNAPSHOT_DIR,
  snapshotPath,
  STATE_SCHEMA_SNAPSHOT_DIR,
} from '../schema-snapshots';
import { STATE_TOPICS } from '../state-catalog';

/** Writes one folder's snapshots; returns how many types were refused or removed. */
function update(
  what: string,
  definitions: readonly { type: string; schema: JsonSchema }[],
  dir: string,
): number {
  const snapshots = readSnapshots(dir);
  mkdirSync(dir, { recursive: true });
  let refused = 0;
  for (const d of definitions) {
    const published = snapshots.get(d.type);
    const breaking = published ? findBreakingChanges(published, d.schema) : [];
    if (breaking.length) {
      refused += 1;
      for (const b of breaking) process.stderr.write(`${d.type} ${b.path}: ${b.problem}\n`);
      continue;
    }
    writeFileSync(snapshotPath(d.type, dir), renderSnapshot(d.schema));
  }
  const removed = [...snapshots.keys()].filter((t) => !definitions.some((d) => d.type === t));
  for (const type of removed)
    process.stderr.write(`${type}: published type removed from the catalog\n`);
  process.stdout.write(`${definitions.length - refused} ${what} snapshots written to ${dir}\n`);
  return refused + removed.length;
}

function main(): number {
  const failures =
    update('event schema', INTEGRATION_EVENTS, SCHEMA_SNAPSHOT_DIR) +
    update('state schema', STATE_TOPICS, STATE_SCHEMA_SNAPSHOT_DIR);
  return failures ? 1 : 0;
}

process.exitCode = main();
