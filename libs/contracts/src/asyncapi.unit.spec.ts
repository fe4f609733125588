import { Parser } from '@asyncapi/parser';
import { asyncApiDocument, asyncApiDocumentOf } from './asyncapi';
import { eventsOfService, INTEGRATION_EVENTS, publishedTopics } from './catalog';
import { STATE_TOPICS, stateTopicsOfService } from './state-catalog';
import { defineStateTopic } from './state-topic';

async function parse(document: Record<string, unknown>) {
  const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
  const errors = diagnostics
    .filter((d) => d.severity === 0)
    .map((d) => `${d.path.join('.')}: ${d.message}`);
  return { parsed: parsed!, errors };
}

describe('AsyncAPI document', () => {
  const document = asyncApiDocument();

  it('is a valid AsyncAPI 3 document', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics
      .filter((d) => d.severity === 0)
      .map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(parsed).toBeDefined();
    expect(parsed!.version()).toBe('3.0.0');
  });

  it('has one channel per topic and every event and state type as a message with its schema', async () => {
    const { document: parsed } = await new Parser().parse(JSON.stringify(document));
    const addresses = parsed!
      .channels()
      .all()
      .map((c) => c.address());
    expect(addresses.sort()).toEqual(
      [...publishedTopics(), ...STATE_TOPICS.map((d) => d.topic)].sort(),
    );
    const names = parsed!
      .messages()
      .all()
      .map((m) => m.name());
    expect(new Set(names)).toEqual(
      new Set([...INTEGRATION_EVENTS, ...STATE_TOPICS].map((d) => d.type)),
    );
    const registered = parsed!
      .messages()
      .all()
      .find((m) => m.name() === 'crm.contacts.contact.registered.v1')!;
    expect(registered.payload()?.required()).toEqual([
      'contactId',
      'displayName',
      'lifecycleStage',
    ]);
    expect(registered.headers()?.properties()?.ce_type?.const()).toBe(
      'crm.contacts.contact.registered.v1',
    );
  });

  describe('per service', () => {
    const retention = {
      eventRetentionMs: 7 * 86_400_000,
      deadLetterRetentionMs: 3 * 86_400_000,
      stateDeleteRetentionMs: 86_400_000,
    };

    it.each(['contacts', 'sales'] as const)(
      'serves only what %s publishes: its event topic and its state topics',
      async (service) => {
        const { parsed, errors } = await parse(asyncApiDocument({ service, retention }));
        expect(errors).toEqual([]);
        const addresses = parsed
          .channels()
          .all()
          .map((c) => c.address());
        expect(addresses.sort()).toEqual(
          [
            ...new Set(eventsOfService(service).map((d) => d.topic)),
            ...stateTopicsOfService(service).map((d) => d.topic),
          ].sort(),
        );
        expect(addresses).not.toContain('crm.campaigns.v1');
        expect(addresses).not.toContain('crm.analytics.v1');
        const names = parsed
          .messages()
          .all()
          .map((m) => m.name());
        expect(new Set(names)).toEqual(
          new Set([
            ...eventsOfService(service).map((d) => d.type),
            ...stateTopicsOfService(service).map((d) => d.type),
          ]),
        );
      },
    );

    it('states retention on event channels and compaction on state channels', async () => {
      const state = defineStateTopic({
        service: 'contacts',
        aggregate: 'widget',
        summary: 'A widget as GET /widgets/{id} returns it',
        schema: {
          type: 'object',
          properties: { widgetId: { type: 'string' }, name: { type: 'string' } },
          required: ['widgetId'],
        },
      });
      const document = asyncApiDocumentOf(eventsOfService('contacts'), [state], { retention });
      const { parsed, errors } = await parse(document);
      expect(errors).toEqual([]);
      const channels = document.channels as Record<string, any>;
      const events = Object.values(channels).find((c) => c.address === 'crm.contacts.v1');
      expect(events.bindings.kafka.topicConfiguration).toEqual({
        'cleanup.policy': ['delete'],
        'retention.ms': retention.eventRetentionMs,
      });
      expect(events.description).toContain('kept 7 days');
      expect(events.description).toContain('crm.contacts.v1.dlq, kept 3 days');
      const stateChannel = Object.values(channels).find((c) => c.address === state.topic);
      expect(stateChannel.bindings.kafka.topicConfiguration).toEqual({
        'cleanup.policy': ['compact'],
        'retention.ms': -1,
        'delete.retention.ms': retention.stateDeleteRetentionMs,
      });
      const message = parsed
        .messages()
        .all()
        .find((m) => m.name() === state.type)!;
      expect(message.headers()?.properties()?.ce_type?.const()).toBe(state.type);
      const payload = message.payload()!;
      expect(payload.oneOf()!.map((s) => s.type())).toEqual(['object', 'null']);
      expect(payload.oneOf()![0].required()).toEqual(['widgetId']);
    });
  });
});
