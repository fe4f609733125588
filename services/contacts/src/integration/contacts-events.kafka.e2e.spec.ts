/**
 * The contacts service publishing on a real Kafka broker: the HTTP story of one person becomes
 * CloudEvents on crm.contacts.v1, keyed by contact, and after erasure nothing newer names them.
 * The app runs in a MESSAGING_NAMESPACE of this run: its `contacts` consumer group and topics are
 * its own, so it cannot take partitions from another run on the shared broker (the sales system
 * e2e starts a contacts process too) nor be fed its messages. The tenant is unique as well.
 */
import { topicFor } from '@crm/contracts';
import { namespacedName } from '@crm/messaging';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

// Interactions must not lie in the future: the literal dates below are in the past of this
// pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');

interface Seen {
  type: string;
  subject: string;
  key: string;
  body: string;
}

describeWithKafka('contacts integration events on Kafka (e2e)', ({ brokers }) => {
  let t: ContactsTestApp;
  const tenant = uniqueName('tenant');
  const namespace = uniqueName('contacts-e2e');
  const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString() ?? '';

  beforeAll(async () => {
    // Messaging reads its namespace from the process environment when the app boots.
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startContactsTestApp({ KAFKA_BROKERS: brokers().join(',') }, { clock });
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  async function readUntil(
    contactId: string,
    lastType: string,
    timeoutMs = 30_000,
  ): Promise<Seen[]> {
    const consumer = new Kafka({
      clientId: 'contacts-e2e',
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId: uniqueName('contacts-e2e') });
    const seen: Seen[] = [];
    await consumer.connect();
    await consumer.subscribe({
      topic: namespacedName(namespace, topicFor('contacts')),
      fromBeginning: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no ${lastType} within ${timeoutMs} ms; saw ${seen.map((s) => s.type)}`),
            ),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (header(message, 'ce_tenantid') !== tenant) return;
            const item = {
              type: header(message, 'ce_type'),
              subject: header(message, 'ce_subject'),
              key: message.key?.toString() ?? '',
              body: message.value?.toString() ?? '',
            };
            if (item.subject !== contactId) return;
            seen.push(item);
            if (item.type === lastType) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }

  it('publishes registration, consent, interaction and erasure; nothing after the erasure names the person', async () => {
    const manager = { tenant, roles: ['sales-manager' as const] };
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      tenant,
      payload: {
        name: { given: 'Radia', family: 'Perlmanzz' },
        emails: [{ address: 'radia@stp.example' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await t.call({
      method: 'PUT',
      url: `/contacts/${id}/consent/email`,
      tenant,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    await t.call({
      method: 'POST',
      url: `/contacts/${id}/interactions`,
      tenant,
      payload: {
        kind: 'call',
        occurredAt: '2026-01-01T10:00:00Z',
        call: {
          direction: 'inbound',
          from: '+14155552671',
          to: '+4930123456',
          startedAt: '2026-01-01T10:00:00Z',
          durationSeconds: 60,
          outcome: 'connected',
        },
      },
    });
    expect(
      (await t.call({ method: 'POST', url: `/contacts/${id}/erase`, ...manager })).statusCode,
    ).toBe(200);

    const seen = await readUntil(id, 'crm.contacts.contact.erased.v1');
    expect(seen.map((s) => s.type)).toEqual([
      'crm.contacts.contact.registered.v1',
      'crm.contacts.contact.consent_changed.v1',
      'crm.contacts.contact.interaction_logged.v1',
      'crm.contacts.contact.erased.v1',
    ]);
    expect(seen.every((s) => s.key === id)).toBe(true);
    expect(JSON.parse(seen[0].body)).toMatchObject({
      contactId: id,
      displayName: 'Radia Perlmanzz',
      primaryEmail: 'radia@stp.example',
    });
    const erasedAt = seen.findIndex((s) => s.type.endsWith('erased.v1'));
    expect(seen.slice(erasedAt).some((s) => /Perlmanzz|radia@stp/i.test(s.body))).toBe(false);
  });

  /** An integrator's copy of a contact, kept from the facts alone (event-carried state). */
  function follow(facts: readonly Seen[]): Record<string, unknown> {
    let copy: Record<string, unknown> = {};
    for (const fact of facts) {
      const {
        contactId: _key,
        changed: _names,
        archivedAt: _a,
        restoredAt: _r,
        ...values
      } = JSON.parse(fact.body) as Record<string, unknown>;
      copy = fact.type.endsWith('.registered.v1') ? values : { ...copy, ...values };
    }
    return copy;
  }

  it('lets an integrator follow a contact from the topic alone, equal to what REST answers', async () => {
    const admin = { tenant, roles: ['admin' as const] };
    await t.call({
      method: 'POST',
      url: '/custom-fields',
      ...admin,
      payload: { key: 'tier', label: 'Tier', type: 'single-select', options: ['gold', 'silver'] },
    });
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      ...admin,
      payload: {
        name: { given: 'Hedy', family: 'Lamarr' },
        emails: [{ address: 'hedy@films.example' }, { address: 'hedy@patents.example' }],
        phones: [{ number: '+14155552671' }],
        addresses: [
          { addressId: 'home', lines: ['1 Sunset Blvd'], city: 'Los Angeles', country: 'US' },
        ],
        preferredChannel: 'sms',
        demographics: { ageBand: '35-44' },
        tags: ['inventor'],
        customFields: { tier: 'silver' },
        lifecycleStage: 'lead',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const changes: [method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object][] =
      [
        ['DELETE', `/contacts/${id}/emails/hedy@films.example`],
        ['POST', `/contacts/${id}/phones`, { number: '+4930123456', primary: true }],
        ['DELETE', `/contacts/${id}/addresses/home`],
        ['POST', `/contacts/${id}/tags`, { tags: ['wifi'] }],
        ['DELETE', `/contacts/${id}/tags/inventor`],
        ['PATCH', `/contacts/${id}/custom-fields`, { values: { tier: 'gold' } }],
        [
          'PATCH',
          `/contacts/${id}`,
          {
            name: { given: 'Hedwig' },
            preferredChannel: null,
            demographics: { gender: 'female' },
            lifecycleStage: 'customer',
            ownerId: 'user-7',
          },
        ],
        ['DELETE', `/contacts/${id}`],
        ['POST', `/contacts/${id}/restore`],
      ];
    for (const [method, url, payload] of changes)
      expect((await t.call({ method, url, payload, ...admin })).statusCode).toBeLessThan(300);

    const copy = follow(await readUntil(id, 'crm.contacts.contact.restored.v1'));
    const {
      id: _id,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      companyName: _n,
      ...rest
    } = (await t.call({ url: `/contacts/${id}`, ...admin })).json();
    // REST leaves out what is not set; the facts say null. Otherwise member for member the same.
    const { primaryEmail, primaryPhone, ...carried } = Object.fromEntries(
      Object.entries(copy).filter(([, value]) => value !== null),
    );
    expect(carried).toEqual(rest);
    expect([primaryEmail, primaryPhone]).toEqual(['hedy@patents.example', '+4930123456']);
  });
});
