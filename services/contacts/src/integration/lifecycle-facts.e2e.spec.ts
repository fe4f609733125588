/**
 * The lifecycle stage follows sales' facts (issue 12), delivered on the embedded transport: a
 * converted lead's contact becomes an opportunity, a won deal's contact and an order's contact
 * customers; never backwards, a fact from before a churn does not win the contact back, and a
 * redelivery appends nothing.
 */
import { toCloudEventHeaders } from '@crm/contracts';
import { DEFAULT_MESSAGING_SCHEMA, MESSAGE_TRANSPORT, type MessageTransport } from '@crm/messaging';
import { ManualClock } from '@crm/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const clock = new ManualClock('2026-05-20T09:00:00.000Z');
const at = () => clock.now().toISOString();

describe('lifecycle stage from sales facts (e2e, embedded transport)', () => {
  let t: ContactsTestApp;
  let sql: Client;
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  async function publish(type: string, subject: string, data: object, id = randomUUID()) {
    const transport = t.app.get<MessageTransport>(MESSAGE_TRANSPORT);
    await transport.provision([{ name: 'crm.sales.v1', partitions: 1, retentionMs: -1 }]);
    const headers = toCloudEventHeaders({
      id,
      type,
      source: '/crm/sales',
      time: at(),
      subject,
      tenant: 'tenant-a',
    });
    await transport.send([
      { topic: 'crm.sales.v1', key: subject, value: JSON.stringify(data), headers },
    ]);
    return id;
  }
  const createContact = async (payload: object = {}) => {
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada' }, ...payload },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const stageOf = async (id: string) =>
    (await t.call({ url: `/contacts/${id}` })).json().lifecycleStage;
  /** Waits until the contact reaches `stage` (or gives up, and the assertion shows what it is). */
  const eventuallyStage = async (id: string, stage: string) => {
    const until = Date.now() + 20_000;
    while ((await stageOf(id)) !== stage && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return stageOf(id);
  };
  /** Waits until the lifecycle consumer took every message sent so far (its inbox rows). */
  const consumed = async (eventIds: string[]) => {
    const until = Date.now() + 20_000;
    for (;;) {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${DEFAULT_MESSAGING_SCHEMA}.inbox WHERE consumer = 'contacts.lifecycle' AND event_id = ANY($1)`,
        [eventIds],
      );
      if (rows[0].n === eventIds.length || Date.now() > until) return rows[0].n;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stageChanges = async (id: string) =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM contacts.events WHERE stream_id = $1 AND type = 'ContactLifecycleStageChanged'`,
        [`contact-${id}`],
      )
    ).rows[0].n;

  it('a converted lead makes its contact an opportunity; the won deal makes them a customer', async () => {
    const id = await createContact();
    expect(await stageOf(id)).toBe('subscriber');
    const opportunityId = randomUUID();
    await publish('crm.sales.lead.converted.v1', randomUUID(), {
      leadId: randomUUID(),
      contactId: id,
      opportunityId,
      convertedAt: at(),
    });
    expect(await eventuallyStage(id, 'opportunity')).toBe('opportunity');

    const won = {
      opportunityId,
      amount: { amount: '1200.00', currency: 'EUR' },
      wonAt: at(),
    };
    const wonId = await publish('crm.sales.opportunity.won.v1', opportunityId, won);
    expect(await eventuallyStage(id, 'customer')).toBe('customer');
    // Redelivered, and a late conversion fact: the customer stays a customer, nothing appended.
    const again = await publish('crm.sales.opportunity.won.v1', opportunityId, won, wonId);
    const late = await publish('crm.sales.opportunity.opened.v1', opportunityId, {
      opportunityId,
      pipelineId: 'p1',
      stageId: 's1',
      contactId: id,
      amount: { amount: '1200.00', currency: 'EUR' },
      probability: 0.5,
    });
    expect(await consumed([wonId, again, late].filter((e, i, all) => all.indexOf(e) === i))).toBe(
      2,
    );
    expect(await stageOf(id)).toBe('customer');
    expect(await stageChanges(id)).toBe(2);
  });

  it('an order makes its contact a customer, also one churned before it; unknown contacts are skipped', async () => {
    const id = await createContact({ lifecycleStage: 'customer' });
    const churned = await t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      payload: { lifecycleStage: 'churned' },
    });
    expect(churned.json().lifecycleStage).toBe('churned');
    // An order placed before the churn (delivered late) does not win them back...
    const before = await publish('crm.sales.order.placed.v1', randomUUID(), {
      orderId: randomUUID(),
      contactId: id,
      lines: [],
      total: { amount: '10.00', currency: 'EUR' },
      placedAt: new Date(clock.now().getTime() - 60_000).toISOString(),
    });
    expect(await consumed([before])).toBe(1);
    expect(await stageOf(id)).toBe('churned');
    // ...one placed after it does.
    clock.advance(60_000);
    const stranger = randomUUID();
    const skipped = await publish('crm.sales.order.placed.v1', randomUUID(), {
      orderId: randomUUID(),
      contactId: stranger,
      lines: [],
      total: { amount: '10.00', currency: 'EUR' },
      placedAt: at(),
    });
    const order = await publish('crm.sales.order.placed.v1', randomUUID(), {
      orderId: randomUUID(),
      contactId: id,
      lines: [],
      total: { amount: '10.00', currency: 'EUR' },
      placedAt: at(),
    });
    expect(await eventuallyStage(id, 'customer')).toBe('customer');
    expect(await consumed([skipped, order])).toBe(2);
    expect((await t.call({ url: `/contacts/${stranger}` })).statusCode).toBe(404);
  });

  it("a merged contact's facts reach the survivor", async () => {
    const survivor = await createContact({ emails: [{ address: 'grace@navy.example' }] });
    const duplicate = await createContact({ emails: [{ address: 'grace.h@navy.example' }] });
    const merged = await t.call({
      method: 'POST',
      url: `/contacts/${survivor}/merge`,
      payload: { duplicateId: duplicate },
      roles: ['admin'],
    });
    expect(merged.statusCode).toBe(200);
    await publish('crm.sales.order.placed.v1', randomUUID(), {
      orderId: randomUUID(),
      contactId: duplicate,
      lines: [],
      total: { amount: '10.00', currency: 'EUR' },
      placedAt: at(),
    });
    expect(await eventuallyStage(survivor, 'customer')).toBe('customer');
  });
});
