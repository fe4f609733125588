/**
 * Tells a sales test app about contacts and companies the way the contacts service does: their
 * `crm.contacts.v1` registration facts (or their state-topic messages, `sendContactsStates`), sent through the transport the app consumes (the embedded
 * one in its database, or Kafka when the app was started with KAFKA_BROKERS), then waits until
 * sales mirrored them. Sales refuses references to contacts and companies it never heard of.
 */
import {
  CompanyRegistered,
  ContactRegistered,
  toCloudEventHeaders,
  topicFor,
} from '@crm/contracts';
import { createTransport, messagingConfigFromEnv, namespacedName } from '@crm/messaging';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SalesTestApp } from './sales-test-app';

export interface FedContact {
  readonly contactId: string;
  readonly displayName?: string;
  readonly companyId?: string;
  /** Who owns the relationship in contacts. */
  readonly ownerId?: string;
  readonly tenant?: string;
}

export interface FedCompany {
  readonly companyId: string;
  readonly name?: string;
  readonly tenant?: string;
}

/** The dev tokens' default tenant (TestCaller without `tenant`). */
export const DEFAULT_TEST_TENANT = 'tenant-a';

/** One crm.contacts.v1 event as the contacts service publishes it. */
export interface ContactsEvent {
  readonly type: string;
  readonly subject: string;
  readonly data: object;
  readonly tenant?: string;
  /** `ce_id` (default a fresh UUID) and `ce_time` (default now). */
  readonly id?: string;
  readonly time?: string;
}

/** One message of a contacts state topic (`type` names the topic); `data: null` is a tombstone. */
export interface ContactsState extends Omit<ContactsEvent, 'data'> {
  readonly data: object | null;
}

/** Sends crm.contacts.v1 events to the app's transport, without waiting for sales to act. */
export async function sendContactsEvents(
  t: SalesTestApp,
  events: readonly ContactsEvent[],
  env: { KAFKA_BROKERS?: string } = {},
): Promise<void> {
  const feed = openContactsFeed(t, env);
  try {
    await feed.events(events);
  } finally {
    await feed.close();
  }
}

/** Sends messages of the contacts state topics (as the state publisher would), without waiting. */
export async function sendContactsStates(
  t: SalesTestApp,
  states: readonly ContactsState[],
  env: { KAFKA_BROKERS?: string } = {},
): Promise<void> {
  const feed = openContactsFeed(t, env);
  try {
    await feed.states(states);
  } finally {
    await feed.close();
  }
}

export interface ContactsFeed {
  events(events: readonly ContactsEvent[]): Promise<void>;
  states(states: readonly ContactsState[]): Promise<void>;
  close(): Promise<void>;
}

/** One transport for many sends (a test that orders messages across the topics one by one). */
export function openContactsFeed(
  t: SalesTestApp,
  env: { KAFKA_BROKERS?: string } = {},
): ContactsFeed {
  const transport = createTransport(
    messagingConfigFromEnv({ KAFKA_BROKERS: env.KAFKA_BROKERS ?? '', DATABASE_URL: t.db.url }),
    { clientId: 'sales-test-contacts-feed' },
  );
  const send = (plainTopic: string, messages: readonly ContactsState[]) =>
    transport.send(
      messages.map((e) => ({
        topic: namespacedName(process.env.MESSAGING_NAMESPACE ?? '', plainTopic),
        key: e.subject,
        value: e.data === null ? null : JSON.stringify(e.data),
        headers: toCloudEventHeaders({
          id: e.id ?? randomUUID(),
          type: e.type,
          source: '/crm/contacts',
          time: e.time ?? new Date().toISOString(),
          subject: e.subject,
          tenant: e.tenant ?? DEFAULT_TEST_TENANT,
        }),
      })),
    );
  return {
    events: (events) => send(topicFor('contacts'), events),
    // A state type is also its topic's name.
    states: async (states) => {
      for (const state of states) await send(state.type, [state]);
    },
    close: () => transport.close(),
  };
}

/** Sends the registrations without waiting: for tests about the moment before sales mirrored them. */
export async function sendContactsFacts(
  t: SalesTestApp,
  facts: { contacts?: readonly FedContact[]; companies?: readonly FedCompany[] },
  env: { KAFKA_BROKERS?: string } = {},
): Promise<void> {
  await sendContactsEvents(
    t,
    [
      ...(facts.companies ?? []).map((c) => ({
        type: CompanyRegistered.type,
        tenant: c.tenant,
        subject: c.companyId,
        data: { companyId: c.companyId, name: c.name ?? c.companyId },
      })),
      ...(facts.contacts ?? []).map((c) => ({
        type: ContactRegistered.type,
        tenant: c.tenant,
        subject: c.contactId,
        data: {
          contactId: c.contactId,
          displayName: c.displayName ?? c.contactId,
          lifecycleStage: 'lead',
          ...(c.companyId ? { companyId: c.companyId } : {}),
          ...(c.ownerId ? { ownerId: c.ownerId } : {}),
        },
      })),
    ],
    env,
  );
}

/** Sends the facts and waits (up to 20 s) until sales' mirror holds every one of them. */
export async function feedContacts(
  t: SalesTestApp,
  facts: { contacts?: readonly FedContact[]; companies?: readonly FedCompany[] },
  env: { KAFKA_BROKERS?: string } = {},
): Promise<void> {
  await sendContactsFacts(t, facts, env);
  const db = new Client({ connectionString: t.db.url });
  await db.connect();
  try {
    const missing = async () => {
      const contacts = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sales.contact_directory
          WHERE (tenant, contact_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [
          (facts.contacts ?? []).map((c) => c.tenant ?? DEFAULT_TEST_TENANT),
          (facts.contacts ?? []).map((c) => c.contactId),
        ],
      );
      const companies = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sales.company_directory
          WHERE (tenant, company_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [
          (facts.companies ?? []).map((c) => c.tenant ?? DEFAULT_TEST_TENANT),
          (facts.companies ?? []).map((c) => c.companyId),
        ],
      );
      return (
        (facts.contacts ?? []).length -
        contacts.rows[0].n +
        (facts.companies ?? []).length -
        companies.rows[0].n
      );
    };
    const deadline = Date.now() + 20_000;
    while ((await missing()) > 0) {
      if (Date.now() > deadline) throw new Error('sales did not mirror the contacts facts in 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await db.end();
  }
}
