/**
 * npm run bench:analytics [-- --quick] [-- --json] [-- --contacts N] [-- --orders N] [-- --rounds N]
 *
 * Issue 16's performance figures, each beside a floor measured in the same run, printed, never
 * asserted (README.md here says what each contender does):
 * 1. ingest: integration events/s from the transport into the analytics tables (the service's
 *    consumers) against a bare consumer doing the same writes in the same transaction shape;
 * 2. fits: BG/NBD + Gamma-Gamma on 25,000 customers, and rules at support 0.001 on 10,000
 *    baskets, in seconds.
 * Scratch database on DATABASE_URL's server (else an embedded PostgreSQL), created and dropped
 * here; the embedded log transport in it, or Kafka when KAFKA_BROKERS is set. Rounds alternate
 * which contender goes first; medians, and the median of the per-round ratios.
 * `--json` prints one JSON object on the last line.
 */
import { createScratchDatabase } from '@crm/testing';
import os from 'node:os';
import { Pool } from 'pg';
import { benchHistory } from './bench-events';
import { runApp, runBare, type IngestRun } from './ingest-bench';
import { lifetimeValueFigures, miningFigures } from './model-fits-bench';

const quick = process.argv.includes('--quick');

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

async function ingestFigures(contacts: number, orders: number, rounds: number) {
  const now = new Date();
  const { events } = benchHistory({ contacts, orders }, now);
  const warmUp = benchHistory({ contacts: 100, orders: 300 }, now, 7).events;
  const scratch = await createScratchDatabase('crm_bench_analytics');
  const kafkaBrokers = process.env.KAFKA_BROKERS ?? '';
  const pool = new Pool({ connectionString: scratch.url, max: 2 });
  const target = { databaseUrl: scratch.url, kafkaBrokers, pool };
  const stallMs = 60_000;
  try {
    // Unmeasured: the app creates the schema (the bare consumer writes into it), JIT warms up.
    await runApp(target, warmUp, 'warm', stallMs);
    await runBare(target, warmUp, 'warm', stallMs);
    const runs: IngestRun[][] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      const pair: IngestRun[] = [];
      for (const contender of order) {
        const run = await (contender === 'app' ? runApp : runBare)(
          target,
          events,
          `r${r}`,
          stallMs,
        );
        console.error(
          `  round ${r + 1} ${contender}: ${Math.round(run.eventsPerSecond)} events/s (${run.seconds.toFixed(1)} s,` +
            ` ${Math.round(run.cpuMicrosPerEvent)} us CPU/event in this process)`,
        );
        pair.push(run);
      }
      runs.push(pair);
    }
    const rate = (pair: IngestRun[], c: string) =>
      pair.find((p) => p.contender === c)!.eventsPerSecond;
    const ratios = runs.map((pair) => rate(pair, 'app') / rate(pair, 'bare'));
    return {
      transport: kafkaBrokers ? 'kafka' : 'embedded',
      events: events.length,
      contacts,
      orders,
      eventsPerSecond: median(runs.map((p) => rate(p, 'app'))),
      bareEventsPerSecond: median(runs.map((p) => rate(p, 'bare'))),
      ratioVsBare: median(ratios),
      ratiosPerRound: ratios.map((x) => round(x, 2)),
      cpuMicrosPerEvent: median(
        runs.map((p) => p.find((x) => x.contender === 'app')!.cpuMicrosPerEvent),
      ),
      bareCpuMicrosPerEvent: median(
        runs.map((p) => p.find((x) => x.contender === 'bare')!.cpuMicrosPerEvent),
      ),
    };
  } finally {
    await pool.end();
    await scratch.release();
  }
}

