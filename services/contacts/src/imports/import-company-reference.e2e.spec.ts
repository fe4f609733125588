/** A CSV row's company_id must name a company of the tenant, as on POST /contacts (issue 12). */
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('CSV import checks company_id (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const createCompany = async (tenant?: string) =>
    (
      await t.call({
        method: 'POST',
        url: '/companies',
        payload: { name: 'Analytical Engines' },
        tenant,
      })
    ).json().id as string;

  it('rejects the rows naming an unknown or another tenant’s company, imports the others', async () => {
    const ours = await createCompany();
    const theirs = await createCompany('globex');
    const file = [
      'email,given_name,company_id',
      `ada@example.com,Ada,${ours}`,
      'grace@example.com,Grace,no-such-company',
      `hedy@example.com,Hedy,${theirs}`,
      'kay@example.com,Kay,no-such-company',
    ].join('\n');
    for (const dryRun of [true, false]) {
      const res = await t.call({
        method: 'PUT',
        url: `/contacts/imports/companies-1${dryRun ? '?dryRun=true' : ''}`,
        headers: { 'content-type': 'text/csv' },
        payload: file,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ processed: 4, created: 1, rejected: 3 });
    }
    const rejected = (
      await t.call({ url: '/contacts/imports/companies-1/rows?outcome=rejected' })
    ).json() as { row: number; reasons: { code: string; field: string }[] }[];
    expect(rejected.map((r) => [r.row, r.reasons[0].code, r.reasons[0].field])).toEqual([
      [2, 'UnknownCompany', 'company_id'],
      [3, 'UnknownCompany', 'company_id'],
      [4, 'UnknownCompany', 'company_id'],
    ]);
    const listed = (await t.call({ url: '/contacts' })).json().items as { companyId: string }[];
    expect(listed.map((c) => c.companyId)).toEqual([ours]);
  });
});
