/**
 * crm.campaigns.v1 and crm.campaigns.segment.state.v1 through the real transport: Kafka when the
 * run has a broker, and always the embedded Postgres transport. A segment is created, edited,
 * activated (a member joins) and archived (the member leaves) over REST; the test reads both
 * topics from outside, on the namespaced names, as an integrator would: every message
 * schema-valid with its CloudEvents headers, the segment's facts in order on its key, nothing
 * personal, the state equal to what REST answers, tenant B's segment only under tenant B.
 */
import {
  CE,
  fromCloudEventHeaders,
  SegmentStateTopic,
  stateTopicFor,
  topicFor,
  validatePayload,
  validateStateValue,
} from '@crm/contracts';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { ManualClock, PG_POOL } from '@crm/platform';
import { describeWithKafka, eventually, uniqueName, waitForTopicMessage } from '@crm/testing';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';

const clock = new ManualClock('2026-09-15T12:00:00Z');
const marketer = { tenant: 'msg-a', sub: 'mia', roles: ['marketer' as const] };
const otherTenant = { tenant: 'msg-b', sub: 'bob', roles: ['marketer' as const] };
// Generous: the relay reads below the cluster's oldest open transaction, which a busy shared
// PostgreSQL (other suites) can hold back for many seconds.
const WAIT_MS = 45_000;
const STORY_MS = 180_000;
const PERSON = { id: 'c-ada', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' };

interface Received {
  readonly topic: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: any;
}

function messagingSuite(kafkaBrokers: () => string) {
  let t: CampaignsTestApp;
  let broker: MessageTransport;
  let eventTopic: string;
  let stateTopic: string;
  const received: Received[] = [];
  let stopConsumer: (() => Promise<void>) | undefined;

  const ofTenant = (topic: string, tenant: string) =>
    received.filter((m) => m.topic === topic && m.headers[CE.tenant] === tenant);
  const call = async (
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    body?: object,
    headers?: Record<string, string>,
  ) => {
    const res = await t.request(method, url, { as: marketer, body, headers });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${JSON.stringify(res.body)}`);
    return res;
  };

  beforeAll(async () => {
    const namespace = uniqueName('campaigns');
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startCampaignsTestApp({ KAFKA_BROKERS: kafkaBrokers() }, { clock });
    eventTopic = namespacedName(namespace, topicFor('campaigns'));
    stateTopic = namespacedName(namespace, stateTopicFor('campaigns', 'segment'));
    // The embedded log lives in the app's database (no MESSAGING_DATABASE_URL in tests).
    broker = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: kafkaBrokers(), DATABASE_URL: t.db.url }),
      { clientId: 'campaigns-messaging-e2e' },
    );
    const handle = await broker.consume({
      groupId: uniqueName('campaigns-test-reader'),
      topics: [eventTopic, stateTopic],
      fromBeginning: true,
      handle: async (m) => {
        received.push({
          topic: m.topic,
          key: m.key,
          headers: m.headers,
          data: JSON.parse(m.value.toString()),
        });
      },
    });
    await handle.ready;
    stopConsumer = () => handle.stop();
    // One person in tenant A's audience, written as the audience consumers write it.
    await t.app.get<Pool>(PG_POOL).query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, email, country, consent, custom_fields, registered_at)
         VALUES ($1, $2, $3, $4, 'DE', '{}', '{}', $5)`,
      [marketer.tenant, PERSON.id, PERSON.name, PERSON.email, clock.now()],
    );
  });
  afterAll(async () => {
    await stopConsumer?.();
    await broker?.close();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it(
    'publishes a segment created, edited, activated and archived, in order, with its state',
    async () => {
      const created = await call('POST', '/segments', {
        name: 'Example people',
        kind: 'dynamic',
        rule: { field: 'email', op: 'contains', value: '@example.com' },
      });
      const segmentId: string = created.body.id;
      await call(
        'PATCH',
        `/segments/${segmentId}`,
        { name: 'Example people in Germany', description: 'for the autumn mailing' },
        { 'if-match': created.headers.etag as string },
      );
      const germanRule = {
        all: [
          { field: 'email', op: 'contains', value: '@example.com' },
          { field: 'country', op: 'eq', value: 'DE' },
        ],
      };
      await call('PATCH', `/segments/${segmentId}`, { rule: germanRule });
      await call('POST', `/segments/${segmentId}/activate`);
      // The engine evaluates the live segment: the person joins before the segment is archived.
      await eventually(async () => {
        const types = ofTenant(eventTopic, marketer.tenant).map((m) => m.headers[CE.type]);
        expect(types).toContain('crm.campaigns.segment.member_joined.v1');
      }, WAIT_MS);
      await call('POST', `/segments/${segmentId}/archive`);
      const other = await t.request('POST', '/segments', {
        as: otherTenant,
        body: { name: 'Tenant B only', kind: 'static' },
      });
      expect(other.status).toBe(201);

      const expected = [
        'created',
        'details_changed',
        'rule_changed',
        'activated',
        'member_joined',
        'archived',
        'member_left',
      ].map((fact) => `crm.campaigns.segment.${fact}.v1`);
      await eventually(async () => {
        const types = ofTenant(eventTopic, marketer.tenant).map((m) => m.headers[CE.type]);
        expect(types).toEqual(expected);
        expect(ofTenant(eventTopic, otherTenant.tenant).map((m) => m.headers[CE.type])).toEqual([
          'crm.campaigns.segment.created.v1',
        ]);
      }, WAIT_MS);

      const facts = ofTenant(eventTopic, marketer.tenant);
      for (const m of facts) {
        // Key = subject = the segment: one segment's facts share a partition, in this order.
        expect(m.key).toBe(segmentId);
        const envelope = fromCloudEventHeaders(m.headers);
        expect(envelope).toMatchObject({ subject: segmentId, source: '/crm/campaigns' });
        expect(m.headers[CE.contentType]).toBe('application/json');
        expect(validatePayload(envelope.type, m.data, 'strict')).toEqual([]);
      }
      expect(new Set(facts.map((m) => m.headers[CE.id])).size).toBe(facts.length);
      const data = (fact: string) =>
        facts.find((m) => m.headers[CE.type] === `crm.campaigns.segment.${fact}.v1`)!.data;
      const at = clock.now().toISOString();
      expect(data('created')).toEqual({
        segmentId,
        name: 'Example people',
        description: null,
        kind: 'dynamic',
        status: 'draft',
        rule: { field: 'email', op: 'contains', value: '@example.com' },
        ruleVersion: 1,
        createdAt: at,
      });
      expect(data('details_changed')).toEqual({
        segmentId,
        name: 'Example people in Germany',
        description: 'for the autumn mailing',
        changedAt: at,
      });
      expect(data('rule_changed')).toMatchObject({ segmentId, rule: germanRule, changedAt: at });
      expect(data('activated')).toMatchObject({ segmentId, status: 'active', activatedAt: at });
      expect(data('archived')).toEqual({ segmentId, status: 'archived', archivedAt: at });
      // Absent while the segment's domain events do not record it; once they do, the same count.
      expect(data('rule_changed').ruleVersion ?? 2).toBe(2);
      expect(data('activated').ruleVersion ?? 3).toBe(3);
      expect(data('member_joined')).toMatchObject({ contactId: PERSON.id, ruleVersion: 3 });
      expect(data('member_left')).toMatchObject({
        contactId: PERSON.id,
        reason: 'segment_archived',
      });
      for (const m of facts) expect(m.headers[CE.time]).toBe(at);
      // Ids and rules only: neither the person's name nor their address reaches the topic.
      const everything = JSON.stringify(received);
      expect(everything).not.toContain(PERSON.email);
      expect(everything).not.toContain(PERSON.name);

      // The state topic ends on the segment as REST answers it (the latest value per key).
      const rest = (await t.request('GET', `/segments/${segmentId}`, { as: marketer })).body;
      expect(rest.status).toBe('archived');
      await eventually(async () => {
        const states = ofTenant(stateTopic, marketer.tenant);
        expect(states.at(-1)?.data).toEqual(rest);
      }, WAIT_MS);
      for (const m of ofTenant(stateTopic, marketer.tenant)) {
        expect(m.key).toBe(segmentId);
        expect(fromCloudEventHeaders(m.headers).type).toBe(SegmentStateTopic.type);
        expect(validateStateValue(SegmentStateTopic, m.data)).toEqual([]);
      }
      // Tenant B's segment has its own state, under its own tenant only.
      await eventually(async () => {
        const states = ofTenant(stateTopic, otherTenant.tenant);
        expect(states.at(-1)?.data).toMatchObject({
          id: other.body.id,
          name: 'Tenant B only',
          kind: 'static',
          listedContacts: 0,
        });
      }, WAIT_MS);
      expect(
        received.filter((m) => m.key === other.body.id).map((m) => m.headers[CE.tenant]),
      ).toEqual(expect.arrayContaining([otherTenant.tenant]));
      expect(
        received.filter(
          (m) => m.key === other.body.id && m.headers[CE.tenant] !== otherTenant.tenant,
        ),
      ).toEqual([]);
    },
    STORY_MS,
  );

  it(
    'publishes a static list uploaded by email as its size; who is in it only as a contact id',
    async () => {
      const created = await call('POST', '/segments', { name: 'Fair visitors', kind: 'static' });
      const segmentId: string = created.body.id;
      const upload = await t.request('PUT', `/segments/${segmentId}/members`, {
        as: marketer,
        body: { emails: [PERSON.email.toUpperCase()] },
      });
      expect(upload.status).toBe(200);
      await call('POST', `/segments/${segmentId}/activate`);
      const ofSegment = () => received.filter((m) => m.topic === eventTopic && m.key === segmentId);
      await eventually(async () => {
        expect(ofSegment().map((m) => m.headers[CE.type])).toEqual(
          ['created', 'list_replaced', 'activated', 'member_joined'].map(
            (fact) => `crm.campaigns.segment.${fact}.v1`,
          ),
        );
      }, WAIT_MS);
      const [createdFact, listed, , joined] = ofSegment();
      expect(createdFact.data).toMatchObject({ kind: 'static', rule: null, listedContacts: 0 });
      expect(listed.data).toEqual({
        segmentId,
        listedContacts: 1,
        ruleVersion: 2,
        replacedAt: clock.now().toISOString(),
      });
      expect(joined.data).toMatchObject({ contactId: PERSON.id, reasons: ['list'] });
      for (const m of ofSegment())
        expect(validatePayload(m.headers[CE.type], m.data, 'strict')).toEqual([]);
      const everything = JSON.stringify(received).toLowerCase();
      expect(everything).not.toContain(PERSON.email);
      expect(everything).not.toContain(PERSON.name.toLowerCase());

      if (kafkaBrokers()) {
        // An integrator starting now bootstraps from the compacted state topic at offset 0.
        const bootstrap = await waitForTopicMessage({
          brokers: kafkaBrokers().split(','),
          topic: stateTopic,
          tenant: marketer.tenant,
          matches: (m) => m.key === segmentId && m.data?.status === 'active',
          timeoutMs: WAIT_MS,
        });
        expect(bootstrap.data).toEqual(
          (await t.request('GET', `/segments/${segmentId}`, { as: marketer })).body,
        );
      }
    },
    STORY_MS,
  );

  it('lists the segment lifecycle and the state topic in its AsyncAPI document', async () => {
    const doc = await t.request('GET', '/asyncapi.json', { as: null });
    expect(doc.status).toBe(200);
    const messages = Object.values(doc.body.components.messages).map((m: any) => m.name);
    for (const fact of [
      'created',
      'details_changed',
      'rule_changed',
      'list_replaced',
      'activated',
      'archived',
      'member_joined',
      'member_left',
    ])
      expect(messages).toContain(`crm.campaigns.segment.${fact}.v1`);
    expect(messages).toContain(SegmentStateTopic.type);
    const addresses = Object.values(doc.body.channels).map((c: any) => c.address);
    expect(addresses).toEqual(expect.arrayContaining([eventTopic, stateTopic]));
  });
}

describe('campaigns messaging over the embedded transport', () => messagingSuite(() => ''));
describeWithKafka('campaigns messaging over Kafka', ({ brokers }) =>
  messagingSuite(() => brokers().join(',')),
);
