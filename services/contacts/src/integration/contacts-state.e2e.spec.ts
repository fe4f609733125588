/**
 * The contacts state sources against the real app on real PostgreSQL: after changes made through
 * REST, the state load() folds from the log equals what the REST reads answer, member by member,
 * and is valid for its state topic's schema; a merged-away, erased or unknown contact loads as a
 * tombstone (null).
 */
import {
  closed,
  CompanyStateTopic,
  ContactStateTopic,
  type StateTopicDefinition,
} from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import { EVENT_STORE, ManualClock } from '@crm/platform';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';
import { companyStateSource, contactStateSource } from './contacts-state';

const TENANT = 'tenant-a';
// Consent decisions default to the app's "now"; pinned so the run does not depend on today.
const clock = new ManualClock('2026-05-04T08:00:00.000Z');

/** The state topic's schema, closed as a publisher checks it: no undeclared member passes. */
function strictlyValid(topic: StateTopicDefinition, value: unknown): unknown[] {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
  const validate = ajv.compile({ ...closed(topic.schema), $id: `${String(topic.schema.$id)}#t` });
  return validate(value) ? [] : (validate.errors ?? []);
}

describe('contacts state sources (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t?.close());

  async function call(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
    const res = await t.call({ method, url, payload, roles: ['admin'] });
    expect(res.statusCode).toBeLessThan(300);
    return res.json();
  }
  const get = async (url: string) => (await t.call({ url })).json();

  /** Every member REST answers, deeply equal in the state (toMatchObject would allow extras). */
  function expectAsRest(state: Record<string, unknown> | null, rest: Record<string, unknown>) {
    expect(state).not.toBeNull();
    expect(Object.fromEntries(Object.keys(rest).map((k) => [k, state![k]]))).toEqual(rest);
  }

  /** What REST answers about a contact, in the state topic's shape. */
  async function restContact(id: string): Promise<Record<string, unknown>> {
    const { companyName: _joinedFromCompanies, ...view } = await get(`/contacts/${id}`);
    return { ...view, consent: (await get(`/contacts/${id}/consent`)).channels };
  }

  it('a contact changed through REST loads as REST answers it, consent per channel included', async () => {
    const company = await call('POST', '/companies', { name: 'Analytical Engines' });
    await call('POST', '/custom-fields', { key: 'shoe_size', label: 'Shoe size', type: 'number' });
    const { id } = await call('POST', '/contacts', {
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
      customFields: { shoe_size: 38 },
      companyId: company.id,
      lifecycleStage: 'lead',
    });
    await call('DELETE', `/contacts/${id}/emails/ada@example.com`);
    await call('POST', `/contacts/${id}/tags`, { tags: ['golf'] });
    await call('PATCH', `/contacts/${id}`, { name: { given: 'Augusta' }, preferredChannel: null });
    const registeredAt = clock.now().toISOString();
    clock.advance(60_000);
    await call('PUT', `/contacts/${id}/consent/email`, {
      status: 'granted',
      legalBasis: 'consent',
      source: 'web-form:newsletter',
    });
    await call('DELETE', `/contacts/${id}`);
    await call('POST', `/contacts/${id}/restore`);
    // A consent decision after the last contact event is the contact's last change.
    clock.advance(60_000);
    await call('PUT', `/contacts/${id}/consent/sms`, { status: 'withdrawn', source: 'call' });

    const state = await contactStateSource.load(store, TENANT, id);
    const rest = await restContact(id);
    expectAsRest(state, rest);
    // Beyond REST's members only when REST leaves them out (a lagging directory row).
    expect(Object.keys(state!).filter((k) => !(k in rest))).toEqual(
      ['createdAt', 'updatedAt'].filter((k) => !(k in rest)),
    );
    expect(state).toMatchObject({
      status: 'active',
      displayName: 'Augusta Lovelace',
      emails: [{ address: 'ada@home.example', primary: true }],
      tags: ['vip', 'golf'],
      consent: {
        email: { status: 'granted', legalBasis: 'consent' },
        sms: { status: 'withdrawn' },
      },
      createdAt: registeredAt,
      updatedAt: clock.now().toISOString(),
    });
    expect(state).not.toHaveProperty('preferredChannel');
    expect(strictlyValid(ContactStateTopic, state)).toEqual([]);
  });

  it('a merge leaves the survivor as REST answers it and the duplicate a tombstone; an erase a tombstone', async () => {
    const survivor = (await call('POST', '/contacts', { name: { given: 'Katherine' } })).id;
    const duplicate = (
      await call('POST', '/contacts', {
        name: { given: 'Katherine', family: 'Johnson' },
        emails: [{ address: 'kj@nasa.example' }],
      })
    ).id;
    await call('POST', `/contacts/${survivor}/merge`, { duplicateId: duplicate });

    expect(await contactStateSource.load(store, TENANT, duplicate)).toBeNull();
    const state = await contactStateSource.load(store, TENANT, survivor);
    expectAsRest(state, await restContact(survivor));
    expect(state).toMatchObject({ emails: [{ address: 'kj@nasa.example', primary: true }] });

    await call('POST', `/contacts/${survivor}/erase`);
    expect(await contactStateSource.load(store, TENANT, survivor)).toBeNull();
    expect(await contactStateSource.load(store, TENANT, randomUUID())).toBeNull();
  });

  it('a company loads as GET /companies/{id} answers it, archived included', async () => {
    const { id } = await call('POST', '/companies', {
      name: 'Engines Ltd',
      domain: 'https://www.engines.example/',
      addresses: [{ addressId: 'hq', lines: ['1 Works Rd'], city: 'Leeds', country: 'GB' }],
    });
    await call('POST', `/companies/${id}/addresses`, {
      addressId: 'dock',
      lines: ['2 Dock St'],
      city: 'Hull',
      country: 'GB',
      primary: true,
    });
    await call('PATCH', `/companies/${id}`, { industry: 'Computing' });
    await call('DELETE', `/companies/${id}`);

    const state = await companyStateSource.load(store, TENANT, id);
    expectAsRest(state, await get(`/companies/${id}`));
    expect(Object.keys(state!).sort()).toEqual(Object.keys(await get(`/companies/${id}`)).sort());
    expect(state).toMatchObject({ status: 'archived', industry: 'Computing' });
    expect(strictlyValid(CompanyStateTopic, state)).toEqual([]);
    expect(await companyStateSource.load(store, TENANT, randomUUID())).toBeNull();
  });
});
