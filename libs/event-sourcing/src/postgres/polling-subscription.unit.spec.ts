/**
 * The subscription loop's scheduling, over an in-memory log (the real log is covered by the
 * integration specs): batching, back-pressure, back-off, wake-ups, stop semantics.
 */
import {
  START,
  type Position,
  type ReadAllOptions,
  type ReadAllResult,
  type RecordedEvent,
} from '../event-store';
import { PollingSubscription } from './polling-subscription';

function recorded(n: number): RecordedEvent {
  return {
    id: `id-${n}`,
    type: 'T',
    schemaVersion: 1,
    data: n,
    metadata: { tenant: 't', occurredAt: '2026-01-01T00:00:00Z' },
    tenant: 't',
    streamId: 's-1',
    streamVersion: n,
    position: { commit: BigInt(n), prepare: BigInt(n) },
    createdAt: new Date(0),
  };
}

class MemoryLog {
  readonly events: RecordedEvent[] = [];
  reads = 0;
  append(count: number): void {
    for (let i = 0; i < count; i++) this.events.push(recorded(this.events.length + 1));
  }
  read = async (o: ReadAllOptions): Promise<ReadAllResult> => {
    this.reads++;
    const after = o.after ?? START;
    const page = this.events.filter((e) => e.position.commit > after.commit).slice(0, o.limit);
    return { events: page, last: page.length ? page[page.length - 1].position : after };
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function subscribe(
  log: MemoryLog,
  handler: (events: RecordedEvent[]) => Promise<void>,
  options: { from?: Position; batchSize?: number; minDelayMs?: number; maxDelayMs?: number } = {},
) {
  return new PollingSubscription(
    log.read,
    {},
    options.from ?? START,
    options.batchSize ?? 3,
    handler,
    { minDelayMs: options.minDelayMs ?? 5, maxDelayMs: options.maxDelayMs ?? 40 },
    () => undefined,
  );
}

describe('PollingSubscription', () => {
  it('delivers the backlog in batches, in order, one batch at a time, then stops cleanly', async () => {
    const log = new MemoryLog();
    log.append(7);
    const batches: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const subscription = subscribe(log, async (events) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await sleep(2);
      batches.push(events.map((e) => e.data as number));
      inFlight--;
    });
    await sleep(50);
    await subscription.stop();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(maxInFlight).toBe(1);
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('starts after the checkpoint it is given', async () => {
    const log = new MemoryLog();
    log.append(5);
    const seen: number[] = [];
    const subscription = subscribe(
      log,
      async (events) => void seen.push(...events.map((e) => e.data as number)),
      {
        from: { commit: 3n, prepare: 3n },
      },
    );
    await sleep(30);
    await subscription.stop();
    expect(seen).toEqual([4, 5]);
  });

  it('backs off while idle and reads at once when woken', async () => {
    const log = new MemoryLog();
    const seen: number[] = [];
    const subscription = subscribe(
      log,
      async (events) => void seen.push(...events.map((e) => e.data as number)),
      {
        minDelayMs: 5,
        maxDelayMs: 10_000,
      },
    );
    await sleep(300);
    // 5, 10, 20, 40, 80, 160 ms ...: a handful of reads in 300 ms, not one every 5 ms.
    expect(log.reads).toBeGreaterThanOrEqual(4);
    expect(log.reads).toBeLessThanOrEqual(8);
    log.append(1);
    const woken = Date.now();
    subscription.wake();
    while (!seen.length && Date.now() - woken < 1_000) await sleep(1);
    expect(seen).toEqual([1]);
    expect(Date.now() - woken).toBeLessThan(100); // the next idle poll would be ~300 ms away
    await subscription.stop();
  });

  it('stop() resolves only after the batch in flight has been handled', async () => {
    const log = new MemoryLog();
    log.append(1);
    let handled = false;
    let started!: () => void;
    const inHandler = new Promise<void>((r) => (started = r));
    const subscription = subscribe(log, async () => {
      started();
      await sleep(100);
      handled = true;
    });
    await inHandler;
    await subscription.stop();
    expect(handled).toBe(true);
  });

  it('a failing handler ends the subscription and rejects done, without redelivering', async () => {
    const log = new MemoryLog();
    log.append(2);
    let calls = 0;
    const subscription = subscribe(log, async () => {
      calls++;
      throw new Error('boom');
    });
    await expect(subscription.done).rejects.toThrow('boom');
    await sleep(30);
    expect(calls).toBe(1);
    await expect(subscription.stop()).resolves.toBeUndefined();
  });
});
