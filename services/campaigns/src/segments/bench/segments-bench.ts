/**
 * npm run bench:segments [-- --contacts 100000] [-- --rounds 5] [-- --segments 200] [-- --json]
 *
 * Issue 14's two figures, printed with their baselines from the same run, never asserted:
 *
 * 1. Full evaluation: a 6-condition rule (consent, lifecycle stage, country, a score, an opened
 *    message in the last 180 days, a car bought in the last year) compiled by compileRule and run
 *    over the audience tables, as contacts/s, next to a hand-written SQL query answering the same
 *    question on the same tables (the floor). Both select the member ids; they must agree.
 * 2. Incremental: re-evaluating one contact against 200 live segments after an event, p50/p99
 *    over sample contacts: (a) the evaluation itself (BEGIN, load the contact's audience record,
 *    COMMIT, run every segment's compiled evaluator, explain the matches), with the history kept
 *    per contact (audience_records, what the engine reads) and, for the same contacts in
 *    alternating order, aggregated from the tables (before); both loads must agree; (b) the membership engine's whole path for one queued
 *    change (its transaction, row locks, record, evaluation, the appends of joins and leaves and
 *    their write-side tables), once for changes that move the contact in or out of segments and
 *    once for changes that leave its memberships as they are.
 *
 * The audience is synthetic and deterministic (generate_series and hashes, no randomness), on a
 * scratch database (DATABASE_URL's server, else an embedded PostgreSQL) created and dropped here,
 * served by a campaigns app on the embedded transport (its schema, engine and event store).
 * Rounds alternate the contenders; medians are reported.
 */
import { createServiceApp } from '@crm/platform';
import type { INestApplication } from '@nestjs/common';
import { Client, Pool, type PoolClient } from 'pg';
import { MessagingRuntime } from '@crm/messaging';
import { ReadModels } from '@crm/platform';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { createScratchDatabase } from '@crm/testing';
import { AppModule } from '../../app.module';
import { rebuildContactHistories } from '../../audience/contact-history';
import { loadAudienceRecords } from '../../membership/audience-records';
import { MembershipEngine } from '../../membership/membership-engine';
import { compileRule } from '../rules/compile-sql';
import { compileEvaluator } from '../rules/evaluate';
import type { Rule } from '../rules/rule';
import { validateRule } from '../rules/validate-rule';

