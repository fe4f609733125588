/**
 * One event the directory projection cannot handle (appended straight to the log, as a bug or a
 * bad migration could) is parked: other tenants' and other contacts' writes still reach
 * `GET /contacts`, commands on the poisoned contact answer with `Read-Your-Writes: stale`, and
 * health and metrics name the parked event.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@crm/event-sourcing';
import { EVENT_STORE } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('a poison event in the directory (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const register = async (tenant: string, given: string) => {
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      tenant,
      payload: { name: { given } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['read-your-writes']).toBeUndefined();
    return res.json().id as string;
  };
  const names = async (tenant: string) =>
    (await t.call({ url: '/contacts', tenant }))
      .json()
      .items.map((c: { displayName: string }) => c.displayName);

  it('is parked; other tenants and contacts are still projected, and everyone can see it', async () => {
    await register('tenant-a', 'Ada');
    const poisonId = randomUUID();
    // lifecycle_stage is NOT NULL in contact_list: this event can never be projected as it is.
    await t.app
      .get<EventStore>(EVENT_STORE)
      .append({ tenant: 'tenant-a', id: `contact-${poisonId}` }, [
        {
          type: 'ContactRegistered',
          data: {
            contactId: poisonId,
            name: { given: 'Poison' },
            emails: [],
            phones: [],
            addresses: [],
            tags: [],
            customFields: {},
            lifecycleStage: null,
          },
          metadata: { tenant: 'tenant-a', occurredAt: '2026-01-01T00:00:00.000Z' },
        },
      ]);

    await register('tenant-b', 'Bob');
    await register('tenant-a', 'Cy');
    expect(await names('tenant-b')).toEqual(['Bob']);
    expect((await names('tenant-a')).sort()).toEqual(['Ada', 'Cy']);

    // A command on the poisoned contact succeeds (the append is the truth) but says its read
    // model will not show it, at once rather than after a timeout.
    const started = Date.now();
    const tagged = await t.call({
      method: 'POST',
      url: `/contacts/${poisonId}/tags`,
      tenant: 'tenant-a',
      payload: { tags: ['x'] },
    });
    expect(tagged.statusCode).toBe(200);
    expect(tagged.headers['read-your-writes']).toBe('stale');
    expect(Date.now() - started).toBeLessThan(4_000);

    const ready = await t.call({ url: '/health/ready', anonymous: true });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().details.projections).toMatchObject({
      status: 'up',
      'contacts.directory': {
        status: 'live',
        // The poison event and the tag parked behind it.
        parked: 2,
        oldestParked: { type: 'ContactRegistered' },
      },
      'contacts.timeline': { parked: 0 },
    });

    const metrics = await t.call({ url: '/metrics', anonymous: true });
    expect(metrics.body).toMatch(
      /projection_events_parked_total\{projection="contacts.directory"\} 2/,
    );
    expect(metrics.body).toMatch(/projection_parked_events\{projection="contacts.directory"\} 2/);
  });
});
