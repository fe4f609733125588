/**
 * The runner on real PostgreSQL: crashes injected at every step boundary, concurrent runs of one
 * process, refusals compensated in reverse, transient failures resumed in the background by
 * either of two "replicas". Each step's effect is an idempotent insert, as a create with a
 * deterministic id is; `calls` counts how often a step actually ran.
 */
import { DomainError } from '@crm/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import type { ProcessDefinition } from './process-plan';
import { ProcessCrash, ProcessRunner, type StepPoint } from './process-runner';
import { ProcessStore } from './process-store';

type Input = { refuseAt?: string; failOnceAt?: string };
const STEPS = ['decide', 'company', 'contact', 'finish'];

describe('ProcessRunner', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: ProcessStore;
  const calls: string[] = [];
  const failedOnce = new Set<string>();

  const definition: ProcessDefinition<Input> = {
    type: 'test.conversion',
    steps: STEPS.map((name) => ({
      name,
      run: async ({ processId, input }) => {
        calls.push(`${processId}:${name}`);
        if (input.refuseAt === name)
          throw new DomainError('CompanyRefused', `${name} refused`, 'invalid', { field: name });
        if (input.failOnceAt === name && !failedOnce.has(processId)) {
          failedOnce.add(processId);
          throw new Error('connection reset');
        }
        await pool.query('INSERT INTO effects VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          processId,
          name,
        ]);
      },
      ...(name === 'finish'
        ? {}
        : {
            compensate: async ({ processId }) => {
              calls.push(`${processId}:undo ${name}`);
              await pool.query('DELETE FROM effects WHERE process_id = $1 AND step = $2', [
                processId,
                name,
              ]);
            },
          }),
    })),
  };
  const runner = (options = {}) => {
    const r = new ProcessRunner(store, {
      leaseMs: 200,
      waitMs: 3_000,
      retryBaseMs: 50,
      ...options,
    });
    r.register(definition);
    return r;
  };
  const effects = async (id: string) =>
    (
      await pool.query('SELECT step FROM effects WHERE process_id = $1 ORDER BY step', [id])
    ).rows.map((r) => r.step);
  const ran = (id: string) =>
    calls.filter((c) => c.startsWith(`${id}:`)).map((c) => c.slice(id.length + 1));

  beforeAll(async () => {
    db = await createTestDatabase('process_runner');
    pool = new Pool({ connectionString: db.url, max: 10 });
    await pool.query(
      'CREATE TABLE effects (process_id text, step text, PRIMARY KEY (process_id, step))',
    );
    store = new ProcessStore(pool, 'test_processes');
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const points: StepPoint['when'][] = ['before', 'after'];
  it.each(STEPS.flatMap((step) => points.map((when) => [when, step] as const)))(
    'a run crashed %s step %s is finished by the next run, each effect exactly once',
    async (when, step) => {
      const id = `crash-${when}-${step}`;
      const crashing = runner();
      crashing.hooks.atStep = (point) => {
        if (point.step === step && point.when === when) throw new ProcessCrash(point);
      };
      await expect(crashing.start(definition, { tenant: 't', id }, {})).rejects.toThrow(
        ProcessCrash,
      );
      expect((await store.get({ tenant: 't', type: definition.type, id }))?.status).toBe('pending');

      // The crashed run's lease runs out (200 ms); the next request takes the process over.
      const { outcome, created } = await runner().start(definition, { tenant: 't', id }, {});
      expect(created).toBe(false);
      expect(outcome.status).toBe('completed');
      expect(await effects(id)).toEqual([...STEPS].sort());
      // Only a step interrupted after its effect ran twice (its effect is idempotent).
      const rerun = (s: string) => (s === step && when === 'after' ? [s, s] : [s]);
      expect(ran(id)).toEqual(STEPS.flatMap(rerun));
    },
  );

  it('runs each step once however many requests start one process at the same time', async () => {
    const id = 'concurrent';
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => runner().start(definition, { tenant: 't', id }, {})),
    );
    expect(outcomes.map((o) => o.outcome.status)).toEqual(Array(5).fill('completed'));
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(ran(id)).toEqual(STEPS);
  });

  it('undoes the steps done, newest first, when a step refuses, and answers the refusal', async () => {
    const id = 'refused';
    const { outcome } = await runner().start(
      definition,
      { tenant: 't', id },
      { refuseAt: 'contact' },
    );
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.problem).toMatchObject({
      status: 422,
      type: '/problems/company-refused',
      errors: [expect.objectContaining({ field: 'contact' })],
    });
    expect(ran(id)).toEqual(['decide', 'company', 'contact', 'undo company', 'undo decide']);
    expect(await effects(id)).toEqual([]);
    // A retry gets the same answer and runs nothing again.
    const again = await runner().advance(definition, { tenant: 't', id });
    expect(again).toMatchObject({ status: 'refused', problem: { status: 422 } });
    expect(ran(id)).toHaveLength(5);
  });

  it('starts again a process refused at its first step (it left nothing), but not one that did work', async () => {
    const id = 'refused-first';
    const refused = await runner().start(definition, { tenant: 't', id }, { refuseAt: 'decide' });
    expect(refused.outcome.status).toBe('refused');
    expect(ran(id)).toEqual(['decide']);
    const again = await runner().start(definition, { tenant: 't', id }, {});
    expect(again).toMatchObject({ created: true, outcome: { status: 'completed' } });
    expect(ran(id)).toEqual(['decide', ...STEPS]);

    // 'refused' above did steps before its refusal: its answer stays the refusal.
    const stays = await runner().start(definition, { tenant: 't', id: 'refused' }, {});
    expect(stays).toMatchObject({ created: false, outcome: { status: 'refused' } });
  });

  it('leaves a transiently failed process visibly pending, and one of two replicas resumes it', async () => {
    const id = 'transient';
    const { outcome } = await runner().start(
      definition,
      { tenant: 't', id },
      { failOnceAt: 'company' },
    );
    expect(outcome).toMatchObject({
      status: 'pending',
      record: { attempts: 1, lastError: 'connection reset', stepsDone: ['decide'] },
    });
    expect(await store.unfinished()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: definition.type, status: 'pending' }),
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 120)); // past the 50 ms back-off
    const [a, b] = [runner(), runner()];
    const resumed = await Promise.all([a.resumeDue(), b.resumeDue()]);
    expect(resumed[0] + resumed[1]).toBeGreaterThanOrEqual(1);
    expect((await store.get({ tenant: 't', type: definition.type, id }))?.status).toBe('completed');
    expect(ran(id)).toEqual(['decide', 'company', 'company', 'contact', 'finish']);
  });
});
