/** Closed-loop load: N workers each await one operation after another for a fixed time. */
export interface LoadResult {
  readonly operations: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly operationsPerSecond: number;
}

export async function runWriters(options: {
  readonly workers: number;
  readonly durationMs: number;
  readonly eventsPerOperation: number;
  /** One operation of worker `w`; `n` counts that worker's operations from 0. */
  readonly operation: (w: number, n: number) => Promise<void>;
}): Promise<LoadResult> {
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();
  let operations = 0;
  await Promise.all(
    Array.from({ length: options.workers }, async (_, w) => {
      for (let n = 0; performance.now() < deadline; n++) {
        await options.operation(w, n);
        operations++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = operations * options.eventsPerOperation;
  return {
    operations,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    operationsPerSecond: operations / seconds,
  };
}

/** Reads until `page` returns nothing; returns events per second. */
export async function runReader(page: () => Promise<number>): Promise<LoadResult> {
  const started = performance.now();
  let events = 0;
  let operations = 0;
  for (;;) {
    const n = await page();
    operations++;
    if (!n) break;
    events += n;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    operations,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    operationsPerSecond: operations / seconds,
  };
}
