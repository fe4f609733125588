/**
 * Writes the snapshot of every published schema, refusing any breaking change (that needs a new
 * major version, i.e. a new type and topic). Run after adding an event type or an optional field:
 *   node -r @swc-node/register libs/contracts/src/cli/update-schema-snapshots.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { INTEGRATION_EVENTS } from '../catalog';
import { findBreakingChanges } from '../compatibility';
import {
  readSnapshots,
  renderSnapshot,
  SCHEMA_SNAPSHOT_DIR,
  snapshotPath,
} from '../schema-snapshots';

function main(): number {
  const snapshots = readSnapshots();
  mkdirSync(SCHEMA_SNAPSHOT_DIR, { recursive: true });
  let refused = 0;
  for (const d of INTEGRATION_EVENTS) {
    const published = snapshots.get(d.type);
    const breaking = published ? findBreakingChanges(published, d.schema) : [];
    if (breaking.length) {
      refused += 1;
      for (const b of breaking) process.stderr.write(`${d.type} ${b.path}: ${b.problem}\n`);
      continue;
    }
    writeFileSync(snapshotPath(d.type), renderSnapshot(d.schema));
  }
  const removed = [...snapshots.keys()].filter(
    (t) => !INTEGRATION_EVENTS.some((d) => d.type === t),
  );
  for (const type of removed)
    process.stderr.write(`${type}: published type removed from the catalog\n`);
  process.stdout.write(
    `${INTEGRATION_EVENTS.length - refused} schema snapshots written to ${SCHEMA_SNAPSHOT_DIR}\n`,
  );
  return refused + removed.length ? 1 : 0;
}

process.exitCode = main();
