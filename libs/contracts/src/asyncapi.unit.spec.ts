import { Parser } from '@asyncapi/parser';
import { asyncApiDocument } from './asyncapi';
import { INTEGRATION_EVENTS, publishedTopics } from './catalog';

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

  it('has one channel per topic and every event type as a message with its schema', async () => {
    const { document: parsed } = await new Parser().parse(JSON.stringify(document));
    const addresses = parsed!
      .channels()
      .all()
      .map((c) => c.address());
    expect(addresses.sort()).toEqual(publishedTopics());
    const names = parsed!
      .messages()
      .all()
      .map((m) => m.name());
    expect(new Set(names)).toEqual(new Set(INTEGRATION_EVENTS.map((d) => d.type)));
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
});
