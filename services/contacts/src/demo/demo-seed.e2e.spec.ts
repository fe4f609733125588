import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';
import { seedDemoData } from './demo-seed';
import { PassThrough } from 'node:stream';

describe('demo seed (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  it('loads companies, contacts, consent and interactions once, visible through the API', async () => {
    const output = new PassThrough();
    const first = await seedDemoData(t.app, { tenant: 'demo', contacts: 60, companies: 5, output });
    expect(first).toEqual({ skipped: false, contacts: 60 });
    expect(
      (await seedDemoData(t.app, { tenant: 'demo', contacts: 60, companies: 5, output })).skipped,
    ).toBe(true);

    const eventually = async () => {
      for (let i = 0; i < 100; i++) {
        const page = (await t.call({ url: '/contacts?limit=200', tenant: 'demo' })).json();
        if (page.items.length === 60) return page;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('seeded contacts did not reach the read model');
    };
    const page = await eventually();
    expect(
      page.items.filter((c: { companyName: string | null }) => c.companyName).length,
    ).toBeGreaterThan(30);
    expect((await t.call({ url: '/companies', tenant: 'demo' })).json().items).toHaveLength(5);
  });
});
