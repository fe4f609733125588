/**
 * The multi-stream workload of bench:event-store: a writer appends one event to each of N streams
 * at once (a membership batch, an import page), as
 *   - one appendToStreams call (one statement, one transaction),
 *   - N appendInTransaction calls in one transaction (the same all-or-nothing, N round trips),
 *   - N append calls (N statements and N commits, no all-or-nothing),
 * on one store and pool, rounds interleaved in a rotating order; the median round counts.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { ExpectedVersion, NewEvent, StreamAppend } from '../src/event-store';
import { PostgresEventStore, inTransaction } from '../src/postgres';
import { runWriters, type LoadResult } from './load';

const TENANT = 'bench-multi';
/** Streams grow by this many calls, as memberships of the same contacts do. */
const CALLS_PER_STREAM_SET = 10;

export interface MultiStreamFigures {
  readonly streams: number;
  readonly writers: number;
  readonly append_to_streams_events_per_s: number;
  readonly in_transaction_loop_events_per_s: number;
  readonly single_appends_events_per_s: number;
  readonly ratio_vs_in_transaction_loop: number;
  readonly ratio_vs_single_appends: number;
}

function event(w: number, n: number, s: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'SegmentMemberJoined',
    data: { contactId: `c-${w}-${n}-${s}`, segmentId: 'seg-1', why: [{ field: 'country' }] },
    metadata: { tenant: TENANT, actor: 'system:bench', occurredAt: new Date().toISOString() },
  };
}

/** Writer w's n-th call: N streams, each at version n % 10 (0 = new). */
function call(contender: string, w: number, n: number, streams: number): StreamAppend[] {
  const set = Math.floor(n / CALLS_PER_STREAM_SET);
  const version = n % CALLS_PER_STREAM_SET;
  const expected: ExpectedVersion = version === 0 ? 'no-stream' : version;
  return Array.from({ length: streams }, (_, s) => ({
    stream: { tenant: TENANT, id: `membership-${contender}w${w}g${set}s${s}` },
    events: [event(w, n, s)],
    expected,
  }));
}

export async function multiStreamWorkload(
  pool: Pool,
  options: { streams: number; writers: number; seconds: number; rounds: number },
  log: (line: string) => void,
): Promise<MultiStreamFigures> {
  const store = await PostgresEventStore.open(pool, { schema: 'bench_multi', notify: true });
  const contenders: {
    name: string;
    tag: string;
    run: (appends: StreamAppend[]) => Promise<unknown>;
  }[] = [
    { name: 'appendToStreams (1 statement)', tag: 'm', run: (a) => store.appendToStreams(a) },
    {
      name: `${options.streams} x appendInTransaction, 1 tx`,
      tag: 't',
      run: (a) =>
        inTransaction(pool, async (tx) => {
          for (const x of a) await store.appendInTransaction(tx, x.stream, x.events, x.expected);
        }),
    },
    {
      name: `${options.streams} x append (${options.streams} commits)`,
      tag: 's',
      run: async (a) => {
        for (const x of a) await store.append(x.stream, x.events, x.expected);
      },
    },
  ];
  try {
    const results: LoadResult[][] = contenders.map(() => []);
    for (let round = -1; round < options.rounds; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const i = (Math.max(round, 0) + k) % contenders.length;
        const c = contenders[i];
        // Round -1 warms up (prepared statements, plans) and is not counted; every round writes
        // fresh streams (its own offset of call numbers).
        const offset = (round + 1) * 1_000_000;
        const result = await runWriters({
          workers: options.writers,
          durationMs: round < 0 ? 300 : (options.seconds * 1000) / options.rounds,
          eventsPerOperation: options.streams,
          operation: (w, n) =>
            c.run(call(c.tag, w, offset + n, options.streams)).then(() => undefined),
        });
        if (round >= 0) results[i].push(result);
      }
    }
    const medians = results.map(
      (rs) =>
        [...rs].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(rs.length / 2)],
    );
    contenders.forEach((c, i) =>
      log(
        `  ${c.name.padEnd(36)} ${Math.round(medians[i].eventsPerSecond).toLocaleString('en-US')} events/s (median of ${results[
          i
        ]
          .map((r) => Math.round(r.eventsPerSecond).toLocaleString('en-US'))
          .join(' / ')})`,
      ),
    );
    const [multi, loop, single] = medians.map((m) => m.eventsPerSecond);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      streams: options.streams,
      writers: options.writers,
      append_to_streams_events_per_s: Math.round(multi),
      in_transaction_loop_events_per_s: Math.round(loop),
      single_appends_events_per_s: Math.round(single),
      ratio_vs_in_transaction_loop: ratio(multi, loop),
      ratio_vs_single_appends: ratio(multi, single),
    };
  } finally {
    await store.close();
  }
}
