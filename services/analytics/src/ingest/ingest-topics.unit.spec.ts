/**
 * Every type the ingest consumers handle lives on a topic the rebuild replays (INGEST_TOPICS),
 * so a rebuild cannot silently leave a table behind.
 */
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { CampaignsIngestConsumer } from './campaigns.consumer';
import { ContactStateIngestConsumer } from './contact-state.consumer';
import { ContactsIngestConsumer } from './contacts.consumer';
import { FunnelIngestConsumer } from './funnel.consumer';
import { INGEST_TOPICS } from './ingest-topics';
import { OrdersIngestConsumer } from './orders.consumer';
import { SalesStateIngestConsumer } from './sales-state.consumer';

const CONSUMERS = [
  ContactsIngestConsumer,
  ContactStateIngestConsumer,
  OrdersIngestConsumer,
  SalesStateIngestConsumer,
  FunnelIngestConsumer,
  CampaignsIngestConsumer,
];

/** `crm.sales.order.placed.v1` is on `crm.sales.v1`; a state type is its own topic. */
const topicOf = (type: string) =>
  type.includes('.state.') ? type : `crm.${type.split('.')[1]}.v${type.split('.v').pop()}`;

describe('ingest topics', () => {
  const types = CONSUMERS.flatMap((consumer) =>
    Object.getOwnPropertyNames(consumer.prototype).flatMap((method) => {
      const patterns = Reflect.getMetadata(
        PATTERN_METADATA,
        (consumer.prototype as unknown as Record<string, object>)[method],
      ) as (string | string[])[] | undefined;
      return (patterns ?? []).flat();
    }),
  );

  it('finds the handled types (positive control)', () => {
    expect(types).toEqual(
      expect.arrayContaining(['crm.sales.order.placed.v1', 'crm.contacts.contact.state.v1']),
    );
    expect(types.length).toBeGreaterThan(30);
  });

  it.each([...new Set(types)])('%s is on a replayed topic', (type) => {
    expect(INGEST_TOPICS).toContain(topicOf(type));
  });
});
