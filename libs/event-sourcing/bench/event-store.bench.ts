/**
 * npm run bench:event-store [-- --json] [-- --seconds=N]
 *
 * Append throughput with 16 concurrent writers (1 event per append, and batches of 10) and
 * readAll throughput, for our PostgresEventStore, a plain-INSERT baseline and Emmett, on one
 * fresh database of one server: DATABASE_URL if set, else an embedded PostgreSQL. Then one event
 * to each of --streams=N (100) streams per call: appendToStreams against N appends (multi-stream.ts).
 * With --json the last line is one JSON object with the headline figures.
 */
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { startEmbeddedPostgres } from '@crm/embedded-postgres';
import { baseline, emmett, ours, type Contender } from './contenders';
import { runReader, runWriters, type LoadResult } from './load';
import { multiStreamWorkload } from './multi-stream';

const WRITERS = 16;
const args = process.argv.slice(2);
const json = args.includes('--json');
const numberArg = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
/** Measured seconds per contender and workload, split into `rounds` interleaved rounds. */
const seconds = numberArg('seconds', 9);
const rounds = numberArg('rounds', 3);
const multiStreams = numberArg('streams', 100);
const multiWriters = 4;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Server {
  readonly adminUrl: string;
  readonly source: string;
  stop(): Promise<void>;
}

async function resolveServer(): Promise<Server> {
  if (process.env.DATABASE_URL) {
    return {
      adminUrl: process.env.DATABASE_URL,
      source: 'DATABASE_URL',
      stop: async () => undefined,
    };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `crm-bench-pg-${process.pid}`),
    persistent: false,
  });
  return { adminUrl: pg.url, source: 'embedded-postgres', stop: pg.stop };
}

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function warmUp(contender: Contender, batch: number): Promise<void> {
  // Connections, prepared statements, plan caches; on other streams, not measured.
  await runWriters({
    workers: WRITERS,
    durationMs: 500,
    eventsPerOperation: batch,
    operation: (w, n) => contender.append(w + 1000, n, batch),
  });
}

/**
 * The machine is shared and noisy, so each append workload runs in several short rounds,
 * interleaving the contenders in a rotating order, and the median round counts.
 */
async function appendWorkload(contenders: Contender[], batch: number): Promise<LoadResult[]> {
  for (const c of contenders) await warmUp(c, batch);
  const results: LoadResult[][] = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      // Each round starts fresh streams (writer op numbers far past the previous round's).
      const offset = round * 1_000_000;
      const result = await runWriters({
        workers: WRITERS,
        durationMs: (seconds * 1000) / rounds,
        eventsPerOperation: batch,
        operation: (w, n) => contenders[i].append(w, offset + n, batch),
      });
      results[i].push(result);
    }
  }
  return contenders.map((c, i) => {
    const median = [...results[i]].sort((a, b) => a.operationsPerSecond - b.operationsPerSecond)[
      Math.floor(results[i].length / 2)
    ];
    const rates = results[i].map((r) => fmt(r.operationsPerSecond)).join(' / ');
    log(
      `  ${c.name.padEnd(32)} batch ${String(batch).padStart(2)}: ${fmt(median.operationsPerSecond)} appends/s median of ${rates}`,
    );
    return median;
  });
}

