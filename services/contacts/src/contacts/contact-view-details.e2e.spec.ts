/**
 * A contact as a UI shows it (issue 12): GET /contacts/{id} and every command's answer carry
 * createdAt, updatedAt and companyName, equal to what the list shows for the same contact.
 */
import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const clock = new ManualClock('2026-03-10T08:00:00Z');

describe('ContactView createdAt, updatedAt, companyName (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  /**
   * A command's answer carries the details once the directory caught up with it; when it could
   * not wait (a loaded machine), the answer says so in Read-Your-Writes and may lack them.
   */
  const expectAnswerDetails = (
    res: Awaited<ReturnType<ContactsTestApp['call']>>,
    expected: object,
  ) => {
    if (res.headers['read-your-writes'] === undefined) expect(res.json()).toMatchObject(expected);
  };
  /** A read of the contact once the directory shows `updatedAt` (bounded). */
  const readUntilUpdated = async (id: string, updatedAt: string) => {
    const until = Date.now() + 10_000;
    let read = await t.call({ url: `/contacts/${id}` });
    while (read.json().updatedAt !== updatedAt && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      read = await t.call({ url: `/contacts/${id}` });
    }
    return read;
  };

  it('a contact shows when it was created and changed and its company by name, like its list entry', async () => {
    const company = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Analytical Engines Ltd' },
    });
    expect(company.statusCode).toBe(201);
    const companyId = company.json().id as string;
    const created = clock.now().toISOString();

    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada', family: 'Lovelace' }, companyId },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expectAnswerDetails(res, {
      companyId,
      companyName: 'Analytical Engines Ltd',
      createdAt: created,
      updatedAt: created,
    });

    clock.advance(3_600_000);
    const changed = clock.now().toISOString();
    const patched = await t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      payload: { name: { given: 'Augusta' } },
    });
    expect(patched.statusCode).toBe(200);
    expectAnswerDetails(patched, { createdAt: created, updatedAt: changed });

    const read = await readUntilUpdated(id, changed);
    expect(read.json()).toMatchObject({
      createdAt: created,
      updatedAt: changed,
      companyName: 'Analytical Engines Ltd',
    });
    const listed = (await t.call({ url: `/contacts?company=${companyId}` })).json().items[0];
    expect(listed).toMatchObject({
      id,
      createdAt: read.json().createdAt,
      updatedAt: read.json().updatedAt,
      companyName: read.json().companyName,
    });
  });

  it('the company name follows a rename; a contact without a company has none', async () => {
    const companyId = (
      await t.call({ method: 'POST', url: '/companies', payload: { name: 'Old Name' } })
    ).json().id as string;
    const id = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Grace' }, companyId },
      })
    ).json().id as string;
    const renamed = await t.call({
      method: 'PATCH',
      url: `/companies/${companyId}`,
      payload: { name: 'New Name' },
    });
    expect(renamed.statusCode).toBe(200);
    // The company read model moves with the rename (read your writes, or soon after under load).
    const until = Date.now() + 10_000;
    let name = (await t.call({ url: `/contacts/${id}` })).json().companyName;
    while (name !== 'New Name' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      name = (await t.call({ url: `/contacts/${id}` })).json().companyName;
    }
    expect(name).toBe('New Name');

    const alone = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Hedy' } },
    });
    expect(alone.json().companyName).toBeUndefined();
    expectAnswerDetails(alone, { createdAt: clock.now().toISOString() });
  });
});
