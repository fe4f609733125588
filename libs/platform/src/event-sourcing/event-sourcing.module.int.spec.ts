/**
 * EventSourcingModule in a real Nest app on a real PostgreSQL: the command path with
 * read-your-writes per category, crypto-shredding, 503 while a read model is not ready, the
 * rebuild registry, and shutdown.
 */
import {
  checkpointChannel,
  ERASED,
  rebuildProjection,
  type EventStore,
  type PostgresEventStore,
  type SubjectKeyStore,
} from '@crm/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createServiceApp } from '../bootstrap';
import { AggregateCommands } from './aggregate-commands';
import type { EventSourcingModuleOptions } from './event-sourcing-options';
import { projectionRegistryFor } from './projection-registry';
import { READY_CACHE_MS, ReadModels } from './read-models';
import { collectReadYourWrites } from './read-your-writes';
import {
  NOTE_LIST,
  noteDecider,
  notesAppModule,
  notesEventSourcing,
  OTHER_LIST,
} from './testing/notes-app';
import { EVENT_STORE, RAW_EVENT_STORE, SUBJECT_KEYS, WORKER_POOL } from './tokens';

const env = (db: TestDatabase) => ({
  DATABASE_URL: db.url,
  JWT_SECRET: 'event-sourcing-module-secret-0123456789abcdef',
  JWT_JWKS_URL: '',
  LOG_LEVEL: 'silent',
  KAFKA_BROKERS: '',
});

async function startNotesApp(
  db: TestDatabase,
  options: Partial<EventSourcingModuleOptions> = {},
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(notesAppModule(options), { env: env(db) });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  expect(await app.get(ReadModels).whenLive(10_000)).toBe(true);
  return app;
}

const get = (app: NestFastifyApplication, url: string) =>
  app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

