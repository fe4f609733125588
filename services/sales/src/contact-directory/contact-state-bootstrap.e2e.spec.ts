/**
 * Sales' contact directory bootstraps from the contacts state topics (issue 13 "Also check",
 * issue 11): a contact and company that exist only there (their events long gone from
 * crm.contacts.v1) are known to sales; a state and the events of one contact, in any interleaving
 * of the two topics, end in the same row; a tombstone forgets the name for good, and refuses
 * references like an erase (or a merge, once its event names the survivor). Real PostgreSQL, the
 * embedded log and Kafka when the run has a broker, in a namespace of its own.
 */
import {
  CompanyStateTopic,
  ContactDetailsChanged,
  ContactErased,
  ContactMerged,
  ContactRegistered,
  ContactStateTopic,
} from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CAR_PIPELINE } from '../testing/fixtures';
import { eventually } from '@crm/testing';
import { openContactsFeed, type ContactsFeed, type ContactsState } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
/** A business time n minutes after the app's clock (facts as contacts recorded them). */
const at = (n: number) => new Date(clock.now().getTime() + n * 60_000).toISOString();
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

const contactState = (id: string, version: number, members: object) => ({
  id,
  version,
  status: 'active',
  name: {},
  displayName: id,
  emails: [],
  phones: [],
  addresses: [],
  tags: [],
  customFields: {},
  lifecycleStage: 'lead',
  consent: {},
  ...members,
});

