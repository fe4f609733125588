/**
 * The build's guard on the public contract: every published schema snapshot must still be
 * satisfied compatibly by the catalog. Breaking a published version fails here; the fix is a new
 * major version (new type, new topic), not editing the snapshot.
 */
import { INTEGRATION_EVENTS } from './catalog';
import { findBreakingChanges } from './compatibility';
import { readSnapshots, renderSnapshot, STATE_SCHEMA_SNAPSHOT_DIR } from './schema-snapshots';
import { STATE_TOPICS } from './state-catalog';

const snapshots = readSnapshots();

describe('published integration event schemas', () => {
  it('has a snapshot for every event type in the catalog', () => {
    const missing = INTEGRATION_EVENTS.map((d) => d.type).filter((t) => !snapshots.has(t));
    // Adding a type: run libs/contracts/src/cli/update-schema-snapshots.ts and commit the file.
    expect(missing).toEqual([]);
  });

  it('never drops a published type', () => {
    const known = new Set(INTEGRATION_EVENTS.map((d) => d.type));
    expect([...snapshots.keys()].filter((t) => !known.has(t))).toEqual([]);
  });

  it.each(INTEGRATION_EVENTS.map((d) => [d.type, d] as const))(
    '%s changes compatibly',
    (_type, d) => {
      const published = snapshots.get(d.type);
      if (!published) return; // reported by the first test
      expect(findBreakingChanges(published, d.schema)).toEqual([]);
    },
  );

  it('keeps snapshots current, so compatible additions are published too', () => {
    const stale = INTEGRATION_EVENTS.filter((d) => {
      const published = snapshots.get(d.type);
      return published && renderSnapshot(published) !== renderSnapshot(d.schema);
    }).map((d) => d.type);
    expect(stale).toEqual([]);
  });
});

describe('published state-topic schemas', () => {
  const stateSnapshots = readSnapshots(STATE_SCHEMA_SNAPSHOT_DIR);

  it('has a snapshot in schemas/state for every state topic, and none for a dropped one', () => {
    // Adding a state topic: run libs/contracts/src/cli/update-schema-snapshots.ts, commit the file.
    expect(STATE_TOPICS.map((d) => d.type).filter((t) => !stateSnapshots.has(t))).toEqual([]);
    const known = new Set(STATE_TOPICS.map((d) => d.type));
    expect([...stateSnapshots.keys()].filter((t) => !known.has(t))).toEqual([]);
  });

  it('changes every state schema compatibly and keeps its snapshot current', () => {
    const breaking = STATE_TOPICS.flatMap((d) => {
      const published = stateSnapshots.get(d.type);
      return published
        ? findBreakingChanges(published, d.schema).map((b) => `${d.type} ${b.path}`)
        : [];
    });
    expect(breaking).toEqual([]);
    const stale = STATE_TOPICS.filter((d) => {
      const published = stateSnapshots.get(d.type);
      return published && renderSnapshot(published) !== renderSnapshot(d.schema);
    }).map((d) => d.type);
    expect(stale).toEqual([]);
  });
});
