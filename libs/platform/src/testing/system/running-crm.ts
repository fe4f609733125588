/**
 * The CRM as deployed, for system e2e specs: the contacts and sales services (and campaigns when
 * asked for) as separate processes on one fresh database (each in its own schema), talking only
 * over HTTP and the message transport. On Kafka all run in a MESSAGING_NAMESPACE of this run, so
 * their topics and consumer groups are their own; the tenant is unique too.
 */
import { createTestDatabase, uniqueName, type TestDatabase } from '@crm/testing';
import { serviceClient, type ServiceClient } from './service-client';
import { freePort, startServiceProcess, type ServiceProcess } from './service-process';

export const SYSTEM_JWT_SECRET = 'crm-system-e2e-secret-0123456789abcdef-xyz';
export const STARTUP_TIMEOUT_MS = 60_000;

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
  /** The run's database (both services' schemas), for specs that count what is in the logs. */
  databaseUrl: string;
  /** SIGKILL one service (a crash), or start it again on the same port and environment. */
  kill(service: ServiceName): Promise<void>;
  restart(service: ServiceName): Promise<void>;
  /** SIGTERM every process (SIGKILL after 10 s) and drop the database. */
  stop(): Promise<void>;
}

export type ServiceName = 'contacts' | 'sales' | 'campaigns';

export interface RunningCrmOptions {
  /** Also run the campaigns service (it only consumes the others' topics). */
  readonly campaigns?: boolean;
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
    let campaignsUrl: string | undefined;
    if (options.campaigns) {
      const campaignsPort = await freePort();
      const campaignsEnv = { ...shared, ...env.campaigns };
      const campaigns = startServiceProcess('campaigns', campaignsPort, campaignsEnv);
      processes.push(campaigns);
      started.campaigns = [campaignsPort, campaignsEnv];
      campaignsUrl = campaigns.baseUrl;
    }
    const order: ServiceName[] = ['contacts', 'sales', 'campaigns'];
    const index = (service: ServiceName) => {
      if (!started[service]) throw new Error(`${service} was not started in this CRM`);
      return order.indexOf(service);
    };
    await Promise.all(processes.map((p) => p.ready(STARTUP_TIMEOUT_MS)));
    const tenant = uniqueName('tenant');
    return {
      tenant,
      namespace,
      sales: serviceClient(sales.baseUrl, tenant, SYSTEM_JWT_SECRET),
      contacts: serviceClient(contacts.baseUrl, tenant, SYSTEM_JWT_SECRET),
      campaigns: campaignsClient(campaignsUrl, tenant),
      contactsFor: (other) => serviceClient(contacts.baseUrl, other, SYSTEM_JWT_SECRET),
      campaignsFor: (other) => campaignsClient(campaignsUrl, other),
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

/** The campaigns client, or one that says campaigns was not started (instead of a dead port). */
function campaignsClient(baseUrl: string | undefined, tenant: string): ServiceClient {
  if (baseUrl) return serviceClient(baseUrl, tenant, SYSTEM_JWT_SECRET);
  return {
    request: () => Promise.reject(new Error('campaigns was not started: pass { campaigns: true }')),
  };
}

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
