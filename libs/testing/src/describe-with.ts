/**
 * describe blocks that need optional infrastructure: run when the global setup resolved it,
 * otherwise skip with one loud line saying why and how to enable it — or, when the service is
 * listed in CRM_TEST_REQUIRE, fail instead of skipping.
 */
import { EVENTSTORE_UNAVAILABLE_VAR, testEventStoreConnectionString } from './eventstore';
import { KAFKA_UNAVAILABLE_VAR, testKafkaBrokers } from './kafka';
import { localKafkaUnavailableReason } from './local-kafka';
import { HOW_TO_ENABLE, InfraService, isRequired } from './required';

const NO_GLOBAL_SETUP =
  'the @crm/testing global setup did not run (run the suite through jest with jest.preset.js)';

export function describeWithKafka(
  name: string,
  fn: (ctx: { brokers: () => string[] }) => void,
): void {
  const brokers = testKafkaBrokers();
  if (brokers) {
    describe(name, () => fn({ brokers: () => brokers }));
    return;
  }
  describeUnavailable('kafka', name, process.env[KAFKA_UNAVAILABLE_VAR] ?? NO_GLOBAL_SETUP, () =>
    fn({ brokers: () => unavailable('Kafka') }),
  );
}

/**
 * For suites that start brokers of their own (startDisposableKafka: they stop and restart Kafka,
 * which the shared broker must never suffer): runs where deploy/kafka can run a broker (Java).
 */
export function describeWithLocalKafka(name: string, fn: () => void): void {
  const reason = localKafkaUnavailableReason();
  if (reason) describeUnavailable('kafka', name, reason, fn);
  else describe(name, fn);
}

export function describeWithEventStoreDb(
  name: string,
  fn: (ctx: { connectionString: () => string }) => void,
): void {
  const connectionString = testEventStoreConnectionString();
  if (connectionString) {
    describe(name, () => fn({ connectionString: () => connectionString }));
    return;
  }
  describeUnavailable(
    'eventstore',
    name,
    process.env[EVENTSTORE_UNAVAILABLE_VAR] ?? NO_GLOBAL_SETUP,
    () => fn({ connectionString: () => unavailable('EventStoreDB') }),
  );
}

/** Shared by the wrappers above and by suites with their own precondition (e.g. Java for disposable brokers). */
export function describeUnavailable(
  service: Exclude<InfraService, 'postgres'>,
  name: string,
  reason: string,
  body: () => void,
): void {
  const howTo = HOW_TO_ENABLE[service];
  if (isRequired(service)) {
    describe(name, () => {
      it(`needs ${service} (CRM_TEST_REQUIRE lists it)`, () => {
        throw new Error(
          `${service} is required by CRM_TEST_REQUIRE but unavailable: ${reason}. To enable: ${howTo}`,
        );
      });
    });
    return;
  }
  process.stderr.write(
    `[crm-testing] SKIPPED "${name}": ${service} unavailable: ${reason}. To enable: ${howTo}\n`,
  );
  describe.skip(name, body);
}

function unavailable(what: string): never {
  throw new Error(`${what} is unavailable in this test run; the suite should have been skipped`);
}