async function main(): Promise<void> {
  const rounds = argument('rounds', quick ? 1 : 3);
  const contacts = argument('contacts', quick ? 500 : 2_000);
  const orders = argument('orders', quick ? 1_500 : 6_000);
  const load = () => round(os.loadavg()[0], 2);
  const loadBefore = load();

  console.error('fits (in memory) ...');
  const lifetime = lifetimeValueFigures(25_000, quick ? 1 : 3);
  const mining = miningFigures(
    benchHistory({ contacts: 3_500, orders: 10_000 }, new Date()).orders,
    quick ? 1 : 3,
  );
  console.error(`ingest: ${contacts} contacts + ${orders} orders, ${rounds} round(s) ...`);
  const ingest = await ingestFigures(contacts, orders, rounds);

  const result = {
    events_per_s: Math.round(ingest.eventsPerSecond),
    bare_events_per_s: Math.round(ingest.bareEventsPerSecond),
    ratio_vs_bare: round(ingest.ratioVsBare, 2),
    ratios_per_round: ingest.ratiosPerRound,
    cpu_us_per_event: Math.round(ingest.cpuMicrosPerEvent),
    bare_cpu_us_per_event: Math.round(ingest.bareCpuMicrosPerEvent),
    transport: ingest.transport,
    ingest_events: ingest.events,
    fit_seconds: round(lifetime.fitSeconds),
    fit_status: lifetime.status,
    fit_customers: lifetime.customers,
    fit_floor_seconds: round(lifetime.floorSeconds),
    fit_ratio_vs_floor: round(lifetime.ratioVsFloor, 1),
    bg_nbd_iterations: lifetime.bgNbd.iterations,
    gamma_gamma_iterations: lifetime.gammaGamma.iterations,
    mining_seconds: round(mining.miningSeconds),
    mining_baskets: mining.baskets,
    mining_rules: mining.rules,
    mining_itemsets: mining.frequentItemsets,
    basket_fit_seconds: round(mining.wholeFitSeconds),
    mining_ratio_vs_encode: round(mining.ratioVsEncode, 1),
    e2e_p99_ms: null,
    quick,
    rounds,
    cores: os.cpus().length,
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    load_average_1m: [loadBefore, load()],
  };
  console.log(
    [
      `bench:analytics on ${result.machine}, load ${loadBefore} -> ${load()}${quick ? ' (--quick)' : ''}`,
      `ingest (${ingest.transport} transport, ${ingest.events} events: ${contacts} contacts, 300 products, ${orders} orders), median of ${rounds}:`,
      `  analytics consumers ${result.events_per_s} events/s, bare consumer ${result.bare_events_per_s} events/s,` +
        ` ratio ${result.ratio_vs_bare} (rounds ${ingest.ratiosPerRound.join(', ')}); goal >= 10,000/s and >= 0.5x`,
      `  CPU of this process per event: analytics ${result.cpu_us_per_event} us, bare ${result.bare_cpu_us_per_event} us`,
      `lifetime value, ${lifetime.customers} customers: ${result.fit_seconds} s (${lifetime.status};` +
        ` BG/NBD ${lifetime.bgNbd.iterations} iterations at ${lifetime.bgNbd.evaluationMs.toFixed(2)} ms an evaluation,` +
        ` Gamma-Gamma ${lifetime.gammaGamma.iterations} at ${lifetime.gammaGamma.evaluationMs.toFixed(2)} ms;` +
        ` one evaluation of both ${result.fit_floor_seconds} s, fit = ${result.fit_ratio_vs_floor} of them); goal < 2 s`,
      `  BG/NBD ${JSON.stringify(lifetime.bgNbd.params)}, Gamma-Gamma ${JSON.stringify(lifetime.gammaGamma.params)}`,
      `rules at support 0.001 on ${mining.baskets} baskets: ${result.mining_seconds} s (${mining.frequentItemsets} itemsets,` +
        ` ${mining.rules} rules; encoding alone ${round(mining.encodeSeconds, 4)} s); goal < 2 s`,
      `  whole basket fit (product + family rules, offers for ${mining.customersWithOffers} customers): ${result.basket_fit_seconds} s`,
      `end to end (sales -> analytics visibility): not measured by this bench yet`,
    ].join('\n'),
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
