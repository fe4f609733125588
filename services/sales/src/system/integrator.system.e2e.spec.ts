/**
 * Issue 11's "Done when", played by an outside integrator against both service processes on a
 * Kafka broker of this suite: after a day of activity through REST in both services it bootstraps
 * from the state topics, follows crm.contacts.v1 and crm.sales.v1 while more happens (a create,
 * changes, a merge, an erase), and its tables (built from messages only, no REST call) equal
 * what REST answers, member by member. Then, with the event topics' retention set to seconds,
 * no message on any topic (events, states, DLQs) holds an erased person's name, email or phone.
 *
 * The broker is disposable because erasure needs its retention check and cleaner back-off short
 * (kafka.sh's KAFKA_RETENTION_CHECK_INTERVAL_MS / KAFKA_CLEANER_BACKOFF_MS): the shared broker's
 * defaults (5 min, 15 s) would make the erasure window minutes.
 */
import {
  describeWithLocalKafka,
  readTopicsToEnd,
  startDisposableKafka,
  uniqueName,
  type DisposableKafka,
} from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { eventually } from '@crm/testing';
import { CAR_PIPELINE } from '../testing/fixtures';
import type { SalesTestApp } from '../testing/sales-test-app';
import { startIntegrator, type Integrator } from './integrator/integrator';
import type { TableName } from './integrator/integrator-tables';
import { startRunningCrm, type RunningCrm } from '@crm/platform/testing';
import type { ServiceClient } from '@crm/platform/testing';

jest.setTimeout(300_000);

/** The erasure window of seconds: event/DLQ retention, state compaction lag, tombstone life. */
const WINDOW_ENV = {
  MESSAGING_TOPIC_RETENTION_MS: '6000',
  MESSAGING_DLQ_RETENTION_MS: '6000',
  MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '2000',
  MESSAGING_STATE_DELETE_RETENTION_MS: '1000',
};
const BROKER_ENV = { KAFKA_RETENTION_CHECK_INTERVAL_MS: '500', KAFKA_CLEANER_BACKOFF_MS: '200' };
/** Bookkeeping REST shows that no fact carries: the ETag version and the last-change time. */
const NOT_CARRIED = ['version', 'updatedAt'];

const admin = { roles: ['admin' as const], sub: 'rep-1' };
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const instant = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
/** Names and numbers no other suite uses, so a search of the raw bytes finds only this person. */
const marker = () =>
  uniqueName('z')
    .replace(/[^a-z0-9]/gi, '')
    .slice(-8);

type Touched = Record<TableName, Set<string>>;

