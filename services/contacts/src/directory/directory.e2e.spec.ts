import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

// Interactions must not lie in the future: the literal dates below are in the past of this
// pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('lists, search, consent, interactions and timeline (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  const ids: Record<string, string> = {};
  const create = async (key: string, payload: object) => {
    const res = await t.call({ method: 'POST', url: '/contacts', payload });
    expect(res.statusCode).toBe(201);
    ids[key] = res.json().id;
    clock.advance(1_000); // "newest first" needs creation times apart
  };

  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    await create('ada', {
      name: { given: 'Ada', family: 'Lovelace' },
      emails: [{ address: 'ada@engines.example' }],
      tags: ['vip'],
      lifecycleStage: 'lead',
      ownerId: 'u1',
    });
    await create('grace', {
      name: { given: 'Grace', family: 'Hopper' },
      phones: [{ number: '+14155552671' }],
      tags: ['navy'],
      ownerId: 'u2',
    });
    await create('alan', {
      name: { given: 'Alan', family: 'Turing' },
      emails: [{ address: 'alan@bletchley.example' }],
      tags: ['vip'],
      lifecycleStage: 'customer',
    });
  });
  afterAll(() => t?.close());

  it('filters by tag, owner and stage, newest first by default', async () => {
    const vip = await t.call({ url: '/contacts?tag=VIP' });
    expect(vip.statusCode).toBe(200);
    expect(vip.json().items.map((c: { id: string }) => c.id)).toEqual([ids.alan, ids.ada]);
    expect(
      (await t.call({ url: '/contacts?owner=u2' }))
        .json()
        .items.map((c: { displayName: string }) => c.displayName),
    ).toEqual(['Grace Hopper']);
    expect((await t.call({ url: '/contacts?stage=customer' })).json().items).toHaveLength(1);
  });

  it('pages with a cursor in name order without repeats or gaps', async () => {
    const first = (await t.call({ url: '/contacts?sort=name&limit=2' })).json();
    expect(first.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);
    const second = (
      await t.call({ url: `/contacts?sort=name&limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Grace Hopper',
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await t.call({ url: '/contacts?cursor=garbage' })).statusCode).toBe(400);
    expect((await t.call({ url: '/contacts?limit=1000' })).statusCode).toBe(400);
  });

  it('searches names fuzzily, emails and phones', async () => {
    const byTypo = (await t.call({ url: '/contacts/search?q=lovelase' })).json();
    expect(byTypo[0].id).toBe(ids.ada);
    expect((await t.call({ url: '/contacts/search?q=bletchley' })).json()[0].id).toBe(ids.alan);
    expect((await t.call({ url: '/contacts/search?q=415%20555' })).json()[0].id).toBe(ids.grace);
  });

  it('records consent with its history, filters on it, and a withdrawal removes the channel', async () => {
    const granted = await t.call({
      method: 'PUT',
      url: `/contacts/${ids.ada}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'web-form:newsletter' },
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().contactable).toEqual(['email']);
    expect(
      (await t.call({ url: '/contacts?consent=email:granted' }))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toEqual([ids.ada]);

    const withdrawn = await t.call({
      method: 'PUT',
      url: `/contacts/${ids.ada}/consent/email`,
      payload: { status: 'withdrawn', source: 'unsubscribe-link' },
    });
    expect(withdrawn.json().contactable).toEqual([]);
    expect(withdrawn.json().history.map((h: { status: string }) => h.status)).toEqual([
      'granted',
      'withdrawn',
    ]);
    expect((await t.call({ url: '/contacts?consent=email:granted' })).json().items).toEqual([]);
    expect((await t.call({ url: '/contacts?consent=email:withdrawn' })).json().items).toHaveLength(
      1,
    );

    const noBasis = await t.call({
      method: 'PUT',
      url: `/contacts/${ids.ada}/consent/sms`,
      payload: { status: 'granted', source: 'x' },
    });
    expect(noBasis.statusCode).toBe(422);
    expect(noBasis.json().errors[0].field).toBe('legalBasis');
    const badChannel = await t.call({
      method: 'PUT',
      url: `/contacts/${ids.ada}/consent/fax`,
      payload: { status: 'withdrawn', source: 'x' },
    });
    expect(badChannel.statusCode).toBe(422);
  });

  it('logs interactions and shows them on every participant timeline, newest first', async () => {
    const call = await t.call({
      method: 'POST',
      url: `/contacts/${ids.grace}/interactions`,
      payload: {
        kind: 'call',
        occurredAt: '2026-01-10T10:00:00Z',
        subject: 'Compiler demo',
        call: {
          direction: 'outbound',
          from: '+4930123456',
          to: '+14155552671',
          startedAt: '2026-01-10T10:00:00Z',
          durationSeconds: 600,
          outcome: 'connected',
        },
      },
    });
    expect(call.statusCode).toBe(201);
    const meeting = await t.call({
      method: 'POST',
      url: `/contacts/${ids.grace}/interactions`,
      payload: {
        kind: 'meeting',
        occurredAt: '2026-02-01T09:00:00Z',
        subject: 'Kick-off',
        otherContactIds: [ids.alan],
      },
    });
    expect(meeting.statusCode).toBe(201);

    const grace = (await t.call({ url: `/contacts/${ids.grace}/timeline` })).json();
    expect(grace.items.map((e: { subject: string }) => e.subject)).toEqual([
      'Kick-off',
      'Compiler demo',
    ]);
    expect(grace.items[1]).toMatchObject({
      kind: 'call',
      channel: 'phone',
      direction: 'outbound',
      source: 'contacts',
    });
    const alan = (await t.call({ url: `/contacts/${ids.alan}/timeline` })).json();
    expect(alan.items.map((e: { subject: string }) => e.subject)).toEqual(['Kick-off']);

    const future = await t.call({
      method: 'POST',
      url: `/contacts/${ids.grace}/interactions`,
      payload: { kind: 'note', occurredAt: '2999-01-01T00:00:00Z' },
    });
    expect(future.statusCode).toBe(422);
    const unknown = await t.call({
      method: 'POST',
      url: `/contacts/0b6f2a3e-1111-4111-8111-111111111111/interactions`,
      payload: { kind: 'note', occurredAt: '2026-01-01T00:00:00Z' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('a tenant-B token sees none of tenant A contacts', async () => {
    const other = { tenant: 'tenant-b' };
    expect((await t.call({ url: '/contacts', ...other })).json().items).toEqual([]);
    expect((await t.call({ url: '/contacts/search?q=lovelace', ...other })).json()).toEqual([]);
    expect((await t.call({ url: `/contacts/${ids.ada}`, ...other })).statusCode).toBe(404);
    expect(
      (await t.call({ url: `/contacts/${ids.grace}/timeline`, ...other })).json().items,
    ).toEqual([]);
    expect((await t.call({ url: `/contacts/${ids.ada}/consent`, ...other })).statusCode).toBe(404);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/contacts/${ids.ada}`,
          payload: { ownerId: 'x' },
          ...other,
        })
      ).statusCode,
    ).toBe(404);
  });
});
