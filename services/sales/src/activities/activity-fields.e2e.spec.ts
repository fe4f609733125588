/**
 * Issue 12: what an activity is logged with is what it answers (notes, location, heldAt were
 * written and never returned), and a call has a typed purpose and a typed outcome from the
 * vocabulary contacts uses for its calls (@crm/contracts), refused with the field named.
 */
import { CALL_OUTCOMES, CALL_PURPOSES } from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { feedContacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
const hoursFromNow = (h: number) => new Date(clock.now().getTime() + h * 3_600_000).toISOString();

describe('activity fields (e2e)', () => {
  let t: SalesTestApp;
  const call = (body: object) => ({
    kind: 'call',
    subject: 'Intro',
    contactId: 'c-ada',
    phone: '+4915112345678',
    ...body,
  });
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c-ada' }] });
  });
  afterAll(() => t?.close());

  it('a held call answers with its purpose, outcome, notes and heldAt, in GET and in the list', async () => {
    const heldAt = hoursFromNow(-2);
    const created = await t.request('POST', '/activities', {
      body: call({ purpose: 'demo', outcome: 'connected', notes: 'wants a test drive', heldAt }),
    });
    expect(created.status).toBe(201);
    const expected = {
      purpose: 'demo',
      outcome: 'connected',
      notes: 'wants a test drive',
      heldAt,
      completedAt: clock.now().toISOString(),
    };
    expect(created.body).toMatchObject(expected);
    expect((await t.request('GET', `/activities/${created.body.id}`)).body).toMatchObject(expected);
    const listed = (await t.request('GET', '/activities?contactId=c-ada')).body.items;
    expect(listed.find((a: { id: string }) => a.id === created.body.id)).toMatchObject(expected);
  });

  it('a meeting answers with its location; completing it adds heldAt and the notes written then', async () => {
    const meeting = await t.request('POST', '/activities', {
      body: {
        kind: 'meeting',
        subject: 'Test drive',
        contactId: 'c-ada',
        dueAt: hoursFromNow(1),
        endsAt: hoursFromNow(2),
        location: 'Showroom Berlin',
        notes: 'bring the red one',
      },
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({ location: 'Showroom Berlin', notes: 'bring the red one' });
    expect(meeting.body.heldAt).toBeUndefined();
    const heldAt = hoursFromNow(1.5);
    const done = await t.request('POST', `/activities/${meeting.body.id}/complete`, {
      body: { outcome: 'liked it, wants a quote', notes: 'loved the interior', heldAt },
    });
    expect(done.status).toBe(200);
    const got = (await t.request('GET', `/activities/${meeting.body.id}`)).body;
    expect(got).toMatchObject({
      status: 'completed',
      location: 'Showroom Berlin',
      heldAt,
      outcome: 'liked it, wants a quote',
      notes: 'bring the red one\n\nloved the interior',
    });
  });

  it("a call's outcome is one of the call outcomes: free text is a 422 naming outcome", async () => {
    const heldAt = hoursFromNow(-1);
    const free = await t.request('POST', '/activities', {
      body: call({ outcome: 'interested', heldAt }),
    });
    expect(free.status).toBe(422);
    expect(free.body.type).toMatch(/invalid-call-outcome$/);
    expect(JSON.stringify(free.body)).toContain('"outcome"');
    const scheduled = await t.request('POST', '/activities', {
      body: call({ dueAt: hoursFromNow(3) }),
    });
    expect(scheduled.status).toBe(201);
    const completeFree = await t.request('POST', `/activities/${scheduled.body.id}/complete`, {
      body: { outcome: 'went well' },
    });
    expect(completeFree.status).toBe(422);
    expect(JSON.stringify(completeFree.body)).toContain('"outcome"');
    const complete = await t.request('POST', `/activities/${scheduled.body.id}/complete`, {
      body: { outcome: 'voicemail' },
    });
    expect([complete.status, complete.body.outcome]).toEqual([200, 'voicemail']);
  });

  it('a purpose is one of the call purposes (400 naming purpose), and only a call has one', async () => {
    const unknown = await t.request('POST', '/activities', {
      body: call({ purpose: 'chit-chat', dueAt: hoursFromNow(3) }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'purpose' })]);
    const onTask = await t.request('POST', '/activities', {
      body: { kind: 'task', subject: 'Send brochure', dueAt: hoursFromNow(3), purpose: 'demo' },
    });
    expect(onTask.status).toBe(422);
    expect(onTask.body.type).toMatch(/purpose-only-for-calls$/);
  });

  it('the OpenAPI document offers the shared vocabularies', async () => {
    const doc = (await t.request('GET', '/docs-json')).body;
    const log = doc.components.schemas.LogActivityDto.properties;
    expect(log.purpose.enum).toEqual([...CALL_PURPOSES]);
    expect(log.outcome.description).toContain(CALL_OUTCOMES.join(', '));
    const view = doc.components.schemas.ActivityDto.properties;
    expect(Object.keys(view)).toEqual(
      expect.arrayContaining(['purpose', 'location', 'notes', 'heldAt', 'completedAt', 'outcome']),
    );
  });
});