/** GETs `url` until it stops answering 200, for at most the gate's cache time (and slack). */
async function gatedWithinCache(app: NestFastifyApplication, url: string) {
  const deadline = performance.now() + READY_CACHE_MS + 1_000;
  for (;;) {
    const res = await get(app, url);
    if (res.statusCode !== 200 || performance.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Like every checkpoint save, with its NOTIFY (`notify: false`: a hand-made UPDATE without). */
const setStatus = (
  pool: Pool,
  projection: string,
  status: 'live' | 'rebuilding',
  { notify = true } = {},
) =>
  pool.query(
    `WITH updated AS (
       UPDATE es_notes.projection_checkpoints SET status = $1 WHERE name = $2 RETURNING name)
     SELECT pg_notify($3, name) FROM updated WHERE $4`,
    [status, projection, checkpointChannel('es_notes'), notify],
  );

describe('EventSourcingModule (int, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let pool: Pool;
  let appClosed = false;

  beforeAll(async () => {
    db = await createTestDatabase('es_module');
    pool = new Pool({ connectionString: db.url, max: 3 });
    pool.on('error', () => undefined); // DROP DATABASE WITH (FORCE) may kill an idle client
    app = await startNotesApp(db);
  });
  afterAll(async () => {
    if (!appClosed) await app?.close();
    await pool?.end();
    await db?.drop();
  });

  const commands = () => app.get(AggregateCommands);
  // As in an HTTP request: ReadModelReadyInterceptor opens the read-your-writes slot.
  const write = (noteId: string, text: string, author = 'ada') =>
    collectReadYourWrites(() => writeOutsideRequest(noteId, text, author));
  const writeOutsideRequest = (noteId: string, text: string, author = 'ada') =>
    commands().execute(
      noteDecider,
      `note-${noteId}`,
      { noteId, author, text },
      {
        tenant: 't1',
        actor: 'user-1',
      },
    );

  it('waits for the read models only in an HTTP request, never in a consumer or a job', async () => {
    const wait = jest.spyOn(app.get(ReadModels), 'readYourWrites');
    try {
      await writeOutsideRequest('n0', 'from a consumer');
      expect(wait).not.toHaveBeenCalled();
      await write('n00', 'from a request');
      expect(wait).toHaveBeenCalledTimes(1);
    } finally {
      wait.mockRestore();
    }
  });

  it('answers a command once its read model shows the write (read-your-writes)', async () => {
    const result = await write('n1', 'hello');
    expect(result.nextExpectedVersion).toBe(1);
    expect(result.readYourWrites).toBe('visible');
    const { rows } = await pool.query(`SELECT text FROM es_notes.note_list WHERE note_id = 'n1'`);
    expect(rows).toEqual([{ text: 'hello' }]);
  });

  it('waits only for the read models that read the stream category', async () => {
    const started = Date.now();
    const result = await write('n2', 'quick');
    // other_list reads only `other-*` streams: waiting for it would take the full 5 s timeout.
    expect(Date.now() - started).toBeLessThan(2_500);
    const readModels = app.get(ReadModels);
    expect(await readModels.caughtUp(result.lastPosition!, 'note')).toBe(true);
    expect(await readModels.caughtUp(result.lastPosition!)).toBe(false);
  }, 20_000);

  it('reports a write the read models do not show within the wait as pending', async () => {
    const readModels = app.get(ReadModels);
    const note = { tenant: 't1', id: 'note-n-unseen' };
    // A position no checkpoint reaches: the wait runs out.
    const beyond = { commit: 2n ** 62n, prepare: 1n };
    expect(await readModels.readYourWrites(beyond, note)).toBe('pending');
    expect(await readModels.isStale(NOTE_LIST, note)).toBe(false);
    // Nothing to wait for in a category no read model reads.
    expect(await readModels.readYourWrites(beyond, { tenant: 't1', id: 'misc-1' })).toBe('visible');
  }, 20_000);

  it('keeps personal data encrypted in the log and folds shredded fields through upcast', async () => {
    await write('n3', 'secret', 'grace');
    const raw = app.get<PostgresEventStore>(RAW_EVENT_STORE);
    const store = app.get<EventStore>(EVENT_STORE);
    const stream = { tenant: 't1', id: 'note-n3' };
    const [stored] = (await raw.readStream(stream)).events;
    expect(JSON.stringify(stored.data)).not.toContain('secret');
    expect((await store.readStream(stream)).events[0].data).toMatchObject({ text: 'secret' });

    await app.get<SubjectKeyStore>(SUBJECT_KEYS).erase('t1', 'grace');
    expect((await store.readStream(stream)).events[0].data).toMatchObject({ text: ERASED });
    const folded = await commands().load(noteDecider, 't1', 'note-n3');
    expect(folded).toEqual({ state: { texts: [''] }, version: 1 });
  });

  it('answers 503 with Retry-After while a read model is rebuilt; other queries answer', async () => {
    await setStatus(pool, NOTE_LIST, 'rebuilding');
    try {
      const during = await get(app, '/notes');
      expect(during.statusCode).toBe(503);
      expect(during.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(during.headers['retry-after']).toBe('5');
      expect(during.json()).toMatchObject({
        type: '/problems/read-model-unavailable',
        status: 503,
        retryAfterSeconds: 5,
      });
      expect((await get(app, '/others')).statusCode).toBe(200);
    } finally {
      await setStatus(pool, NOTE_LIST, 'live');
    }
    const after = await get(app, '/notes');
    expect(after.statusCode).toBe(200);
    expect(after.headers['retry-after']).toBeUndefined();
  });

  it('gates within READY_CACHE_MS even when the status change sends no notification', async () => {
    expect((await get(app, '/notes')).statusCode).toBe(200);
    await setStatus(pool, NOTE_LIST, 'rebuilding', { notify: false });
    try {
      expect((await gatedWithinCache(app, '/notes')).statusCode).toBe(503);
    } finally {
      await setStatus(pool, NOTE_LIST, 'live');
    }
  });

  it('rebuilds through the registry to the same rows, shredded text included; closes its pools', async () => {
    const snapshot = async () =>
      (await pool.query(`SELECT tenant, note_id, text FROM es_notes.note_list ORDER BY note_id`))
        .rows;
    const live = await snapshot();
    expect(live.map((row) => row.text)).toEqual([
      'from a consumer',
      'from a request',
      'hello',
      'quick',
      'secret',
    ]);

    const workerPool = app.get<Pool>(WORKER_POOL);
    await app.close();
    appClosed = true;
    expect(workerPool.ended).toBe(true);

    const registry = projectionRegistryFor(notesEventSourcing);
    expect(registry.projections.map((p) => p.name)).toEqual([NOTE_LIST, OTHER_LIST]);
    const opened = await registry.openStore(pool);
    try {
      await rebuildProjection({
        pool,
        store: opened.store,
        logHead: opened.logHead,
        projection: registry.projections[0],
        schema: registry.schema,
        lockTimeoutMs: 10_000,
      });
    } finally {
      await opened.close?.();
    }
    // The live row kept the text projected before the erase; the rebuild reads it shredded.
    const secret = live.length - 1;
    expect(await snapshot()).toEqual([...live.slice(0, secret), { ...live[secret], text: ERASED }]);
  });
});

describe('EventSourcingModule with gateAllQueries (int, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('es_gate');
    pool = new Pool({ connectionString: db.url, max: 2 });
    pool.on('error', () => undefined);
    app = await startNotesApp(db, { gateAllQueries: true });
  });
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await db?.drop();
  });

  it('answers every query 503 while any read model is rebuilt, but not health', async () => {
    await setStatus(pool, OTHER_LIST, 'rebuilding');
    const during = await get(app, '/others');
    expect(during.statusCode).toBe(503);
    expect(during.headers['retry-after']).toBe('5');
    expect(during.json()).toMatchObject({
      type: '/problems/read-model-unavailable',
      retryAfterSeconds: 5,
      detail: expect.stringContaining(OTHER_LIST),
    });
    expect((await get(app, '/health/live')).statusCode).toBe(200);
    expect((await get(app, '/ungated')).statusCode).toBe(200);

    await setStatus(pool, OTHER_LIST, 'live');
    expect((await get(app, '/others')).statusCode).toBe(200);
  });

  it('answers 503 for a read model that was never built', async () => {
    // A hand-made DELETE sends no notification: the gate closes once its cache expires.
    await pool.query(`DELETE FROM es_notes.projection_checkpoints WHERE name = $1`, [OTHER_LIST]);
    const res = await gatedWithinCache(app, '/others');
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/not built/);
  });
});
