import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Decider } from '../decider';
import { idOfStream, type RecordedEvent } from '../event-store';
import { openTestStore, type TestStore } from '../testing/postgres-test-store';
import { foldingProjection, handlersFor, type FoldedRow } from './folding-projection';
import type { ProjectionHandler } from './projection';

// A to-do list: items are added and ticked off; the row shows how many are still open.
type TodoEvent =
  | { type: 'TodoListCreated'; data: { title: string } }
  | { type: 'TodoAdded'; data: { item: string } }
  | { type: 'TodoDone'; data: { item: string } }
  | { type: 'TodoListDeleted'; data: Record<string, never> };
interface TodoState {
  readonly title: string;
  readonly open: readonly string[];
}
const todoDecider: Pick<Decider<unknown, TodoEvent, TodoState>, 'initialState' | 'evolve'> = {
  initialState: () => ({ title: '', open: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'TodoListCreated':
        return { ...state, title: event.data.title };
      case 'TodoAdded':
        return { ...state, open: [...state.open, event.data.item] };
      case 'TodoDone':
        return { ...state, open: state.open.filter((item) => item !== event.data.item) };
      case 'TodoListDeleted':
        return state;
    }
  },
};

let t: TestStore;
const written: FoldedRow<TodoState>[] = [];
const handlers = foldingProjection({
  table: 'rm.todo_lists',
  idColumn: 'list_id',
  decider: todoDecider,
  events: {
    TodoListCreated: true,
    TodoAdded: true,
    TodoDone: true,
    TodoListDeleted: async (event, tx) => {
      await tx.query(`DELETE FROM rm.todo_lists WHERE tenant = $1 AND list_id = $2`, [
        event.tenant,
        idOfStream(event.streamId),
      ]);
    },
  },
  // Items arrive in any case; the read model shows them in lower case.
  toDomainEvent: (e) =>
    (e.type === 'TodoAdded'
      ? { type: e.type, data: { item: (e.data as { item: string }).item.toLowerCase() } }
      : { type: e.type, data: e.data }) as TodoEvent,
  write: async (tx, row) => {
    written.push(row);
    await tx.query(
      `INSERT INTO rm.todo_lists (tenant, list_id, title, open_items, state, version) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (tenant, list_id) DO UPDATE SET title = $3, open_items = $4, state = $5, version = $6`,
      [
        row.tenant,
        row.id,
        row.state.title,
        row.state.open.length,
        JSON.stringify(row.state),
        row.version,
      ],
    );
  },
});

beforeAll(async () => {
  t = await openTestStore('es_folding');
  await t.pool.query(`CREATE SCHEMA rm; CREATE TABLE rm.todo_lists (
    tenant text NOT NULL, list_id text NOT NULL, title text NOT NULL, open_items int NOT NULL,
    state jsonb NOT NULL, version int NOT NULL, PRIMARY KEY (tenant, list_id))`);
});
afterAll(() => t.close());

/** Appends the events to `todo-<id>` and projects them (only them) the way a runner would. */
async function project(tenant: string, id: string, events: readonly TodoEvent[]): Promise<void> {
  const stream = { tenant, id: `todo-${id}` };
  const { nextExpectedVersion } = await t.store.append(
    stream,
    events.map((e) => ({ ...e, metadata: { tenant, occurredAt: '2026-01-05T09:00:00.000Z' } })),
  );
  const fromVersion = nextExpectedVersion - events.length + 1;
  const { events: recorded } = await t.store.readStream(stream, { fromVersion });
  await inTransaction(async (tx) => {
    for (const event of recorded) await handlerOf(event)(event, tx);
  });
}
const handlerOf = (event: RecordedEvent): ProjectionHandler =>
  handlers[event.type as TodoEvent['type']];
async function inTransaction(work: (tx: PoolClient) => Promise<void>): Promise<void> {
  const tx = await t.pool.connect();
  try {
    await tx.query('BEGIN');
    await work(tx);
    await tx.query('COMMIT');
  } finally {
    tx.release();
  }
}
const rowsOf = async (tenant: string) =>
  (
    await t.pool.query(
      `SELECT list_id, title, open_items, state, version FROM rm.todo_lists WHERE tenant = $1 ORDER BY list_id`,
      [tenant],
    )
  ).rows;

describe('foldingProjection', () => {
  it('folds each event into its aggregate row with the decider, one row per stream and tenant', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    await project('acme', a, [
      { type: 'TodoListCreated', data: { title: 'Launch' } },
      { type: 'TodoAdded', data: { item: 'Press Release' } },
      { type: 'TodoAdded', data: { item: 'demo' } },
    ]);
    await project('acme', b, [{ type: 'TodoListCreated', data: { title: 'Hiring' } }]);
    // The same stream id in another tenant is another aggregate.
    await project('globex', a, [{ type: 'TodoListCreated', data: { title: 'Other' } }]);
    await project('acme', a, [{ type: 'TodoDone', data: { item: 'demo' } }]); // folds on the stored state

    expect(await rowsOf('acme')).toEqual([
      {
        list_id: a,
        title: 'Launch',
        open_items: 1,
        state: { title: 'Launch', open: ['press release'] }, // toDomainEvent ran before evolve
        version: 4,
      },
      {
        list_id: b,
        title: 'Hiring',
        open_items: 0,
        state: { title: 'Hiring', open: [] },
        version: 1,
      },
    ]);
    expect((await rowsOf('globex')).map((r) => r.title)).toEqual(['Other']);
    expect(written.at(-1)).toMatchObject({ tenant: 'acme', id: a, version: 4 });
    expect(written.at(-1)!.event.type).toBe('TodoDone');
  });

  it("runs a type's own handler instead of folding it", async () => {
    const id = randomUUID();
    await project('initech', id, [{ type: 'TodoListCreated', data: { title: 'Gone soon' } }]);
    await project('initech', id, [{ type: 'TodoListDeleted', data: {} }]);
    expect(await rowsOf('initech')).toEqual([]);
  });
});

describe('handlersFor', () => {
  it('gives every listed type the shared handler unless it names its own', () => {
    const shared: ProjectionHandler = async () => undefined;
    const own: ProjectionHandler = async () => undefined;
    const map = handlersFor<TodoEvent>(
      { TodoListCreated: true, TodoAdded: true, TodoDone: true, TodoListDeleted: own },
      shared,
    );
    expect(map).toEqual({
      TodoListCreated: shared,
      TodoAdded: shared,
      TodoDone: shared,
      TodoListDeleted: own,
    });
  });

  it('is checked by the compiler: every type of the union, and only those', () => {
    const h: ProjectionHandler = async () => undefined;
    // @ts-expect-error TodoListDeleted is missing: a new event type cannot be forgotten.
    handlersFor<TodoEvent>({ TodoListCreated: true, TodoAdded: true, TodoDone: true }, h);
    handlersFor<TodoEvent>(
      {
        TodoListCreated: true,
        TodoAdded: true,
        TodoDone: true,
        TodoListDeleted: true,
        // @ts-expect-error TodoRenamed is not a TodoEvent.
        TodoRenamed: true,
      },
      h,
    );
    // @ts-expect-error without the union no list is accepted (it would check nothing).
    handlersFor({ TodoListCreated: true }, h);
    foldingProjection({
      table: 'rm.todo_lists',
      idColumn: 'list_id',
      decider: todoDecider,
      // @ts-expect-error the decider's union decides: TodoListDeleted is missing.
      events: { TodoListCreated: true, TodoAdded: true, TodoDone: true },
      write: async () => undefined,
    });
  });
});
