import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

// Interactions must not lie in the future: the literal dates below are in the past of this "now".
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('the timeline after an erasure (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  const manager = { roles: ['sales-manager' as const] };
  const create = async (given: string) => {
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given, family: 'Timeline' } },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const erase = async (id: string) =>
    expect(
      (await t.call({ method: 'POST', url: `/contacts/${id}/erase`, ...manager })).statusCode,
    ).toBe(200);

  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("removes the erased person from other people's entries", async () => {
    const a = await create('Anna');
    const b = await create('Bruno');
    const logged = await t.call({
      method: 'POST',
      url: `/contacts/${a}/interactions`,
      payload: {
        kind: 'meeting',
        occurredAt: '2026-03-01T10:00:00Z',
        subject: 'Kick-off',
        otherContactIds: [b],
      },
    });
    expect(logged.statusCode).toBe(201);
    const before = (await t.call({ url: `/contacts/${a}/timeline` })).json().items;
    expect(before[0].details.participants).toEqual([a, b]);

    await erase(b);

    const timeline = await t.call({ url: `/contacts/${a}/timeline` });
    expect(timeline.statusCode).toBe(200);
    const [entry] = timeline.json().items;
    expect(entry).toMatchObject({ subject: 'Kick-off' });
    expect(entry.details.participants).toEqual([a]);
    expect(timeline.body).not.toContain(b);
  });

  it('answers 410 ContactErased for the timeline of an erased contact, like its other endpoints', async () => {
    const gone = await create('Greta');
    await t.call({
      method: 'POST',
      url: `/contacts/${gone}/interactions`,
      payload: { kind: 'note', occurredAt: '2026-03-01T10:00:00Z', subject: 'Hello' },
    });
    await erase(gone);

    const contact = await t.call({ url: `/contacts/${gone}` });
    const timeline = await t.call({ url: `/contacts/${gone}/timeline` });
    expect(timeline.statusCode).toBe(410);
    expect(contact.statusCode).toBe(410);
    const problem = (r: typeof timeline) => {
      const { type, title, status, code } = r.json();
      return { type, title, status, code };
    };
    expect(problem(timeline)).toEqual(problem(contact));
  });
});
