/**
 * The export is the whole subject access request or no answer (issue 12): with SALES_URL set and
 * sales not answering, it is a 502 naming the service, never a silently partial export. (The
 * gathering itself runs against the real sales process: sales' subject-access system e2e.)
 */
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('subject access request sources (e2e, real PostgreSQL)', () => {
  const manager = { roles: ['sales-manager' as const] };
  const exportOf = async (t: ContactsTestApp) => {
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada' } },
    });
    expect(created.statusCode).toBe(201);
    return t.call({ url: `/contacts/${created.json().id}/export`, ...manager });
  };

  it('names sales when it does not answer', async () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const t = await startContactsTestApp({ SALES_URL: 'http://127.0.0.1:1' });
    try {
      const res = await exportOf(t);
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({
        type: '/problems/subject-data-source-unavailable',
        service: 'sales',
      });
    } finally {
      await t.close();
    }
  });

  it('without SALES_URL the export is this service’s data alone', async () => {
    const t = await startContactsTestApp();
    try {
      const res = await exportOf(t);
      expect(res.statusCode).toBe(200);
      expect(res.json().services).toEqual({});
      expect(res.json().contact.name).toEqual({ given: 'Ada' });
    } finally {
      await t.close();
    }
  });
});
