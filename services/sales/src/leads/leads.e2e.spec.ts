import { checkpointChannel } from '@crm/event-sourcing';
import { Client } from 'pg';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

describe('leads over HTTP', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp();
  });
  afterAll(() => t?.close());

  it('captures a lead, scores it with reasons, and lists it by score', async () => {
    const created = await t.request('POST', '/leads', {
      body: {
        source: 'web_form',
        campaignId: 'cmp-1',
        profile: {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          company: 'Engines Ltd',
          jobTitle: 'Head of Fleet',
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"2"');
    const lead = await t.request('GET', `/leads/${created.body.id}`);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ status: 'new', score: 50, source: 'web_form' });
    expect(lead.body.reasons.map((r: any) => r.rule)).toEqual([
      'profile.email',
      'profile.company',
      'profile.seniority',
      'source',
    ]);

    await t.request('POST', '/leads', {
      body: { source: 'import', profile: { name: 'Cold Lead' } },
    });
    const hot = await t.request('GET', '/leads?minScore=40');
    expect(hot.body.items.map((l: any) => l.name)).toEqual(['Ada Lovelace']);
  });

  it('answers bad input with problem+json', async () => {
    const res = await t.request('POST', '/leads', {
      body: { source: 'manual', profile: { name: 'X', phone: '12345' } },
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ field: 'profile.phone' })],
    });
  });

  it('erases a lead: the profile is unreadable in the log and scrubbed from the list', async () => {
    const id = (
      await t.request('POST', '/leads', {
        body: {
          source: 'referral',
          profile: { name: 'Grace Hopper', email: 'grace@example.com', phone: '+4915112345678' },
        },
      })
    ).body.id;
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const logText = async () =>
        (
          await db.query(
            `SELECT string_agg(data::text, ' ') AS text FROM sales.events WHERE stream_id = $1`,
            [`lead-${id}`],
          )
        ).rows[0].text as string;
      // Encrypted at rest from the start: the plaintext email never reaches the log (which
      // does hold the lead: its source is not personal).
      expect(await logText()).toContain('referral');
      expect(await logText()).not.toContain('grace@example.com');
      expect((await t.request('GET', `/leads/${id}`)).body.email).toBe('grace@example.com');
      expect((await t.request('DELETE', `/leads/${id}/personal-data`)).status).toBe(403);
      expect(
        (await t.request('DELETE', `/leads/${id}/personal-data`, { as: { roles: ['admin'] } }))
          .status,
      ).toBe(204);
      const lead = await t.request('GET', `/leads/${id}`);
      expect(lead.body).toMatchObject({
        name: '[erased]',
        profile: { name: '[erased]' },
        status: 'new',
      });
      expect(lead.body.email).toBeUndefined();
      const edit = await t.request('PUT', `/leads/${id}/profile`, {
        body: { name: 'Grace again' },
      });
      expect(edit.status).toBe(410);
      // Later facts about the lead still fold: the engagement counts, the profile stays erased.
      expect(
        (await t.request('POST', `/leads/${id}/engagements`, { body: { kind: 'interaction' } }))
          .status,
      ).toBe(200);
      expect((await t.request('GET', `/leads/${id}`)).body).toMatchObject({
        name: '[erased]',
        interactions: 1,
      });
    } finally {
      await db.end();
    }
  });

  it('answers queries with 503 problem+json while the read models are rebuilt', async () => {
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      // As a rebuild does: the status change and its checkpoint NOTIFY (the gate trusts a live
      // read model for a moment unless its checkpoint signals).
      await db.query(
        `WITH updated AS (
           UPDATE sales.projection_checkpoints SET status = 'rebuilding'
            WHERE name = 'sales.read_models' RETURNING name)
         SELECT pg_notify($1, name) FROM updated`,
        [checkpointChannel('sales')],
      );
      let res = await t.request('GET', '/leads');
      // The notification arrives asynchronously on the service's LISTEN connection.
      for (let tries = 0; res.status !== 503 && tries < 40; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        res = await t.request('GET', '/leads');
      }
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({
        type: expect.stringMatching(/read-model-unavailable/),
        retryAfterSeconds: 5,
      });
    } finally {
      await db.query(
        `UPDATE sales.projection_checkpoints SET status = 'live' WHERE name = 'sales.read_models'`,
      );
      await db.end();
    }
    expect((await t.request('GET', '/leads')).status).toBe(200);
  });

  it('makes a retried capture with the same Idempotency-Key harmless', async () => {
    const body = { source: 'manual', profile: { name: 'Once Only' } };
    const first = await t.request('POST', '/leads', {
      body,
      headers: { 'idempotency-key': 'capture-once-1' },
    });
    const second = await t.request('POST', '/leads', {
      body,
      headers: { 'idempotency-key': 'capture-once-1' },
    });
    expect(second.status).toBe(first.status);
    expect(second.body.id).toBe(first.body.id);
    const named = (await t.request('GET', '/leads?limit=200')).body.items.filter(
      (l: any) => l.name === 'Once Only',
    );
    expect(named).toHaveLength(1);
  });

  it('imports leads from CSV, reporting bad rows without stopping', async () => {
    const csv =
      'name,email,phone,jobTitle\nImported One,one@example.com,,CEO\nImported Two,not-an-email,,\nImported Three,,+4915112345678,\n';
    const res = await t.request('POST', '/leads/import', {
      body: { csv, campaignId: 'fair-2026' },
    });
    expect(res.status).toBe(200);
    expect(res.body.leadIds).toHaveLength(2);
    expect(res.body.rejected).toEqual([
      { row: 3, code: 'InvalidEmail', detail: expect.any(String) },
    ]);
    const first = (await t.request('GET', `/leads/${res.body.leadIds[0]}`)).body;
    expect(first).toMatchObject({ name: 'Imported One', source: 'import', score: 30 });
    const broken = await t.request('POST', '/leads/import', { body: { csv: 'email\nx@y.z\n' } });
    expect(broken.status).toBe(422);
  });
});
