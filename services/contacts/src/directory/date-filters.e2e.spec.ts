/**
 * Issue 12: impossible dates in the contact list's date filters are a 400 naming the field,
 * never a PostgreSQL cast error; a real date still filters (positive control).
 */
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('contact list date filters refuse impossible dates (e2e)', () => {
  let t: ContactsTestApp;

  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    ['createdFrom', '2026-02-30'],
    ['createdTo', '2026-04-31'],
    ['updatedFrom', '2026-13-01'],
    ['updatedTo', '2026-02-29T10:00:00Z'],
    ['createdFrom', '2026-01-01T24:00:00Z'],
  ])('%s=%s is a 400 naming the field', async (field, value) => {
    const res = await t.call({ url: `/contacts?${field}=${value}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
  });

  it('answers 200 for real dates', async () => {
    const res = await t.call({
      url: '/contacts?createdFrom=2024-02-29&createdTo=2030-01-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(200);
  });
});
