/**
 * The floor for bench:http: a bare Fastify server doing, per route, the SQL the services run
 * (the same read-model SELECT for the list, the same stream read for one contact) behind the
 * same JWT check (jose, HS256, the same secret and claims), and nothing else: no Nest, no
 * validation pipes, no request log, no read-model readiness check, no decider, no encryption.
 * Commands are the floor of an append: one INSERT (register) or one versioned UPDATE (stage
 * change) into a table of its own. Started as a child process by http-bench.ts:
 *   BARE_PORT=... DATABASE_URL=... JWT_SECRET=... node -r @swc-node/register services/contacts/src/bench/http/bare-server.ts
 */
import fastify from 'fastify';
import { jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

const SUMMARY_COLUMNS = `contact_id, display_name, primary_email, primary_phone, company_id, company_name, owner_id,
  lifecycle_stage, tags, consent, custom_fields, status, version, created_at, updated_at`;

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const key = new TextEncoder().encode(process.env.JWT_SECRET);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS bare;
    CREATE TABLE IF NOT EXISTS bare.contacts (tenant text, contact_id uuid, version int, data jsonb,
      PRIMARY KEY (tenant, contact_id));
    CREATE TABLE IF NOT EXISTS bare.opportunities (tenant text, opportunity_id text, stage_id text,
      version int, PRIMARY KEY (tenant, opportunity_id))`);
  const app = fastify({ logger: false });

  app.addHook('onRequest', async (request, reply) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    try {
      const { payload } = await jwtVerify(token ?? '', key, {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      (request as unknown as { tenant: string }).tenant = payload.tenant as string;
    } catch {
      return reply.code(401).send({ title: 'Unauthorized' });
    }
  });
  const tenantOf = (request: object) => (request as { tenant: string }).tenant;

  app.get('/contacts', async (request) => {
    const limit = Number((request.query as { limit?: string }).limit ?? 20);
    const { rows } = await pool.query(
      `SELECT ${SUMMARY_COLUMNS}, created_at::text AS sort_value FROM contacts.contact_list
        WHERE tenant = $1 AND status = $2 ORDER BY created_at DESC, contact_id DESC LIMIT $3`,
      [tenantOf(request), 'active', limit + 1],
    );
    return { items: rows.slice(0, limit), nextCursor: null };
  });

  app.get('/contacts/:id', async (request, reply) => {
    const { rows } = await pool.query({
      name: 'bare_read_stream',
      text: `SELECT s.version AS current_version, e.* FROM contacts.streams s
        LEFT JOIN LATERAL (SELECT * FROM contacts.events ev
          WHERE ev.tenant = s.tenant AND ev.stream_id = s.stream_id AND ev.stream_version >= 1
          ORDER BY ev.stream_version) e ON true
        WHERE s.tenant = $1 AND s.stream_id = $2 ORDER BY e.stream_version`,
      values: [tenantOf(request), `contact-${(request.params as { id: string }).id}`],
    });
    if (!rows.length) return reply.code(404).send({ title: 'Not Found' });
    void reply.header('etag', `"${rows[0].current_version}"`);
    return { id: (request.params as { id: string }).id, events: rows.length };
  });

  app.post('/contacts', async (request, reply) => {
    const id = randomUUID();
    await pool.query(
      'INSERT INTO bare.contacts (tenant, contact_id, version, data) VALUES ($1, $2, 1, $3)',
      [tenantOf(request), id, JSON.stringify(request.body)],
    );
    return reply.code(201).header('location', `/contacts/${id}`).send({ id, version: 1 });
  });

  app.post('/opportunities/:id/stage', async (request, reply) => {
    const { rows } = await pool.query(
      `INSERT INTO bare.opportunities AS o (tenant, opportunity_id, stage_id, version) VALUES ($1, $2, $3, 1)
         ON CONFLICT (tenant, opportunity_id) DO UPDATE SET stage_id = EXCLUDED.stage_id, version = o.version + 1
       RETURNING version`,
      [
        tenantOf(request),
        (request.params as { id: string }).id,
        (request.body as { stageId: string }).stageId,
      ],
    );
    void reply.header('etag', `"${rows[0].version}"`);
    return { id: (request.params as { id: string }).id, version: rows[0].version };
  });

  await app.listen({ port: Number(process.env.BARE_PORT), host: '127.0.0.1' });
  process.stdout.write('bare listening\n');
  process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
}

void main();
