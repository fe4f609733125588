/**
 * `CRM_TEST_REQUIRE=postgres,kafka` turns "skipped because unavailable" into a failure, so CI
 * cannot go green by silently skipping the suites that matter.
 */
export const INFRA_SERVICES = ['postgres', 'kafka', 'eventstore'] as const;
export type InfraService = (typeof INFRA_SERVICES)[number];

/** Printed with every skip, so the reader knows the one step that turns the suite on. */
export const HOW_TO_ENABLE: Record<Exclude<InfraService, 'postgres'>, string> = {
  kafka:
    'set KAFKA_BROKERS=host:port, or put Java 17+ and Maven on PATH (deploy/kafka starts a local broker), or run a Docker engine',
  eventstore:
    'set EVENTSTORE_CONNECTION_STRING=esdb://host:2113?tls=false, or run a Docker engine (testcontainers)',
};

const ALIASES: Record<string, InfraService> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  kafka: 'kafka',
  eventstore: 'eventstore',
  eventstoredb: 'eventstore',
  kurrentdb: 'eventstore',
};

export function parseRequiredServices(value: string | undefined): Set<InfraService> {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in ALIASES));
  if (unknown.length) {
    throw new Error(
      `CRM_TEST_REQUIRE names unknown service(s) ${unknown.join(', ')}; known: ${Object.keys(ALIASES).join(', ')}`,
    );
  }
  return new Set(names.map((n) => ALIASES[n]!));
}

export function isRequired(service: InfraService, env: NodeJS.ProcessEnv = process.env): boolean {
  return parseRequiredServices(env.CRM_TEST_REQUIRE).has(service);
}