const TENANT = 'bench';
const DAY_MS = 86_400_000;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** 100k contacts, ~1.5 orders each over the last two years, in four product families. */
async function seedAudience(pool: Pool, contacts: number, now: Date): Promise<void> {
  // h(i, k): a deterministic pseudo-random integer in [0, 1000) per contact and attribute.
  const h = (k: number) => `(abs(hashtext(i || ':${k}')) % 1000)`;
  await pool.query(
    `INSERT INTO campaigns.audience_contacts
       (tenant, contact_id, display_name, email, lifecycle_stage, status, country, consent,
        gender, birth_date, registered_at, updated_at, messages_received, last_opened_at, scores)
     SELECT $1, 'c-' || lpad(i::text, 7, '0'), 'Contact ' || i, 'c' || i || '@example.org',
            (ARRAY['subscriber','lead','opportunity','customer','churned'])[1 + ${h(1)} % 5],
            CASE WHEN ${h(2)} < 950 THEN 'active' ELSE 'archived' END,
            (ARRAY['DE','AT','CH','FR','IT','ES','NL','PL'])[1 + ${h(3)} % 8],
            jsonb_build_object('email', CASE WHEN ${h(4)} < 700 THEN 'granted' WHEN ${h(4)} < 850 THEN 'withdrawn' ELSE 'unknown' END),
            (ARRAY['female','male','non-binary','undisclosed'])[1 + ${h(5)} % 4],
            date '1950-01-01' + (${h(6)} * 20)::int,
            $2::timestamptz - make_interval(days => (${h(7)} % 900)::int), $2::timestamptz,
            ${h(8)} % 20,
            CASE WHEN ${h(9)} < 800 THEN $2::timestamptz - make_interval(days => (${h(9)} % 400)::int) END,
            jsonb_build_object('propensity', round(${h(10)} / 1000.0, 3))
       FROM generate_series(1, $3) AS i`,
    [TENANT, now.toISOString(), contacts],
  );
  // Order j belongs to a contact picked by hash; one line each.
  const orders = Math.round(contacts * 1.5);
  const o = (k: number) => `(abs(hashtext('o' || j || ':${k}')) % 1000)`;
  await pool.query(
    `INSERT INTO campaigns.audience_order_lines
       (tenant, order_id, line_no, contact_id, product_id, sku, product_family, options, quantity,
        net_minor, currency, ordered_at, status)
     SELECT $1, 'o-' || j, 1, 'c-' || lpad((abs(hashtext('owner' || j)) % $3 + 1)::text, 7, '0'),
            'p-' || (${o(1)} % 40), 'SKU-' || (${o(1)} % 40),
            (ARRAY['cars','bikes','parts','service'])[1 + ${o(2)} % 4],
            CASE WHEN ${o(3)} < 300 THEN ARRAY['gear-auto'] ELSE ARRAY[]::text[] END, 1,
            1000 + ${o(4)} * 300, 'EUR',
            $2::timestamptz - make_interval(days => (abs(hashtext('day' || j)) % 730)::int),
            CASE WHEN ${o(6)} < 950 THEN 'placed' ELSE 'cancelled' END
       FROM generate_series(1, $4) AS j`,
    [TENANT, now.toISOString(), contacts, orders],
  );
  await pool.query(
    `INSERT INTO campaigns.audience_orders (tenant, order_id, contact_id, total_minor, currency, placed_at, status)
     SELECT tenant, order_id, contact_id, net_minor, currency, ordered_at, status
       FROM campaigns.audience_order_lines WHERE tenant = $1`,
    [TENANT],
  );
  await pool.query(
    `UPDATE campaigns.audience_contacts c SET orders_count = s.n, total_spent_minor = s.spent,
            spend_currency = 'EUR', first_order_at = s.first, last_order_at = s.last
       FROM (SELECT contact_id, count(*) AS n, sum(total_minor) AS spent, min(placed_at) AS first,
                    max(placed_at) AS last
               FROM campaigns.audience_orders WHERE tenant = $1 AND status = 'placed'
              GROUP BY contact_id) s
      WHERE c.tenant = $1 AND c.contact_id = s.contact_id`,
    [TENANT],
  );
  // Seeded around the consumers: their per-contact histories are aggregated once here.
  await rebuildContactHistories(pool, TENANT);
  await pool.query('ANALYZE');
}

/** The shape: profile + purchase window + engagement, six conditions. */
const SIX_CONDITIONS: unknown = {
  all: [
    { field: 'consent.email', op: 'eq', value: 'granted' },
    { field: 'lifecycleStage', op: 'in', value: ['customer', 'opportunity'] },
    { field: 'country', op: 'in', value: ['DE', 'AT', 'CH'] },
    { field: 'scores.propensity', op: 'gte', value: 0.3 },
    { field: 'engagement.lastOpenedAt', op: 'within_last', value: '180d' },
    { field: 'purchase.family', op: 'bought', value: { anyOf: ['cars'], within: '365d' } },
  ],
};

