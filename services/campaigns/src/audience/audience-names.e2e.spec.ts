/**
 * What the templates greet by, fed by real integration events through the transport the app
 * consumes (Kafka when the run has a broker, and the embedded log): a contact's given and family
 * name from its registration, a name change, the contact state topic's bootstrap and the erasure;
 * each company's name from its events and state topic (order rules, tombstone, tenants apart);
 * and a template preview that renders them. Real PostgreSQL; the app's clock is pinned.
 */
import {
  CompanyArchived,
  CompanyDetailsChanged,
  CompanyRegistered,
  CompanyStateTopic,
  ContactDetailsChanged,
  ContactErased,
  ContactRegistered,
  ContactStateTopic,
} from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { migrateAudienceTables } from './audience-schema';
import { openIntegrationFeed, type IntegrationFeed } from './testing/integration-feed';

const clock = new ManualClock('2026-06-01T09:00:00Z');
/** A business time n minutes after the app's clock. */
const at = (n: number) => new Date(clock.now().getTime() + n * 60_000).toISOString();
const TENANT_B = 'tenant-b';

function namesSuite(kafkaBrokers: () => string) {
  let t: CampaignsTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('campaigns-audience-names');
    t = await startCampaignsTestApp({ KAFKA_BROKERS: kafkaBrokers() }, { clock });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed(t, pool, { KAFKA_BROKERS: kafkaBrokers() });
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const names = async (contactId: string, tenant = 'tenant-a') =>
    (
      await pool.query(
        `SELECT display_name, given_name, family_name FROM campaigns.audience_contacts
          WHERE tenant = $1 AND contact_id = $2`,
        [tenant, contactId],
      )
    ).rows[0];
  const company = async (companyId: string, tenant = 'tenant-a') =>
    (
      await pool.query(
        `SELECT name, status, gone FROM campaigns.audience_companies
          WHERE tenant = $1 AND company_id = $2`,
        [tenant, companyId],
      )
    ).rows[0];
  const register = (contactId: string, time: string, members: object = {}, tenant?: string) =>
    feed.deliver({
      topic: 'contacts',
      type: ContactRegistered.type,
      subject: contactId,
      time,
      tenant,
      data: {
        contactId,
        displayName: 'Ada Lovelace',
        lifecycleStage: 'customer',
        name: { given: 'Ada', family: 'Lovelace' },
        ...members,
      },
    });
  const registerCompany = (companyId: string, name: string, time: string, tenant?: string) =>
    feed.deliver({
      topic: 'contacts',
      type: CompanyRegistered.type,
      subject: companyId,
      time,
      tenant,
      data: { companyId, name, status: 'active' },
    });

  it('keeps the given and family name from the registration, and a name change replaces both', async () => {
    const id = randomUUID();
    await register(id, at(1));
    expect(await names(id)).toEqual({
      display_name: 'Ada Lovelace',
      given_name: 'Ada',
      family_name: 'Lovelace',
    });
    // A change of something else keeps the name.
    await feed.deliver({
      topic: 'contacts',
      type: ContactDetailsChanged.type,
      subject: id,
      time: at(2),
      data: { contactId: id, changed: ['tags'], tags: ['vip'] },
    });
    expect((await names(id)).given_name).toBe('Ada');
    // `name` comes whole: the family name it no longer has is cleared.
    await feed.deliver({
      topic: 'contacts',
      type: ContactDetailsChanged.type,
      subject: id,
      time: at(3),
      data: {
        contactId: id,
        changed: ['name', 'displayName'],
        name: { given: 'Augusta Ada' },
        displayName: 'Augusta Ada',
      },
    });
    expect(await names(id)).toEqual({
      display_name: 'Augusta Ada',
      given_name: 'Augusta Ada',
      family_name: null,
    });
  });

  it('fills the names from the contact state topic alone (a bootstrap), and a later state renames', async () => {
    const id = randomUUID();
    const state = (version: number, name: object, displayName: string) => ({
      id,
      version,
      status: 'active',
      name,
      displayName,
      emails: [],
      phones: [],
      addresses: [],
      tags: [],
      customFields: {},
      lifecycleStage: 'lead',
      consent: {},
    });
    const deliverState = (version: number, name: object, displayName: string, time: string) =>
      feed.deliver({
        topic: 'state',
        type: ContactStateTopic.type,
        subject: id,
        time,
        data: state(version, name, displayName),
      });
    await deliverState(3, { given: 'Grace', family: 'Hopper' }, 'Grace Hopper', at(5));
    expect(await names(id)).toEqual({
      display_name: 'Grace Hopper',
      given_name: 'Grace',
      family_name: 'Hopper',
    });
    // An older state changes nothing; a newer one replaces the name.
    await deliverState(2, { given: 'Old' }, 'Old', at(6));
    expect((await names(id)).given_name).toBe('Grace');
    await deliverState(4, { family: 'Murray Hopper' }, 'Murray Hopper', at(7));
    expect(await names(id)).toEqual({
      display_name: 'Murray Hopper',
      given_name: null,
      family_name: 'Murray Hopper',
    });
  });

  it('an erasure clears the names, and a replayed registration does not bring them back', async () => {
    const id = randomUUID();
    await register(id, at(10));
    expect((await names(id)).given_name).toBe('Ada');
    await feed.deliver({
      topic: 'contacts',
      type: ContactErased.type,
      subject: id,
      time: at(11),
      data: { contactId: id, erasedAt: at(11) },
    });
    expect(await names(id)).toBeUndefined();
    await register(id, at(9));
    expect(await names(id)).toBeUndefined();
  });

  it('keeps each company name: registered, renamed, archived, state order rules, tombstone, tenants apart', async () => {
    const co = randomUUID();
    await registerCompany(co, 'Analytical Engines', at(20));
    await registerCompany(co, 'Difference Engines (B)', at(20), TENANT_B);
    expect(await company(co)).toEqual({
      name: 'Analytical Engines',
      status: 'active',
      gone: false,
    });
    await feed.deliver({
      topic: 'contacts',
      type: CompanyDetailsChanged.type,
      subject: co,
      time: at(21),
      data: { companyId: co, changed: ['name'], name: 'Analytical Engines Ltd' },
    });
    await feed.deliver({
      topic: 'contacts',
      type: CompanyArchived.type,
      subject: co,
      time: at(22),
      data: { companyId: co, archivedAt: at(22), status: 'archived' },
    });
    expect(await company(co)).toEqual({
      name: 'Analytical Engines Ltd',
      status: 'archived',
      gone: false,
    });
    // The other tenant's company of the same id is its own (positive control of isolation).
    expect(await company(co, TENANT_B)).toEqual({
      name: 'Difference Engines (B)',
      status: 'active',
      gone: false,
    });

    // A company known only from its state topic; an event the state holds is skipped.
    const other = randomUUID();
    const companyState = (version: number, name: string, time: string) =>
      feed.deliver({
        topic: 'state',
        type: CompanyStateTopic.type,
        subject: other,
        time,
        data: { id: other, version, status: 'active', name, addresses: [] },
      });
    await companyState(2, 'Babbage & Co', at(30));
    expect(await company(other)).toEqual({ name: 'Babbage & Co', status: 'active', gone: false });
    await feed.deliver({
      topic: 'contacts',
      type: CompanyDetailsChanged.type,
      subject: other,
      time: at(29),
      data: { companyId: other, changed: ['name'], name: 'Stale name' },
    });
    await companyState(1, 'Older state', at(31));
    expect((await company(other)).name).toBe('Babbage & Co');
    // A tombstone blanks the name for good: no later fact revives it.
    await feed.deliver({
      topic: 'state',
      type: CompanyStateTopic.type,
      subject: other,
      time: at(32),
      data: null,
    });
    await registerCompany(other, 'Revived', at(33));
    expect(await company(other)).toEqual({ name: null, status: 'active', gone: true });
  });

  it('a template preview greets the contact by given name and names their company', async () => {
    const co = randomUUID();
    const id = randomUUID();
    await registerCompany(co, 'Analytical Engines', at(40));
    await register(id, at(41), { companyId: co });
    const created = await t.request('POST', '/templates', {
      body: {
        channel: 'email',
        name: 'Greeting',
        subject: '{{ contact.company.name }} news',
        html: '<p>Dear {{ contact.givenName }} {{ contact.familyName }},</p>',
      },
    });
    expect(created.status).toBe(201);
    const preview = await t.request('POST', `/templates/${created.body.id}/preview`, {
      body: { contactId: id },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.html).toBe('<p>Dear Ada Lovelace,</p>');
    expect(preview.body.subject).toBe('Analytical Engines news');

    // Renamed company: the next preview shows the new name (it is looked up, not copied).
    await feed.deliver({
      topic: 'contacts',
      type: CompanyDetailsChanged.type,
      subject: co,
      time: at(42),
      data: { companyId: co, changed: ['name'], name: 'AE Ltd' },
    });
    const renamed = await t.request('POST', `/templates/${created.body.id}/preview`, {
      body: { contactId: id },
    });
    expect(renamed.body.subject).toBe('AE Ltd news');

    // A contact without a company: the name renders empty (the subject is trimmed), not an error.
    const loner = randomUUID();
    await register(loner, at(43), { name: { given: 'Grace' } });
    const alone = await t.request('POST', `/templates/${created.body.id}/preview`, {
      body: { contactId: loner },
    });
    expect(alone.status).toBe(200);
    expect(alone.body).toMatchObject({ html: '<p>Dear Grace ,</p>', subject: 'news' });
  });

  it('upgrades a database made before the names in place: rows kept, the next fact fills them', async () => {
    const id = randomUUID();
    await register(id, at(50));
    await pool.query(
      `ALTER TABLE campaigns.audience_contacts DROP COLUMN given_name, DROP COLUMN family_name`,
    );
    await migrateAudienceTables(pool);
    expect(await names(id)).toEqual({
      display_name: 'Ada Lovelace',
      given_name: null,
      family_name: null,
    });
    await feed.deliver({
      topic: 'contacts',
      type: ContactDetailsChanged.type,
      subject: id,
      time: at(51),
      data: { contactId: id, changed: ['name'], name: { given: 'Ada', family: 'King' } },
    });
    expect(await names(id)).toMatchObject({ given_name: 'Ada', family_name: 'King' });
  });
}

describe('campaigns audience names (embedded transport)', () => namesSuite(() => ''));
describeWithKafka('campaigns audience names (Kafka)', ({ brokers }) =>
  namesSuite(() => brokers().join(',')),
);