async function main(): Promise<void> {
  const server = await resolveServer();
  const database = `crm_bench_${Date.now().toString(36)}`;
  await admin(server.adminUrl, (c) => c.query(`CREATE DATABASE ${database}`));
  const url = new URL(server.adminUrl);
  url.pathname = `/${database}`;
  const connectionString = url.toString();
  const pool = new Pool({ connectionString, max: WRITERS + 4 });
  // DROP DATABASE ... WITH (FORCE) at the end terminates idle connections: not an error here.
  pool.on('error', () => undefined);
  const contenders: Contender[] = [];
  try {
    const settings = await pool.query<{ version: string; fsync: string; sync: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
              current_setting('synchronous_commit') AS sync`,
    );
    const { version, fsync, sync } = settings.rows[0];
    const machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}`;
    const pgInfo = `PostgreSQL ${version} (${server.source}; fsync=${fsync}, synchronous_commit=${sync})`;
    log(
      `machine: ${machine}\nserver: ${pgInfo}\n${WRITERS} writers, ${seconds}s per contender and append workload in ${rounds} rounds`,
    );

    const [o, b, e] = [
      await ours(pool),
      await baseline(pool),
      await emmett(pool, connectionString),
    ];
    contenders.push(o, b, e);

    log('append:');
    const [s1, s2, s3] = await appendWorkload([o, b, e], 1);
    const single = { ours: s1, baseline: s2, emmett: s3 };
    const [b1, b2, b3] = await appendWorkload([o, b, e], 10);
    const batch10 = { ours: b1, baseline: b2, emmett: b3 };

    // One writer, one append at a time: how an append's latency compares with a bare round trip
    // (SELECT 1) and with a plain INSERT shows how many round trips and how much server work it costs.
    const rtt = await medianLatency(() => pool.query('SELECT 1'));
    const latency = {
      ours: await medianLatency((n) => o.append(2000, n, 1)),
      baseline: await medianLatency((n) => b.append(2000, n, 1)),
      emmett: await medianLatency((n) => e.append(2000, n, 1)),
    };
    log(
      `single writer, median latency: SELECT 1 ${ms(rtt)}, ours ${ms(latency.ours)}, baseline ${ms(latency.baseline)}, Emmett ${ms(latency.emmett)}`,
    );

    log('readAll (pages of 1000, whole log):');
    const read: Record<'ours' | 'baseline' | 'emmett', LoadResult> = {
      ours: await runReader(() => o.readPage()),
      baseline: await runReader(() => b.readPage()),
      emmett: await runReader(() => e.readPage()),
    };
    for (const [name, r] of Object.entries(read)) {
      log(`  ${name.padEnd(32)} ${fmt(r.eventsPerSecond)} events/s (${r.events} events)`);
    }

    log(
      `multi-stream: one event to each of ${multiStreams} streams per call, ${multiWriters} writers:`,
    );
    const multi = await multiStreamWorkload(
      pool,
      { streams: multiStreams, writers: multiWriters, seconds, rounds },
      log,
    );

    const figures = {
      append_per_s: round(single.ours.operationsPerSecond),
      append_batch10_per_s: round(batch10.ours.operationsPerSecond),
      append_batch10_events_per_s: round(batch10.ours.eventsPerSecond),
      read_all_per_s: round(read.ours.eventsPerSecond),
      baseline_insert_per_s: round(single.baseline.operationsPerSecond),
      baseline_insert_batch10_per_s: round(batch10.baseline.operationsPerSecond),
      baseline_read_per_s: round(read.baseline.eventsPerSecond),
      emmett_append_per_s: round(single.emmett.operationsPerSecond),
      emmett_append_batch10_per_s: round(batch10.emmett.operationsPerSecond),
      emmett_read_all_per_s: round(read.emmett.eventsPerSecond),
      ratio_vs_baseline: ratio(
        single.ours.operationsPerSecond,
        single.baseline.operationsPerSecond,
      ),
      ratio_vs_emmett: ratio(single.ours.operationsPerSecond, single.emmett.operationsPerSecond),
      ratio_batch10_vs_baseline: ratio(
        batch10.ours.operationsPerSecond,
        batch10.baseline.operationsPerSecond,
      ),
      ratio_batch10_vs_emmett: ratio(
        batch10.ours.operationsPerSecond,
        batch10.emmett.operationsPerSecond,
      ),
      ratio_read_vs_baseline: ratio(read.ours.eventsPerSecond, read.baseline.eventsPerSecond),
      ratio_read_vs_emmett: ratio(read.ours.eventsPerSecond, read.emmett.eventsPerSecond),
      latency_ms_select1: rtt,
      latency_ms_append: latency.ours,
      latency_ms_baseline_insert: latency.baseline,
      latency_ms_emmett_append: latency.emmett,
      multi_stream: multi,
      writers: WRITERS,
      seconds_per_workload: seconds,
      machine,
      postgres: pgInfo,
    };

    const rows: [string, LoadResult, LoadResult, LoadResult, 'op' | 'ev'][] = [
      ['appends/s, 1 event', single.ours, single.baseline, single.emmett, 'op'],
      ['appends/s, batch of 10', batch10.ours, batch10.baseline, batch10.emmett, 'op'],
      ['readAll events/s', read.ours, read.baseline, read.emmett, 'ev'],
    ];
    const out = [
      '',
      `| workload (${WRITERS} writers) | ours | baseline INSERT | Emmett | ours/baseline | ours/Emmett |`,
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map(([label, ours_, base, emm, unit]) => {
        const v = (r: LoadResult) => (unit === 'op' ? r.operationsPerSecond : r.eventsPerSecond);
        return `| ${label} | ${fmt(v(ours_))} | ${fmt(v(base))} | ${fmt(v(emm))} | ${ratio(v(ours_), v(base))} | ${ratio(v(ours_), v(emm))} |`;
      }),
      '',
      `single writer, median latency: SELECT 1 ${ms(rtt)}, ours ${ms(latency.ours)}, baseline INSERT ${ms(latency.baseline)}, Emmett ${ms(latency.emmett)}`,
      '',
      `| one event to each of ${multi.streams} streams per call (${multi.writers} writers) | events/s | appendToStreams vs it |`,
      '|---|---:|---:|',
      `| appendToStreams (one statement, one transaction) | ${fmt(multi.append_to_streams_events_per_s)} | 1x |`,
      `| ${multi.streams} x appendInTransaction in one transaction | ${fmt(multi.in_transaction_loop_events_per_s)} | ${multi.ratio_vs_in_transaction_loop}x |`,
      `| ${multi.streams} x append (${multi.streams} commits, not atomic) | ${fmt(multi.single_appends_events_per_s)} | ${multi.ratio_vs_single_appends}x |`,
      '',
      `machine: ${machine}; ${pgInfo}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    for (const c of contenders) await c.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await admin(server.adminUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    );
    await server.stop();
  }
}

async function medianLatency(op: (n: number) => Promise<unknown>, count = 300): Promise<number> {
  const samples: number[] = [];
  for (let n = 0; n < count; n++) {
    const started = performance.now();
    await op(n);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(count / 2)] * 1000) / 1000;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function round(n: number): number {
  return Math.round(n);
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
