import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const clock = new ManualClock('2026-11-20T12:00:00Z');

describe('consent decisions: decidedAt (e2e)', () => {
  let t: ContactsTestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await startContactsTestApp(undefined, { clock });
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada' } },
    });
    contactId = created.json().id;
  });
  afterAll(() => t?.close());

  const decide = (payload: Record<string, unknown>) =>
    t.call({ method: 'PUT', url: `/contacts/${contactId}/consent/email`, payload });
  const grant = { status: 'granted', legalBasis: 'consent', source: 'web-form' };

  it('refuses a decision in the future (beyond the clock skew), naming decidedAt, even one that repeats the current decision', async () => {
    const future = await decide({ ...grant, decidedAt: '2999-01-01T00:00:00Z' });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({
      type: '/problems/consent-decided-in-future',
      errors: [expect.objectContaining({ field: 'decidedAt' })],
    });

    expect((await decide({ ...grant, decidedAt: '2026-11-20T12:04:00Z' })).statusCode).toBe(200);
    const repeated = await decide({ ...grant, decidedAt: '2999-01-01T00:00:00Z' });
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json()).toMatchObject({
      type: '/problems/consent-decided-in-future',
      errors: [expect.objectContaining({ field: 'decidedAt' })],
    });
  });

  it('reports a malformed decidedAt under decidedAt', async () => {
    const bad = await decide({ ...grant, decidedAt: 'last tuesday' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      type: '/problems/invalid-instant',
      errors: [expect.objectContaining({ field: 'decidedAt' })],
    });
  });

  it('dates a decision without decidedAt by the service clock', async () => {
    const res = await decide({ status: 'withdrawn', source: 'unsubscribe-link' });
    expect(res.statusCode).toBe(200);
    expect(res.json().channels.email).toMatchObject({
      status: 'withdrawn',
      at: '2026-11-20T12:00:00.000Z',
    });
  });
});
