/** handleImportCommand on a real PostgreSQL event store: appends, and the position the import waits for. */
import {
  comparePositions,
  PostgresEventStore,
  type Decider,
  type DomainEvent,
} from '@crm/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import { handleImportCommand, type ImportWrites } from './import-command';

type Tagged = DomainEvent<'Tagged', { tag: string }>;
/** Tags a record once: the same tag again decides nothing (an import's duplicate row). */
const tagDecider: Decider<{ tag: string }, Tagged, { tags: string[] }> = {
  initialState: () => ({ tags: [] }),
  evolve: (state, event) => ({ tags: [...state.tags, event.data.tag] }),
  decide: (command, state) =>
    state.tags.includes(command.tag) ? [] : [{ type: 'Tagged', data: { tag: command.tag } }],
};

describe('handleImportCommand (int, real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  const options = {
    caller: { tenant: 't-1', actor: 'user-1' },
    now: () => new Date('2026-01-02T03:04:05.000Z'),
  };

  beforeAll(async () => {
    db = await createTestDatabase('import_command');
    pool = new Pool({ connectionString: db.url });
    pool.on('error', () => undefined);
    store = await PostgresEventStore.open(pool, { schema: 'import_command' });
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await db?.drop();
  });

  it('appends as the caller and keeps the latest position any record reached', async () => {
    const writes: ImportWrites = { lastPosition: undefined };
    const a = { tenant: 't-1', id: 'record-a' };
    const b = { tenant: 't-1', id: 'record-b' };
    const first = await handleImportCommand(store, tagDecider, a, { tag: 'x' }, options, writes);
    expect(first.events).toHaveLength(1);
    expect(first.events[0].metadata).toMatchObject({ actor: 'user-1' });
    expect(writes.lastPosition).toEqual(first.lastPosition);

    const second = await handleImportCommand(store, tagDecider, b, { tag: 'x' }, options, writes);
    expect(comparePositions(second.lastPosition!, first.lastPosition!)).toBeGreaterThan(0);
    expect(writes.lastPosition).toEqual(second.lastPosition);

    // A repeat appends nothing and leaves the position alone.
    const repeat = await handleImportCommand(store, tagDecider, a, { tag: 'x' }, options, writes);
    expect(repeat.events).toHaveLength(0);
    expect(writes.lastPosition).toEqual(second.lastPosition);

    // An earlier position never replaces a later one.
    const later = writes.lastPosition;
    const fresh: ImportWrites = { lastPosition: later };
    const third = await handleImportCommand(store, tagDecider, a, { tag: 'y' }, options, fresh);
    expect(fresh.lastPosition).toEqual(third.lastPosition);
    const kept: ImportWrites = { lastPosition: third.lastPosition };
    await handleImportCommand(store, tagDecider, b, { tag: 'x' }, options, kept);
    expect(kept.lastPosition).toEqual(third.lastPosition);
  });

  it("refuses another tenant's stream (positive control above: t-1 wrote its own)", async () => {
    const writes: ImportWrites = { lastPosition: undefined };
    await expect(
      handleImportCommand(
        store,
        tagDecider,
        { tenant: 't-2', id: 'record-a' },
        { tag: 'x' },
        options,
        writes,
      ),
    ).rejects.toThrow(/does not own/);
    expect(writes.lastPosition).toBeUndefined();
    expect((await store.readStream({ tenant: 't-2', id: 'record-a' })).events).toHaveLength(0);
  });
});