/** What a developer would write by hand for the same question on the same tables. */
function handWritten(now: Date): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT c.contact_id FROM campaigns.audience_contacts c
           WHERE c.tenant = $1 AND c.consent->>'email' = 'granted'
             AND c.lifecycle_stage = ANY($2) AND c.country = ANY($3)
             AND (c.scores->>'propensity')::numeric >= $4
             AND c.last_opened_at >= $5 AND c.last_opened_at <= $6
             AND EXISTS (SELECT 1 FROM campaigns.audience_order_lines l
                          WHERE l.tenant = c.tenant AND l.contact_id = c.contact_id
                            AND l.status = 'placed' AND l.product_family = ANY($7)
                            AND l.ordered_at >= $8 AND l.ordered_at <= $6)`,
    params: [
      TENANT,
      ['customer', 'opportunity'],
      ['DE', 'AT', 'CH'],
      0.3,
      new Date(now.getTime() - 180 * DAY_MS),
      now,
      ['cars'],
      new Date(now.getTime() - 365 * DAY_MS),
    ],
  };
}

function checked(input: unknown): Rule {
  const result = validateRule(input);
  if (!result.ok) throw new Error(`bench rule invalid: ${JSON.stringify(result.errors)}`);
  return result.rule;
}

/** 200 live segments of 1-6 conditions drawn from the catalogue's kinds, deterministically. */
function liveSegments(count: number): Rule[] {
  const conditions: unknown[] = [
    { field: 'consent.email', op: 'eq', value: 'granted' },
    { field: 'lifecycleStage', op: 'in', value: ['customer', 'churned'] },
    { field: 'country', op: 'eq', value: 'DE' },
    { field: 'scores.propensity', op: 'gte', value: 0.5 },
    { field: 'engagement.lastOpenedAt', op: 'within_last', value: '90d' },
    { field: 'purchase.family', op: 'bought', value: { anyOf: ['bikes'], within: '180d' } },
    { field: 'purchase.orders', op: 'gte', value: { count: 2 } },
    { field: 'purchase.spent', op: 'gt', value: { amountMinor: 100_000, currency: 'EUR' } },
    { field: 'purchase.option', op: 'bought', value: { anyOf: ['gear-auto'] } },
    { field: 'birthDate', op: 'anniversary_within_next', value: '7d' },
    { field: 'gender', op: 'ne', value: 'male' },
    { field: 'engagement.messagesReceived', op: 'lt', value: 5 },
  ];
  return Array.from({ length: count }, (_, s) => {
    const size = 1 + (s % 6);
    const picked = Array.from({ length: size }, (_, k) => conditions[(s * 7 + k * 5) % 12]);
    return checked(s % 3 === 0 ? { any: picked } : { all: picked });
  });
}

/**
 * The engine's path for one queued change, per sample contact: queue it, drain one batch. The
 * change flips the contact's email consent (in or out of every segment asking for it) or touches
 * nothing a rule reads (memberships unchanged).
 */
async function insertLiveSegments(pool: Pool, rules: readonly Rule[], now: Date): Promise<void> {
  await pool.query(
    `INSERT INTO campaigns.segments (tenant, segment_id, name, kind, status, rule, static_contact_ids, version, rule_version, created_at, updated_at)
     SELECT $1, 'bench-' || i, 'Bench segment ' || i, 'dynamic', 'active', r.rule, '{}', 2, 2, $2, $2
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS r(rule, i)`,
    [TENANT, now, JSON.stringify(rules)],
  );
}

async function engineRound(
  app: INestApplication,
  pool: Pool,
  ids: readonly string[],
  now: Date,
): Promise<{ moving: number[]; unchanged: number[]; appended: number }> {
  const engine = app.get(MembershipEngine);
  const moving: number[] = [];
  const unchanged: number[] = [];
  let appended = 0;
  const drainOne = async (id: string, change: string) => {
    await pool.query(
      `UPDATE campaigns.audience_contacts SET ${change} WHERE tenant = $1 AND contact_id = $2`,
      [TENANT, id],
    );
    await pool.query(
      `INSERT INTO campaigns.audience_changes (tenant, contact_id, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant, contact_id) DO UPDATE SET changed_at = EXCLUDED.changed_at`,
      [TENANT, id, new Date()],
    );
    const started = performance.now();
    const batch = await engine.drain.drainBatch(now);
    const ms = performance.now() - started;
    appended += batch?.appended ?? 0;
    return ms;
  };
  // First pass: every sample contact joins what it matches now (unmeasured warm-up).
  for (const id of ids) await drainOne(id, 'updated_at = updated_at');
  for (const id of ids) {
    moving.push(
      await drainOne(
        id,
        `consent = jsonb_set(consent, '{email}', CASE WHEN consent->>'email' = 'granted' THEN '"withdrawn"' ELSE '"granted"' END::jsonb)`,
      ),
    );
    unchanged.push(await drainOne(id, 'display_name = display_name'));
  }
  return { moving, unchanged, appended };
}

/**
 * Stops the app's projection runners and its messaging (relay, state publisher, consumers) by
 * their own shutdown hooks; app.close() runs them again at the end (tolerated there).
 */
async function pauseSubscribers(app: INestApplication): Promise<void> {
  await app.get(ReadModels, { strict: false }).onModuleDestroy();
  await app.get(MessagingRuntime, { strict: false }).onApplicationShutdown();
}

/**
 * Times every statement pg's clients send while `run` runs, grouped by the statement's first
 * words (a label, not the text); per group: how many, p50 and p99 of the client-side round trip.
 */
async function profileStatements(
  run: () => Promise<unknown>,
): Promise<{ statement: string; count: number; p50_ms: number; p99_ms: number }[]> {
  const times = new Map<string, number[]>();
  const original = Client.prototype.query;
  const label = (q: unknown): string => {
    const text = typeof q === 'string' ? q : ((q as { text?: string })?.text ?? '?');
    return text.replace(/\s+/g, ' ').trim().slice(0, 70);
  };
  // pg's query() has many overloads; the profile only wraps the promise-returning ones.
  const timed = function (this: Client, ...args: unknown[]) {
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (!(result instanceof Promise)) return result;
    const started = performance.now();
    const key = label(args[0]);
    return result.finally(() => {
      const list = times.get(key) ?? [];
      list.push(performance.now() - started);
      times.set(key, list);
    });
  };
  Client.prototype.query = timed as typeof original;
  try {
    await run();
  } finally {
    Client.prototype.query = original;
  }
  return [...times]
    .map(([statement, xs]) => ({
      statement,
      count: xs.length,
      p50_ms: +percentile(xs, 50).toFixed(3),
      p99_ms: +percentile(xs, 99).toFixed(3),
    }))
    .sort((a, b) => b.count * b.p50_ms - a.count * a.p50_ms);
}

async function timeQuery(pool: Pool, sql: string, params: unknown[]): Promise<[number, number]> {
  const started = performance.now();
  const { rowCount } = await pool.query(sql, params);
  return [performance.now() - started, rowCount ?? 0];
}

async function main(): Promise<void> {
  const contacts = argument('contacts', 100_000);
  const rounds = argument('rounds', 5);
  const segmentCount = argument('segments', 200);
  const samples = argument('samples', 1_000);
  const now = new Date();
  const scratch = await createScratchDatabase('crm_bench_segments');
  const pool = new Pool({ connectionString: scratch.url, max: 4 });
  // The service itself: its schema, audience tables, event store and membership engine. Its own
  // rounds are parked (an hour apart) so only the measured drains run.
  const app = await createServiceApp(AppModule, {
    env: {
      DATABASE_URL: scratch.url,
      JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789',
      JWT_JWKS_URL: '',
      KAFKA_BROKERS: '',
      LOG_LEVEL: 'silent',
      CAMPAIGNS_MEMBERSHIP_POLL_MS: '3600000',
      CAMPAIGNS_WINDOW_REEVALUATION_MS: '3600000',
    },
  });
  await app.init();
  try {
    const seedStarted = performance.now();
    await seedAudience(pool, contacts, now);
    console.log(
      `audience: ${contacts} contacts, ${Math.round(contacts * 1.5)} orders (${((performance.now() - seedStarted) / 1000).toFixed(1)} s to seed)`,
    );

    // 1. Full evaluation.
    const compiled = compileRule(checked(SIX_CONDITIONS), { tenantParam: 1, now });
    const ours = {
      sql: `SELECT c.contact_id FROM campaigns.audience_contacts c WHERE ${compiled.where}`,
      params: [TENANT, ...compiled.params],
    };
    const floor = handWritten(now);
    await timeQuery(pool, ours.sql, ours.params); // warm-up
    await timeQuery(pool, floor.sql, floor.params);
    const oursMs: number[] = [];
    const floorMs: number[] = [];
    let members = -1;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
      for (const who of order) {
        const q = who === 'ours' ? ours : floor;
        const [ms, rows] = await timeQuery(pool, q.sql, q.params);
        (who === 'ours' ? oursMs : floorMs).push(ms);
        if (members === -1) members = rows;
        else if (rows !== members) throw new Error(`members differ: ${rows} vs ${members}`);
      }
    }
    const oursRate = contacts / (median(oursMs) / 1000);
    const floorRate = contacts / (median(floorMs) / 1000);

    // 2. Incremental: one contact against every live segment.
    const evaluators = liveSegments(segmentCount).map(compileEvaluator);
    const ids = Array.from(
      { length: samples },
      (_, k) => `c-${String(((k * 104729) % contacts) + 1).padStart(7, '0')}`,
    );
    const client: PoolClient = await pool.connect();
    // The same contacts read both ways, alternating which goes first: the history kept per
    // contact (audience_records, what the engine reads) and aggregated from the tables (before).
    const modes = ['kept', 'live'] as const;
    const fullMs = { kept: [] as number[], live: [] as number[] };
    const loadMs = { kept: [] as number[], live: [] as number[] };
    const evalMs: number[] = [];
    let joined = 0;
    try {
      for (const [k, id] of ids.entries()) {
        const loadedAs: Partial<Record<(typeof modes)[number], unknown>> = {};
        for (const mode of k % 2 === 0 ? modes : [...modes].reverse()) {
          const started = performance.now();
          await client.query('BEGIN');
          const records = await loadAudienceRecords(client, TENANT, [id], {
            live: mode === 'live',
          });
          await client.query('COMMIT');
          const loaded = performance.now();
          const record = records.get(id);
          if (!record) throw new Error(`contact ${id} not loaded`);
          loadedAs[mode] = record;
          for (const evaluator of evaluators) {
            if (evaluator.matches(record, now)) {
              if (mode === 'kept') joined += 1;
              evaluator.explain(record, now);
            }
          }
          const done = performance.now();
          fullMs[mode].push(done - started);
          loadMs[mode].push(loaded - started);
          if (mode === 'kept') evalMs.push(done - loaded);
        }
        if (!isDeepStrictEqual(loadedAs.kept, loadedAs.live))
          throw new Error(`contact ${id}: the kept history differs from the tables'`);
      }
    } finally {
      client.release();
    }

    const engineSamples = ids.slice(0, Math.min(ids.length, 300));
    await insertLiveSegments(pool, liveSegments(segmentCount), now);
    // With the process's projection runners and relay following the log (as in production) ...
    const engine = await engineRound(app, pool, engineSamples, now);
    // ... then with them stopped: the engine's own cost, without its neighbours waking on each
    // append (NOTIFY) and competing for the cores.
    await pauseSubscribers(app);
    const alone = await engineRound(app, pool, engineSamples, now);
    // Each statement of the path, timed client-side (pg_stat_statements is not installed).
    const statements = await profileStatements(() =>
      engineRound(app, pool, engineSamples.slice(0, 100), now),
    );

    const result = {
      contacts,
      members,
      full_ours_ms: +median(oursMs).toFixed(1),
      full_hand_sql_ms: +median(floorMs).toFixed(1),
      full_ours_contacts_per_s: Math.round(oursRate),
      full_hand_sql_contacts_per_s: Math.round(floorRate),
      full_ratio_vs_hand_sql: +(oursRate / floorRate).toFixed(2),
      segments: segmentCount,
      incremental_p50_ms: +percentile(fullMs.kept, 50).toFixed(3),
      incremental_p99_ms: +percentile(fullMs.kept, 99).toFixed(3),
      incremental_eval_only_p99_ms: +percentile(evalMs, 99).toFixed(3),
      load_only_p50_ms: +percentile(loadMs.kept, 50).toFixed(3),
      load_only_p99_ms: +percentile(loadMs.kept, 99).toFixed(3),
      incremental_aggregated_p50_ms: +percentile(fullMs.live, 50).toFixed(3),
      incremental_aggregated_p99_ms: +percentile(fullMs.live, 99).toFixed(3),
      load_aggregated_p50_ms: +percentile(loadMs.live, 50).toFixed(3),
      load_aggregated_p99_ms: +percentile(loadMs.live, 99).toFixed(3),
      load_p99_ratio_kept_vs_aggregated: +(
        percentile(loadMs.kept, 99) / percentile(loadMs.live, 99)
      ).toFixed(2),
      memberships_per_contact: +(joined / fullMs.kept.length).toFixed(1),
      engine_moving_p50_ms: +percentile(engine.moving, 50).toFixed(2),
      engine_moving_p99_ms: +percentile(engine.moving, 99).toFixed(2),
      engine_unchanged_p50_ms: +percentile(engine.unchanged, 50).toFixed(2),
      engine_unchanged_p99_ms: +percentile(engine.unchanged, 99).toFixed(2),
      engine_events_appended: engine.appended,
      engine_alone_moving_p50_ms: +percentile(alone.moving, 50).toFixed(2),
      engine_alone_moving_p99_ms: +percentile(alone.moving, 99).toFixed(2),
      engine_alone_unchanged_p50_ms: +percentile(alone.unchanged, 50).toFixed(2),
      engine_alone_unchanged_p99_ms: +percentile(alone.unchanged, 99).toFixed(2),
      engine_statements: statements,
      machine: `${os.cpus().length} vCPU, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    };
    console.log(
      [
        `full evaluation, 6 conditions over ${contacts} contacts (${members} members), median of ${rounds}:`,
        `  compiled rule    ${result.full_ours_ms} ms  ${result.full_ours_contacts_per_s.toLocaleString('en')} contacts/s  (goal >= 200,000/s)`,
        `  hand-written SQL ${result.full_hand_sql_ms} ms  ${result.full_hand_sql_contacts_per_s.toLocaleString('en')} contacts/s`,
        `  ratio            ${result.full_ratio_vs_hand_sql}x the hand-written query (goal >= 0.5x)`,
        `incremental, one contact against ${segmentCount} live segments, ${ids.length} contacts (BEGIN, load, COMMIT, evaluate):`,
        `  load + evaluate  p50 ${result.incremental_p50_ms} ms  p99 ${result.incremental_p99_ms} ms  (goal p99 < 5 ms; history kept per contact)`,
        `  evaluate only    p99 ${result.incremental_eval_only_p99_ms} ms`,
        `  load only        p50 ${result.load_only_p50_ms} ms  p99 ${result.load_only_p99_ms} ms`,
        `  aggregated from the tables (before), same contacts, alternating:`,
        `  load + evaluate  p50 ${result.incremental_aggregated_p50_ms} ms  p99 ${result.incremental_aggregated_p99_ms} ms`,
        `  load only        p50 ${result.load_aggregated_p50_ms} ms  p99 ${result.load_aggregated_p99_ms} ms  (kept / aggregated p99: ${result.load_p99_ratio_kept_vs_aggregated}x)`,
        `  ${result.memberships_per_contact} memberships per contact`,
        `engine, one queued change of one contact (${engineSamples.length} contacts, ${engine.appended} joins/leaves appended):`,
        `  moves it in/out  p50 ${result.engine_moving_p50_ms} ms  p99 ${result.engine_moving_p99_ms} ms`,
        `  changes nothing  p50 ${result.engine_unchanged_p50_ms} ms  p99 ${result.engine_unchanged_p99_ms} ms`,
        `engine alone (projection runners and relay stopped), same contacts:`,
        `  moves it in/out  p50 ${result.engine_alone_moving_p50_ms} ms  p99 ${result.engine_alone_moving_p99_ms} ms`,
        `  changes nothing  p50 ${result.engine_alone_unchanged_p50_ms} ms  p99 ${result.engine_alone_unchanged_p99_ms} ms`,
        `engine statements (alone, client-side, per drained change), count / p50 / p99 ms:`,
        ...statements.map(
          (st) =>
            `  ${st.count.toString().padStart(4)}  ${st.p50_ms.toFixed(3).padStart(7)}  ${st.p99_ms.toFixed(3).padStart(7)}  ${st.statement}`,
        ),
        `machine: ${result.machine}`,
      ].join('\n'),
    );
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  } finally {
    // The paused parts' shutdown hooks run a second time here.
    await app.close().catch((error: Error) => console.warn(`app.close: ${error.message}`));
    await pool.end();
    await scratch.release();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
