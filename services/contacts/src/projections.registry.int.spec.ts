/**
 * Rebuilding the read models from the log gives back the same rows (the projections are a pure
 * function of the log), including after an erase.
 */
import { checkpointChannel, rebuildProjection } from '@crm/event-sourcing';
import { Pool } from 'pg';
import { startContactsTestApp, type ContactsTestApp } from './testing/contacts-test-app';
import { projectionRegistry } from './projections.registry';

describe('read model rebuild (int, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  it('rebuilds contact_list and timeline_entries identical to the live ones', async () => {
    const a = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Ada' }, emails: [{ address: 'ada@x.example' }], tags: ['vip'] },
      })
    ).json().id;
    const b = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Bob' } } })
    ).json().id;
    await t.call({
      method: 'PUT',
      url: `/contacts/${a}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    await t.call({
      method: 'POST',
      url: `/contacts/${a}/interactions`,
      payload: {
        kind: 'note',
        occurredAt: '2026-01-01T00:00:00Z',
        subject: 'Hi',
        otherContactIds: [b],
      },
    });
    await t.call({ method: 'POST', url: `/contacts/${b}/erase`, roles: ['admin'] });

    const pool = new Pool({ connectionString: t.db.url, max: 4 });
    const snapshot = async () => ({
      contacts: (
        await pool.query(
          `SELECT contact_id, display_name, emails, tags, consent, status, version FROM contacts.contact_list ORDER BY contact_id`,
        )
      ).rows,
      timeline: (
        await pool.query(
          `SELECT entry_id, contact_id, subject FROM contacts.timeline_entries ORDER BY entry_id, contact_id`,
        )
      ).rows,
    });
    try {
      // While a read model is being rebuilt, queries answer 503 rather than half a table.
      // As a rebuild does: the status change and its checkpoint NOTIFY (the gate trusts a live
      // read model for a moment unless its checkpoint signals).
      await pool.query(
        `WITH updated AS (
           UPDATE contacts.projection_checkpoints SET status = 'rebuilding'
            WHERE name = 'contacts.directory' RETURNING name)
         SELECT pg_notify($1, name) FROM updated`,
        [checkpointChannel('contacts')],
      );
      let during = await t.call({ url: '/contacts' });
      // The notification arrives asynchronously on the service's LISTEN connection.
      for (let tries = 0; during.statusCode !== 503 && tries < 40; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        during = await t.call({ url: '/contacts' });
      }
      expect(during.statusCode).toBe(503);
      expect(during.headers['retry-after']).toBe('5');
      expect(during.json()).toMatchObject({
        type: '/problems/read-model-unavailable',
        retryAfterSeconds: 5,
      });
      expect((await t.call({ url: `/contacts/${a}/timeline` })).statusCode).toBe(200);
      await pool.query(
        `UPDATE contacts.projection_checkpoints SET status = 'live' WHERE name = 'contacts.directory'`,
      );
      const live = await snapshot();
      expect(live.contacts.map((c) => c.display_name)).toEqual(['Ada']);
      const opened = await projectionRegistry.openStore(pool);
      // The app's runners hold the locks; stop them so the rebuild can take over.
      await t.stopApp();
      for (const projection of projectionRegistry.projections) {
        await rebuildProjection({
          pool,
          store: opened.store,
          logHead: opened.logHead,
          projection,
          schema: projectionRegistry.schema,
          lockTimeoutMs: 10_000,
        });
      }
      expect(await snapshot()).toEqual(live);
      await opened.close?.();
    } finally {
      await pool.end();
    }
  });
});
