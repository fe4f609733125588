/**
 * The set-up the runner specs share: a fresh database per suite, a log (event store schema) per
 * test so counts are exact, and runners with fast retries that are stopped after each test.
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../postgres';
import { openTestStore, type TestStore } from '../../testing/postgres-test-store';
import { postgresLogHead } from '../log-head';
import { ProjectionRunner, type ProjectionRunnerOptions } from '../projection-runner';

export const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const unique = () => randomUUID().slice(0, 8);

export interface RunnerSuite {
  /** Available from beforeAll on. */
  readonly t: TestStore;
  logFor(id: string): Promise<PostgresEventStore>;
  runner(
    options: Partial<ProjectionRunnerOptions> &
      Pick<ProjectionRunnerOptions, 'projection' | 'store'>,
  ): ProjectionRunner;
}

/** Call at the top of a spec file: registers its beforeAll/afterEach/afterAll hooks. */
export function runnerSuite(prefix: string, poolSize = 20): RunnerSuite {
  let t: TestStore | undefined;
  const runners: ProjectionRunner[] = [];
  const stores: PostgresEventStore[] = [];
  beforeAll(async () => {
    t = await openTestStore(prefix, poolSize);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await t?.close();
  });
  const suite: RunnerSuite = {
    get t() {
      if (!t) throw new Error('runnerSuite: the database is opened in beforeAll');
      return t;
    },
    async logFor(id) {
      const store = await PostgresEventStore.open(suite.t.pool, {
        schema: `log_${id}`,
        polling: { minDelayMs: 5, maxDelayMs: 100 },
      });
      stores.push(store);
      return store;
    },
    runner(options) {
      const r = new ProjectionRunner({
        pool: suite.t.pool,
        logHead: postgresLogHead(options.store as PostgresEventStore),
        batchSize: 100,
        lockRetryMs: 50,
        logger: quietLogger,
        ...options,
      });
      runners.push(r);
      return r;
    },
  };
  return suite;
}
