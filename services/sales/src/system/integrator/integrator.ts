/**
 * The integrator as it would run against a deployment: it knows the brokers, the namespace and its
 * tenant, nothing else. start(): read every state topic from offset 0 to its end (bootstrap), then
 * follow both event topics from their start with a consumer group of its own (and the state
 * topics, only for the members the contract publishes nowhere else: STATE_ONLY_MEMBERS).
 */
import { readTopicsToEnd, uniqueName } from '@crm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { IntegratorTables, type PublishedMessage } from './integrator-tables';

const EVENT_TOPICS = ['crm.contacts.v1', 'crm.sales.v1'];
const STATE_TOPIC = /^crm\.(contacts|sales)\.[a-z_]+\.state\.v1$/;

export interface Integrator {
  readonly tables: IntegratorTables;
  /** Messages of this tenant applied from the event topics so far. */
  followed(): number;
  stop(): Promise<void>;
}

function toMessage(headers: Record<string, string>, key: string, value: Buffer | null) {
  return {
    type: headers.ce_type ?? '',
    subject: headers.ce_subject || key,
    time: headers.ce_time ?? '',
    data: value === null ? null : JSON.parse(value.toString('utf8')),
  } satisfies PublishedMessage;
}

export async function startIntegrator(options: {
  brokers: string[];
  namespace: string;
  tenant: string;
}): Promise<Integrator> {
  const { namespace, tenant } = options;
  const kafka = new Kafka({
    clientId: uniqueName('integrator'),
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const prefix = namespace ? `${namespace}.` : '';
  const tables = new IntegratorTables();

  const admin = kafka.admin();
  await admin.connect();
  const topics = await admin.listTopics().finally(() => admin.disconnect());
  const stateTopics = topics.filter(
    (t) => t.startsWith(prefix) && STATE_TOPIC.test(t.slice(prefix.length)),
  );
  for (const m of await readTopicsToEnd(kafka, stateTopics))
    if (m.headers.ce_tenantid === tenant) tables.applyState(toMessage(m.headers, m.key, m.value));

  // Follow: the event topics from their start, and the state topics for the members only they carry.
  let followed = 0;
  const eventTopics = EVENT_TOPICS.map((t) => prefix + t);
  const consumer: Consumer = kafka.consumer({ groupId: uniqueName('integrator') });
  await consumer.connect();
  await consumer.subscribe({ topics: [...eventTopics, ...stateTopics], fromBeginning: true });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
  );
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
      );
      if (headers.ce_tenantid !== tenant) return;
      const published = toMessage(headers, message.key?.toString() ?? '', message.value);
      if (!eventTopics.includes(topic)) return tables.applyStateOnlyMembers(published);
      tables.applyEvent(published);
      followed += 1;
    },
  });
  await joined;
  return { tables, followed: () => followed, stop: () => consumer.disconnect() };
}