function bootstrapSuite(kafkaBrokers: () => string) {
  let t: SalesTestApp;
  let db: Client;
  let feed: ContactsFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('sales-bootstrap');
    t = await startSalesTestApp(
      { KAFKA_BROKERS: kafkaBrokers(), SALES_REFERENCE_WAIT_MS: '500' },
      { clock },
    );
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    feed = openContactsFeed(t, { KAFKA_BROKERS: kafkaBrokers() });
  });
  afterAll(async () => {
    await feed?.close();
    await db?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  /** Sends one message and waits until the consumer recorded it (so the next comes after it). */
  const deliver = async (message: ContactsState & { topic: 'events' | 'states' }) => {
    const id = message.id ?? randomUUID();
    if (message.topic === 'states') await feed.states([{ ...message, id }]);
    else await feed.events([{ ...message, id, data: message.data! }]);
    await eventually(async () => {
      const { rowCount } = await db.query(
        `SELECT 1 FROM messaging.inbox WHERE consumer = 'sales.contact-references' AND event_id = $1`,
        [id],
      );
      expect(rowCount).toBe(1);
    }, 20_000);
  };
  const row = async (contactId: string) =>
    (
      await db.query(
        `SELECT display_name, company_id, owner_id, merged_into, erased, gone,
                updated_at, state_version, state_at
           FROM sales.contact_directory WHERE tenant = 'tenant-a' AND contact_id = $1`,
        [contactId],
      )
    ).rows[0];
  const postActivity = (contactId: string) =>
    t.request('POST', '/activities', {
      body: { kind: 'task', subject: 'Follow up', dueAt: at(60 * 24), contactId },
    });

  it('a contact and company only on the state topics are known to sales and named on the board', async () => {
    const contactId = randomUUID();
    const companyId = randomUUID();
    await deliver({
      topic: 'states',
      type: CompanyStateTopic.type,
      subject: companyId,
      time: at(1),
      data: {
        id: companyId,
        version: 4,
        status: 'active',
        name: 'Analytical Engines',
        addresses: [],
      },
    });
    await deliver({
      topic: 'states',
      type: ContactStateTopic.type,
      subject: contactId,
      time: at(2),
      data: contactState(contactId, 7, {
        displayName: 'Ada Lovelace',
        companyId,
        ownerId: 'rep-7',
      }),
    });
    // Positive control first: a contact nobody told sales about is refused.
    expect((await postActivity(randomUUID())).status).toBe(422);
    expect((await postActivity(contactId)).status).toBe(201);
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const deal = await t.request('POST', '/opportunities', {
      body: {
        name: 'Roadster',
        pipelineId,
        amountMinor: 100,
        currency: 'EUR',
        expectedCloseDate: inDays(30),
        contactId,
        companyId,
      },
    });
    expect(deal.status).toBe(201);
    await eventually(async () => {
      const board = (await t.request('GET', `/pipelines/${pipelineId}/board`, { as: manager }))
        .body;
      expect(board.stages[0].deals[0]).toMatchObject({
        contactId,
        contactName: 'Ada Lovelace',
        companyId,
        companyName: 'Analytical Engines',
      });
    }, 20_000);
  });

  it('a contact’s states and events end in the same row in every interleaving of the two topics', async () => {
    // One story, told consistently by both topics: registered, renamed, given to another owner.
    const events = (id: string) => [
      {
        type: ContactRegistered.type,
        time: at(10),
        data: {
          contactId: id,
          displayName: 'Ada',
          lifecycleStage: 'lead',
          companyId: 'k-1',
          ownerId: 'rep-1',
        },
      },
      {
        type: ContactDetailsChanged.type,
        time: at(11),
        data: { contactId: id, changed: ['displayName'], displayName: 'Ada Lovelace' },
      },
      {
        type: ContactDetailsChanged.type,
        time: at(12),
        data: { contactId: id, changed: ['ownerId'], ownerId: 'rep-7' },
      },
    ];
    const states = (id: string) => [
      {
        time: at(10),
        data: contactState(id, 1, { displayName: 'Ada', companyId: 'k-1', ownerId: 'rep-1' }),
      },
      {
        time: at(11),
        data: contactState(id, 2, {
          displayName: 'Ada Lovelace',
          companyId: 'k-1',
          ownerId: 'rep-1',
        }),
      },
      {
        time: at(12),
        data: contactState(id, 3, {
          displayName: 'Ada Lovelace',
          companyId: 'k-1',
          ownerId: 'rep-7',
        }),
      },
    ];
    // e = next event, s = next state; each topic keeps its own order. The '.' plans are a
    // bootstrap: the registration expired from the event topic, compaction kept the newest state.
    const interleavings = [
      'eeesss',
      'ssseee',
      'eseses',
      'sseese',
      'sesees',
      '.ees',
      '.ese',
      '.see',
    ];
    // The row once the newest state is in, after every later step (an older event must not
    // bring an old name or owner back, not even for a moment) and at the end.
    const rows = [];
    for (const plan of interleavings) {
      const id = randomUUID();
      const pending = { e: events(id), s: states(id) };
      if (plan.startsWith('.')) {
        pending.e.shift();
        pending.s.splice(0, 2);
      }
      for (const [i, step] of [...plan.replace('.', '')].entries()) {
        if (step === 'e') {
          const next = pending.e.shift()!;
          await deliver({ topic: 'events', subject: id, ...next });
        } else {
          const next = pending.s.shift()!;
          await deliver({ topic: 'states', type: ContactStateTopic.type, subject: id, ...next });
        }
        if (pending.s.length === 0) rows.push([`${plan}@${i}`, await row(id)]);
      }
    }
    const expected = {
      display_name: 'Ada Lovelace',
      company_id: 'k-1',
      owner_id: 'rep-7',
      merged_into: null,
      erased: false,
      gone: false,
      updated_at: new Date(at(12)),
      state_version: 3,
      state_at: new Date(at(12)),
    };
    expect(rows).toEqual(rows.map(([step]) => [step, expected]));
    expect(rows.length).toBeGreaterThan(interleavings.length);
  });

  it('a tombstone forgets the contact for good; with the merge event it names the survivor, in either order', async () => {
    const survivor = randomUUID();
    const [erasedFirst, tombstoneFirst, mergedFirst, tombstoneBeforeMerge, tombstoneOnly] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const state = (id: string) => ({
      topic: 'states' as const,
      type: ContactStateTopic.type,
      subject: id,
      time: at(20),
      data: contactState(id, 1, { displayName: 'Grace Hopper', ownerId: 'rep-1' }),
    });
    const tombstone = (id: string) => ({ ...state(id), time: at(21), data: null });
    const erased = (id: string) => ({
      topic: 'events' as const,
      type: ContactErased.type,
      subject: id,
      time: at(21),
      data: { contactId: id, erasedAt: at(21) },
    });
    const merged = (id: string) => ({
      topic: 'events' as const,
      type: ContactMerged.type,
      subject: survivor,
      time: at(21),
      data: { survivorId: survivor, duplicateId: id, mergedAt: at(21) },
    });
    for (const id of [
      erasedFirst,
      tombstoneFirst,
      mergedFirst,
      tombstoneBeforeMerge,
      tombstoneOnly,
    ])
      await deliver(state(id));
    expect((await postActivity(tombstoneOnly)).status).toBe(201);

    await deliver(erased(erasedFirst));
    await deliver(tombstone(erasedFirst));
    await deliver(tombstone(tombstoneFirst));
    await deliver(erased(tombstoneFirst));
    await deliver(merged(mergedFirst));
    await deliver(tombstone(mergedFirst));
    await deliver(tombstone(tombstoneBeforeMerge));
    await deliver(merged(tombstoneBeforeMerge));
    await deliver(tombstone(tombstoneOnly));
    // A stale registration (older than the tombstone) arriving late revives nothing.
    await deliver({
      topic: 'events',
      type: ContactRegistered.type,
      subject: tombstoneOnly,
      time: at(19),
      data: { contactId: tombstoneOnly, displayName: 'Grace Hopper', lifecycleStage: 'lead' },
    });

    const erasedRow = await row(erasedFirst);
    expect(await row(tombstoneFirst)).toEqual(erasedRow);
    expect(erasedRow).toMatchObject({
      display_name: null,
      owner_id: null,
      erased: true,
      gone: true,
    });
    expect(await row(tombstoneBeforeMerge)).toEqual(await row(mergedFirst));
    expect(await row(mergedFirst)).toMatchObject({
      display_name: null,
      merged_into: survivor,
      gone: true,
    });
    expect(await row(tombstoneOnly)).toMatchObject({
      display_name: null,
      owner_id: null,
      gone: true,
    });

    for (const id of [erasedFirst, tombstoneFirst, tombstoneOnly]) {
      const res = await postActivity(id);
      expect([res.status, res.body.type]).toEqual([422, expect.stringMatching(/contact-erased$/)]);
    }
    for (const id of [mergedFirst, tombstoneBeforeMerge]) {
      const res = await postActivity(id);
      expect([res.status, res.body.survivorId]).toEqual([422, survivor]);
    }
  });
}

describe('sales contact directory from the state topics (embedded transport)', () =>
  bootstrapSuite(() => ''));
describeWithKafka('sales contact directory from the state topics (Kafka)', ({ brokers }) =>
  bootstrapSuite(() => brokers().join(',')),
);
