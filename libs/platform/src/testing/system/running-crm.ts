/**
 * The CRM as deployed, for system e2e specs: the contacts and sales services (and campaigns and
 * analytics when asked for) as separate processes on one fresh database (each in its own schema), talking only
 * over HTTP and the message transport. On Kafka all run in a MESSAGING_NAMESPACE of this run, so
 * their topics and consumer groups are their own; the tenant is unique too.
 */
import { createTestDatabase, uniqueName, type TestDatabase } from '@crm/testing';
import { serviceClient, type ServiceClient } from './service-client';
import { freePort, startServiceProcess, type ServiceProcess } from './service-process';

export const SYSTEM_JWT_SECRET = 'crm-system-e2e-secret-0123456789abcdef-xyz';
/**
 * Up to four services transpile their TypeScript at start-up at once: on a loaded two-core CI
 * machine that took over a minute (a single contacts process alone about 20 s).
 */
export const STARTUP_TIMEOUT_MS = 180_000;

export interface RunningCrm {
  tenant: string;
  /** MESSAGING_NAMESPACE of both processes ('' on the embedded transport: its log is this run's database). */
  namespace: string;
  sales: ServiceClient;
  contacts: ServiceClient;
  /** Only when started with `{ campaigns: true }`. */
  campaigns: ServiceClient;
  /** The contacts service as another tenant sees it. */
  contactsFor(tenant: string): ServiceClient;
  /** The campaigns service as another tenant sees it (only when started with campaigns). */
  campaignsFor(tenant: string): ServiceClient;
  /** Only when started with `{ analytics: true }`. */
  analytics: ServiceClient;
  /** The analytics service as another tenant sees it (only when started with analytics). */
  analyticsFor(tenant: string): ServiceClient;
  /** The run's database (both services' schemas), for specs that count what is in the logs. */
  databaseUrl: string;
  /** SIGKILL one service (a crash), or start it again on the same port and environment. */
  kill(service: ServiceName): Promise<void>;
  restart(service: ServiceName): Promise<void>;
  /** SIGTERM every process (SIGKILL after 10 s) and drop the database. */
  stop(): Promise<void>;
}

export type ServiceName = 'contacts' | 'sales' | 'campaigns' | 'analytics';

export interface RunningCrmOptions {
  /** Also run the campaigns service (it only consumes the others' topics). */
  readonly campaigns?: boolean;
  /** Also run the analytics service (it only consumes the others' topics). */
  readonly analytics?: boolean;
}

/**
 * The services on a fresh database; `kafkaBrokers` undefined = embedded transport. `env` adds
 * variables per service (e.g. shorter process leases for a crash spec).
 */
export async function startRunningCrm(
  kafkaBrokers: string[] | undefined,
  env: Partial<Record<ServiceName, Record<string, string>>> = {},
  options: RunningCrmOptions = {},
): Promise<RunningCrm> {
  const processes: ServiceProcess[] = [];
  let db: TestDatabase | undefined;
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  };
  try {
    db = await createTestDatabase('crm_system');
    const brokers = kafkaBrokers?.join(',');
    const namespace = brokers ? uniqueName('system') : '';
    const shared = {
      DATABASE_URL: db.url,
      JWT_SECRET: SYSTEM_JWT_SECRET,
      ...(brokers ? { KAFKA_BROKERS: brokers, MESSAGING_NAMESPACE: namespace } : {}),
    };
    const [contactsPort, salesPort] = [await freePort(), await freePort()];
    // Each knows where the other is: conversion creates contacts, the export asks sales.
    const contactsEnv = { ...shared, SALES_URL: `http://127.0.0.1:${salesPort}`, ...env.contacts };
    const contacts = startServiceProcess('contacts', contactsPort, contactsEnv);
    processes.push(contacts);
    const salesEnv = { ...shared, CONTACTS_URL: contacts.baseUrl, ...env.sales };
    const sales = startServiceProcess('sales', salesPort, salesEnv);
    processes.push(sales);
    const started: Partial<Record<ServiceName, readonly [number, Record<string, string>]>> = {
      contacts: [contactsPort, contactsEnv],
      sales: [salesPort, salesEnv],
    };
    // Consumers only: each is started when asked for, after the two above.
    const urls: Partial<Record<ServiceName, string>> = {};
    for (const service of ['campaigns', 'analytics'] as const) {
      if (!options[service]) continue;
      const port = await freePort();
      const serviceEnv = { ...shared, ...env[service] };
      const consumer = startServiceProcess(service, port, serviceEnv);
      processes.push(consumer);
      started[service] = [port, serviceEnv];
      urls[service] = consumer.baseUrl;
    }
    const index = (service: ServiceName) => {
      if (!started[service]) throw new Error(`${service} was not started in this CRM`);
      return processes.findIndex((p) => p.name === service);
    };
    await Promise.all(processes.map((p) => p.ready(STARTUP_TIMEOUT_MS)));
    const tenant = uniqueName('tenant');
    return {
      tenant,
      namespace,
      sales: serviceClient(sales.baseUrl, tenant, SYSTEM_JWT_SECRET),
      contacts: serviceClient(contacts.baseUrl, tenant, SYSTEM_JWT_SECRET),
      campaigns: consumerClient('campaigns', urls.campaigns, tenant),
      analytics: consumerClient('analytics', urls.analytics, tenant),
      contactsFor: (other) => serviceClient(contacts.baseUrl, other, SYSTEM_JWT_SECRET),
      campaignsFor: (other) => consumerClient('campaigns', urls.campaigns, other),
      analyticsFor: (other) => consumerClient('analytics', urls.analytics, other),
      databaseUrl: db.url,
      kill: (service) => processes[index(service)].kill(),
      async restart(service) {
        const [port, serviceEnv] = started[service]!;
        processes[index(service)] = startServiceProcess(service, port, serviceEnv);
        await processes[index(service)].ready(STARTUP_TIMEOUT_MS);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A consumer service's client, or one that says it was not started (instead of a dead port). */
function consumerClient(
  service: 'campaigns' | 'analytics',
  baseUrl: string | undefined,
  tenant: string,
): ServiceClient {
  if (baseUrl) return serviceClient(baseUrl, tenant, SYSTEM_JWT_SECRET);
  return {
    request: () =>
      Promise.reject(new Error(`${service} was not started: pass { ${service}: true }`)),
  };
}

export * from './integration-feed';

/** startRunningCrm in beforeAll, stop in afterAll; the getter is valid inside tests. */
export function useRunningCrm(
  kafkaBrokers: () => string[] | undefined,
  options: RunningCrmOptions = {},
): () => RunningCrm {
  let crm: RunningCrm | undefined;
  beforeAll(async () => {
    crm = await startRunningCrm(kafkaBrokers(), {}, options);
  }, STARTUP_TIMEOUT_MS + 10_000);
  afterAll(async () => {
    await crm?.stop();
  }, 30_000);
  return () => crm!;
}
export * from './round-robin-proxy';
