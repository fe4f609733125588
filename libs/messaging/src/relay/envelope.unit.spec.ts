import { fromCloudEventHeaders, validatePayload } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import { integrationEventId, RelayMappingError, toOutgoingMessages } from './envelope';
import type { IntegrationEventMapper } from './integration-event-mapper';

const domainEvent: RecordedEvent = {
  id: '8f14e45f-ceea-467f-a0e6-1b5f7d8e0a11',
  type: 'ContactRegistered',
  schemaVersion: 1,
  data: { name: 'Ada Lovelace', birthDate: '1815-12-10' },
  metadata: {
    tenant: 'acme',
    occurredAt: '2026-11-23T09:00:00Z',
    correlationId: 'req-1',
    causationId: 'cmd-1',
  },
  tenant: 'acme',
  streamId: 'contact-c1',
  streamVersion: 1,
  position: { commit: 10n, prepare: 3n },
  createdAt: new Date('2026-11-23T09:00:01Z'),
};

const registered = (data: Record<string, unknown>) => ({
  type: 'crm.contacts.contact.registered.v1',
  subject: 'c1',
  data: { contactId: 'c1', displayName: 'Ada Lovelace', lifecycleStage: 'lead', ...data },
});

describe('relay envelope', () => {
  it('builds key, topic, CloudEvents headers and a schema-valid body', () => {
    const [message] = toOutgoingMessages(domainEvent, () => registered({}), '/crm/contacts');
    expect(message.topic).toBe('crm.contacts.v1');
    expect(message.key).toBe('c1');
    expect(fromCloudEventHeaders(message.headers)).toEqual({
      id: domainEvent.id,
      type: 'crm.contacts.contact.registered.v1',
      source: '/crm/contacts',
      time: '2026-11-23T09:00:00.000Z',
      subject: 'c1',
      tenant: 'acme',
      correlationId: 'req-1',
      causationId: 'cmd-1',
    });
    expect(
      validatePayload('crm.contacts.contact.registered.v1', JSON.parse(String(message.value))),
    ).toEqual([]);
  });

  it('skips events the mapper does not publish', () => {
    expect(toOutgoingMessages(domainEvent, () => null, '/crm/contacts')).toEqual([]);
  });

  it('gives every further integration event of one domain event a stable distinct id', () => {
    const mapper: IntegrationEventMapper = () => [registered({}), registered({ tags: ['vip'] })];
    const first = toOutgoingMessages(domainEvent, mapper, '/x').map((m) => m.headers.ce_id);
    const again = toOutgoingMessages(domainEvent, mapper, '/x').map((m) => m.headers.ce_id);
    expect(first[0]).toBe(domainEvent.id);
    expect(first[1]).not.toBe(first[0]);
    expect(first[1]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(again).toEqual(first);
    expect(integrationEventId(domainEvent.id, 2)).not.toBe(first[1]);
  });

  it('stops on a payload that breaks the schema, naming the domain event and the field', () => {
    const leaky = () => registered({ birthDate: '1815-12-10' });
    expect(() => toOutgoingMessages(domainEvent, leaky, '/x')).toThrow(RelayMappingError);
    expect(() => toOutgoingMessages(domainEvent, leaky, '/x')).toThrow(
      /ContactRegistered 8f14e45f.*birthDate/,
    );
    const wrongType = () => registered({ lifecycleStage: 'prospect' });
    expect(() => toOutgoingMessages(domainEvent, wrongType, '/x')).toThrow(/lifecycleStage/);
  });

  it('stops on an unknown type or a missing subject', () => {
    expect(() =>
      toOutgoingMessages(
        domainEvent,
        () => ({ ...registered({}), type: 'crm.contacts.contact.born.v1' }),
        '/x',
      ),
    ).toThrow(/not a type in @crm\/contracts/);
    expect(() =>
      toOutgoingMessages(domainEvent, () => ({ ...registered({}), subject: '' }), '/x'),
    ).toThrow(/no subject/);
  });
});

describe('relay envelope time', () => {
  const timeOf = (occurredAt: string | undefined) =>
    toOutgoingMessages(
      // A missing occurredAt is off-type, but stored metadata is only JSON: the relay must cope.
      { ...domainEvent, metadata: { ...domainEvent.metadata, occurredAt: occurredAt as string } },
      () => registered({}),
      '/x',
    )[0].headers.ce_time;

  it('keeps a canonical UTC timestamp as it is', () => {
    expect(timeOf('2026-11-23T09:00:00.123Z')).toBe('2026-11-23T09:00:00.123Z');
    expect(timeOf('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
  });

  it('normalises every other form the way Date does, rollovers included', () => {
    expect(timeOf('2026-11-23T10:00:00+01:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(timeOf('2026-02-30T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(timeOf('2025-02-29T00:00:00.000Z')).toBe('2025-03-01T00:00:00.000Z');
    expect(timeOf('2100-02-29T00:00:00.000Z')).toBe('2100-03-01T00:00:00.000Z');
  });

  it('falls back to the time the event was stored', () => {
    expect(timeOf(undefined)).toBe('2026-11-23T09:00:01.000Z');
    expect(timeOf('not a time')).toBe('2026-11-23T09:00:01.000Z');
  });
});