async function ok(client: ServiceClient, method: any, url: string, body?: unknown) {
  const res = await client.request(method, url, { as: admin, body });
  if (res.status >= 300)
    throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

interface Person {
  id: string;
  traces: string[];
}

describeWithLocalKafka('an outside integrator bootstraps, follows and forgets (system e2e)', () => {
  let broker: DisposableKafka;
  let crm: RunningCrm;
  let integrator: Integrator | undefined;
  const saved: Record<string, string | undefined> = {};
  const touched: Touched = {
    contacts: new Set(),
    companies: new Set(),
    leads: new Set(),
    opportunities: new Set(),
    activities: new Set(),
    quotes: new Set(),
    orders: new Set(),
    products: new Set(),
    priceBooks: new Set(),
    pipelines: new Set(),
  };
  const gone: { table: TableName; id: string }[] = [];
  const erased: Person[] = [];
  let lastErase = 0;

  beforeAll(async () => {
    for (const [name, value] of Object.entries(BROKER_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    broker = await startDisposableKafka();
    crm = await startRunningCrm(broker.brokers, { contacts: WINDOW_ENV, sales: WINDOW_ENV });
  }, 240_000);

  afterAll(async () => {
    await integrator?.stop();
    await crm?.stop();
    await broker?.destroy();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }, 120_000);

  const contacts = () => crm.contacts;
  const sales = () => crm.sales;

  async function person(extra: Record<string, unknown> = {}): Promise<Person> {
    const m = marker();
    const family = `Erasable${m}`;
    const email = `${m}@forget.example`;
    const phone = `+4930${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const { id } = await ok(contacts(), 'POST', '/contacts', {
      name: { given: 'Grace', family },
      emails: [{ address: email }],
      phones: [{ number: phone }],
      ...extra,
    });
    touched.contacts.add(id);
    return { id, traces: [family, email, phone] };
  }

  async function contact(body: Record<string, unknown>): Promise<string> {
    const { id } = await ok(contacts(), 'POST', '/contacts', body);
    touched.contacts.add(id);
    return id;
  }

  /** The day before the integrator exists: every kind of change in both services. */
  async function aDayOfActivity() {
    const c = contacts();
    const s = sales();
    const companyId = (
      await ok(c, 'POST', '/companies', { name: 'Analytical Engines', industry: 'Machinery' })
    ).id;
    touched.companies.add(companyId);
    await ok(c, 'PATCH', `/companies/${companyId}`, {
      industry: 'Computing',
      domain: 'ae.example',
    });
    const archivedCompany = (await ok(c, 'POST', '/companies', { name: 'Difference Ltd' })).id;
    touched.companies.add(archivedCompany);
    await ok(c, 'DELETE', `/companies/${archivedCompany}`);

    const ada = await contact({
      name: { given: 'Ada', family: 'Lovelace' },
      emails: [{ address: 'ada@example.com', primary: true }, { address: 'ada@home.example' }],
      phones: [{ number: '+4930123456' }],
      addresses: [{ addressId: 'home', lines: ['1 Main St'], city: 'London', country: 'GB' }],
      bestTimeToCall: {
        timeZone: 'Europe/London',
        windows: [{ day: 'tue', from: '09:00', to: '11:00' }],
      },
      preferredChannel: 'email',
      demographics: { ageBand: '35-44' },
      tags: ['vip'],
      companyId,
      lifecycleStage: 'lead',
    });
    await ok(c, 'DELETE', `/contacts/${ada}/emails/ada@example.com`);
    await ok(c, 'POST', `/contacts/${ada}/tags`, { tags: ['golf'] });
    await ok(c, 'PATCH', `/contacts/${ada}`, {
      name: { given: 'Augusta' },
      preferredChannel: null,
    });
    await ok(c, 'PUT', `/contacts/${ada}/consent/email`, {
      status: 'granted',
      legalBasis: 'consent',
      source: 'web-form',
    });
    await ok(c, 'PUT', `/contacts/${ada}/consent/sms`, {
      status: 'granted',
      legalBasis: 'consent',
      source: 'call',
    });
    await ok(c, 'PUT', `/contacts/${ada}/consent/sms`, { status: 'withdrawn', source: 'call' });
    await ok(c, 'POST', `/contacts/${ada}/interactions`, {
      kind: 'note',
      occurredAt: instant(-1),
      subject: 'Asked about the roadster',
    });
    const archived = await contact({ name: { given: 'Charles', family: 'Babbage' } });
    await ok(c, 'DELETE', `/contacts/${archived}`);
    await ok(c, 'POST', `/contacts/${archived}/restore`);
    const survivor = await contact({ name: { given: 'Katherine' }, tags: ['nasa'] });
    const duplicate = await contact({
      name: { given: 'Katherine', family: 'Johnson' },
      emails: [{ address: 'kj@nasa.example' }],
    });
    await ok(c, 'POST', `/contacts/${survivor}/merge`, { duplicateId: duplicate });
    touched.contacts.delete(duplicate);
    gone.push({ table: 'contacts', id: duplicate });
    const forgotten = await person();
    await ok(c, 'POST', `/contacts/${forgotten.id}/erase`);
    touched.contacts.delete(forgotten.id);
    gone.push({ table: 'contacts', id: forgotten.id });
    erased.push(forgotten);

    // Catalogue, pipeline, a lead's life to a deal, quotes and orders.
    const pipelineId = (await ok(s, 'POST', '/pipelines', CAR_PIPELINE)).id;
    touched.pipelines.add(pipelineId);
    const car = await setUpCarCatalogue(s as unknown as SalesTestApp, `RDST-${marker()}`);
    touched.products.add(car.productId);
    touched.priceBooks.add(car.priceBookId);
    await ok(s, 'PUT', `/products/${car.productId}/info`, { name: 'Roadster S', family: 'Cars' });

    const lead = async (name: string, email: string) => {
      const { id } = await ok(s, 'POST', '/leads', {
        source: 'web_form',
        campaignId: 'spring',
        profile: { name, email, company: 'Engines Ltd', interest: 'Roadster' },
      });
      touched.leads.add(id);
      return id;
    };
    const converted = await lead('Mary Somerville', 'mary@example.com');
    await ok(s, 'POST', `/leads/${converted}/engagements`, {
      kind: 'campaign-click',
      campaignId: 'spring',
    });
    await ok(s, 'POST', `/leads/${converted}/work`, {});
    await ok(s, 'POST', `/leads/${converted}/qualify`);
    const conversion = await ok(s, 'POST', `/leads/${converted}/convert`, {
      opportunity: {
        pipelineId,
        amountMinor: 3_000_000,
        currency: 'EUR',
        expectedCloseDate: day(30),
      },
    });
    const { contactId, opportunityId } = conversion;
    touched.contacts.add(contactId);
    touched.companies.add(conversion.companyId);
    touched.opportunities.add(opportunityId);
    const disqualified = await lead('Hedy Lamarr', 'hedy@example.com');
    await ok(s, 'POST', `/leads/${disqualified}/disqualify`, { reason: 'no budget' });
    const leadTraces = [`Lead${marker()}`, `${marker()}@lead-forget.example`];
    const erasedLead = await lead(leadTraces[0], leadTraces[1]);
    await ok(s, 'DELETE', `/leads/${erasedLead}/personal-data`);
    touched.leads.delete(erasedLead);
    gone.push({ table: 'leads', id: erasedLead });
    erased.push({ id: erasedLead, traces: leadTraces });

    await ok(s, 'POST', `/opportunities/${opportunityId}/stage`, { stageId: 'demo' });
    await ok(s, 'PATCH', `/opportunities/${opportunityId}`, {
      name: 'Roadster for Mary',
      expectedCloseDate: day(20),
    });
    await ok(s, 'PUT', `/opportunities/${opportunityId}/probability`, { probability: 55 });
    const quote = async () => {
      const { id } = await ok(s, 'POST', '/quotes', {
        opportunityId,
        taxRateBps: 1900,
        validUntil: day(14),
      });
      touched.quotes.add(id);
      await ok(s, 'POST', `/quotes/${id}/lines`, {
        productId: car.productId,
        priceBookId: car.priceBookId,
        optionIds: ['paint-red', 'gear-auto'],
        quantity: 1,
        discountBps: 500,
      });
      return id;
    };
    const rejected = await quote();
    await ok(s, 'POST', `/quotes/${rejected}/send`);
    await ok(s, 'POST', `/quotes/${rejected}/reject`, { reason: 'too expensive' });
    const accepted = await quote();
    await ok(s, 'PUT', `/quotes/${accepted}/discount`, { discountBps: 200 });
    await ok(s, 'POST', `/quotes/${accepted}/send`);
    const { orderId } = await ok(s, 'POST', `/quotes/${accepted}/accept`);
    touched.orders.add(orderId);
    await ok(s, 'POST', `/orders/${orderId}/cancel`, { reason: 'financing refused' });
    await ok(s, 'POST', `/opportunities/${opportunityId}/reopen`, { reason: 'financing found' });
    const second = await quote();
    await ok(s, 'POST', `/quotes/${second}/send`);
    const placed = (await ok(s, 'POST', `/quotes/${second}/accept`)).orderId;
    touched.orders.add(placed);
    await ok(s, 'POST', `/opportunities/${opportunityId}/reopen`, { reason: 'a second car' });

    const activity = async (body: Record<string, unknown>) => {
      const { id } = await ok(s, 'POST', '/activities', body);
      touched.activities.add(id);
      return id;
    };
    await activity({
      kind: 'call',
      subject: 'Discovery call',
      contactId,
      opportunityId,
      phone: '+4915112345678',
      purpose: 'discovery',
      notes: 'wants a test drive',
      heldAt: instant(-2),
      outcome: 'connected',
    });
    const rescheduled = await activity({
      kind: 'meeting',
      subject: 'Test drive',
      contactId,
      dueAt: instant(48),
      endsAt: instant(49),
      timeZone: 'Europe/Berlin',
      location: 'Showroom Berlin',
    });
    await ok(s, 'POST', `/activities/${rescheduled}/reschedule`, {
      dueAt: instant(72),
      endsAt: instant(73),
    });
    const task = await activity({
      kind: 'task',
      subject: 'Send brochure',
      dueAt: instant(24),
      priority: 'high',
    });
    await ok(s, 'POST', `/activities/${task}/cancel`, { reason: 'not needed' });
    return {
      ...{ ada, survivor, opportunityId, contactId, car, rescheduled, placed, quote, activity },
      pipelineId,
    };
  }

  /** While the integrator follows: a create, changes, a merge and an erase. */
  async function moreActivity(day1: Awaited<ReturnType<typeof aDayOfActivity>>) {
    const c = contacts();
    const s = sales();
    const newcomer = await contact({
      name: { given: 'Radia', family: 'Perlman' },
      emails: [{ address: 'radia@example.com' }],
      tags: ['network'],
    });
    await ok(c, 'POST', `/contacts/${newcomer}/phones`, { number: '+14155552671' });
    await ok(c, 'PUT', `/contacts/${newcomer}/consent/email`, {
      status: 'granted',
      legalBasis: 'consent',
      source: 'form',
    });
    await ok(c, 'PATCH', `/contacts/${day1.ada}`, { preferredChannel: 'phone' });
    await ok(c, 'DELETE', `/contacts/${day1.ada}/tags/vip`);
    const lateDuplicate = await contact({
      name: { given: 'Radia' },
      emails: [{ address: 'rp@work.example' }],
    });
    await ok(c, 'POST', `/contacts/${newcomer}/merge`, { duplicateId: lateDuplicate });
    touched.contacts.delete(lateDuplicate);
    gone.push({ table: 'contacts', id: lateDuplicate });
    const late = await person();
    // Followed from crm.contacts.v1 before it is erased: the event topic did hold the person.
    await eventually(async () => {
      expect(integrator!.tables.tables.contacts.get(late.id)?.name?.family).toBe(late.traces[0]);
    }, 30_000);
    await ok(c, 'POST', `/contacts/${late.id}/erase`);
    lastErase = Date.now();
    touched.contacts.delete(late.id);
    gone.push({ table: 'contacts', id: late.id });
    erased.push(late);

    await ok(s, 'POST', `/opportunities/${day1.opportunityId}/stage`, { stageId: 'negotiation' });
    await ok(s, 'PUT', `/opportunities/${day1.opportunityId}/owner`, { ownerId: 'rep-2' });
    await ok(s, 'POST', `/activities/${day1.rescheduled}/cancel`, { reason: 'car in service' });
    await ok(s, 'POST', `/orders/${day1.placed}/fulfil`);
    await ok(s, 'PUT', `/pipelines/${day1.pipelineId}/name`, { name: 'New and used cars' });
    await ok(s, 'PUT', `/price-books/${day1.car.priceBookId}/prices/${day1.car.productId}/USD`, {
      amountMinor: 3_500_000,
    });
    // Sales records created while followed: a quote (drafted carries its state), two activities.
    const lateQuote = await day1.quote();
    await ok(s, 'PATCH', `/quotes/${lateQuote}/terms`, { taxRateBps: 700 });
    await day1.activity({
      kind: 'call',
      subject: 'Financing call',
      contactId: day1.contactId,
      phone: '+4915112345678',
      purpose: 'closing',
      heldAt: instant(-1),
      outcome: 'connected',
    });
    await day1.activity({
      kind: 'meeting',
      subject: 'Handover',
      contactId: day1.contactId,
      dueAt: instant(96),
      endsAt: instant(97),
      location: 'Showroom Berlin',
      reminders: [{ reminderId: 'r1', remindAt: instant(95) }],
    });
    // Last: an inactive product can no longer be quoted.
    await ok(s, 'POST', `/products/${day1.car.productId}/deactivate`);
  }

  /** What REST answers for a record, in its state topic's shape. */
  async function restView(table: TableName, id: string): Promise<Record<string, unknown>> {
    const path = {
      contacts: 'contacts',
      companies: 'companies',
      leads: 'leads',
      opportunities: 'opportunities',
      activities: 'activities',
      quotes: 'quotes',
      orders: 'orders',
      products: 'products',
      priceBooks: 'price-books',
      pipelines: 'pipelines',
    }[table];
    const client = table === 'contacts' || table === 'companies' ? contacts() : sales();
    const view = await ok(client, 'GET', `/${path}/${id}`);
    if (table === 'contacts') {
      const { companyName: _joined, ...rest } = view;
      return { ...rest, consent: (await ok(client, 'GET', `/contacts/${id}/consent`)).channels };
    }
    if (table === 'activities') {
      const { dueStatus: _clock, contactName: _joined, ...rest } = view;
      return rest;
    }
    if (table === 'priceBooks')
      return {
        ...view,
        entries: view.entries.map((e: any) => ({
          productId: e.productId,
          currency: e.currency,
          amountMinor: e.amountMinor,
        })),
      };
    return view;
  }

  /** Every member that differs, as `table/id.member: integrator <> REST`. */
  async function differences(): Promise<string[]> {
    const found: string[] = [];
    for (const [table, ids] of Object.entries(touched) as [TableName, Set<string>][]) {
      for (const id of ids) {
        const rest = await restView(table, id);
        const mine = integrator!.tables.view(table, id);
        if (!mine) {
          found.push(`${table}/${id}: missing in the integrator`);
          continue;
        }
        for (const key of new Set([...Object.keys(rest), ...Object.keys(mine)])) {
          if (NOT_CARRIED.includes(key)) continue;
          if (JSON.stringify(sorted(mine[key])) === JSON.stringify(sorted(rest[key]))) continue;
          found.push(
            `${table}/${id}.${key}: ${JSON.stringify(mine[key])} <> REST ${JSON.stringify(rest[key])}`,
          );
        }
      }
    }
    return found;
  }

  it('bootstraps from the state topics, follows the event topics and ends equal to REST', async () => {
    const started = Date.now();
    const day1 = await aDayOfActivity();
    integrator = await startIntegrator({
      brokers: broker.brokers,
      namespace: crm.namespace,
      tenant: crm.tenant,
    });
    const afterBootstrap = integrator.followed();
    await moreActivity(day1);

    let left: string[] = [];
    await eventually(async () => {
      left = await differences();
      expect(left).toEqual([]);
    }, 30_000).catch(() => {
      throw new Error(`the integrator's tables differ from REST:\n${left.join('\n')}`);
    });
    expect(integrator.followed()).toBeGreaterThan(afterBootstrap);
    expect([...integrator.tables.unknownTypes]).toEqual([]);
    // Erased and merged away: no row, whichever order their partitions were read in.
    const kept = gone.filter(({ table, id }) => integrator!.tables.view(table, id));
    expect(kept).toEqual([]);
    for (const { id } of gone.filter((g) => g.table === 'contacts')) {
      const res = await contacts().request('GET', `/contacts/${id}`, { as: admin });
      // Merged away: REST answers the survivor; erased: 410.
      expect(res.status === 410 || res.body?.id !== id).toBe(true);
    }
    process.stdout.write(
      `[integrator] equal to REST after ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  });

  it('once the erasure window has passed, no message on any topic holds an erased person', async () => {
    const kafka = new Kafka({
      clientId: uniqueName('audit'),
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${crm.namespace}.`));
    await admin.disconnect();
    expect(topics.some((t) => t.endsWith('.dlq'))).toBe(true);
    const traces = erased.flatMap((p) => p.traces);
    expect(traces.length).toBeGreaterThanOrEqual(8);
    let holding: string[] = [];
    let all: Awaited<ReturnType<typeof readTopicsToEnd>> = [];
    const deadline = Date.now() + 90_000;
    for (;;) {
      // Traffic on every kind of topic that held them: Kafka deletes and compacts only closed
      // segments, and a segment closes when a message arrives after its segment.ms. A quiet
      // partition keeps an erased value (a tombstone in the active segment supersedes nothing).
      await contact({ name: { given: 'Later', family: marker() } });
      await ok(sales(), 'POST', '/leads', {
        source: 'manual',
        profile: { name: `Later ${marker()}` },
      });
      await ok(sales(), 'POST', '/activities', {
        kind: 'task',
        subject: 'tick',
        dueAt: instant(5),
      });
      all = await readTopicsToEnd(kafka, topics);
      holding = all
        .filter((m) => m.value && traces.some((t) => m.value!.includes(t)))
        .map((m) => `${m.topic}@${m.partition}/${m.offset}`);
      if (!holding.length) break;
      if (Date.now() > deadline)
        throw new Error(`still holding an erased person after 90 s: ${holding.join(', ')}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    // Compaction removed the erased, not the living: the survivors' states are still there.
    const stillThere = (name: string) =>
      all.some(
        (m) => m.topic.endsWith('.crm.contacts.contact.state.v1') && m.value?.includes(name),
      );
    expect(['Augusta', 'Perlman'].filter(stillThere)).toEqual(['Augusta', 'Perlman']);
    process.stdout.write(
      `[integrator] no erased trace on ${topics.length} topics ${Math.round((Date.now() - lastErase) / 1000)} s after the last erase\n`,
    );
  });
});

/** JSON with object keys in one order, so member order does not count as a difference. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  return value;
}
