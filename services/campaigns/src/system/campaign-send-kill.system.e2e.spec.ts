/**
 * Exactly one message per (campaign, person, step) under a real SIGKILL (issue 15, "Sending"): the
 * campaigns service as its own process sends a broadcast to RECIPIENTS people through a real local
 * SMTP server, is killed with SIGKILL mid-send and started again. The campaign completes, the SMTP
 * server received nobody twice, everyone received is in the ledger as sent or unknown, and the
 * messages in flight at the kill (handed over, no outcome recorded) are reported `unknown`, never
 * resent.
 */
import {
  freePort,
  serviceClient,
  startServiceProcess,
  STARTUP_TIMEOUT_MS,
  type ServiceClient,
  type ServiceProcess,
} from '@crm/platform/testing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';

const RECIPIENTS = 3_000;
const KILL_AFTER_RECEIVED = 800;
const BATCH = 100;
const SMTP_DELAY_MS = 20;
const SECRET = 'campaigns-kill-e2e-secret-0123456789abcdef';
const TENANT = 'kill-a';
const marketer = { roles: ['marketer' as const], sub: 'mia' };
const SETTLE_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

describe('campaign send survives a SIGKILL (system)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let smtp: SMTPServer;
  let service: ServiceProcess;
  let client: ServiceClient;
  let env: Record<string, string>;
  let port: number;
  /** Every RCPT TO the server accepted a message for, in order. */
  const delivered: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        // A provider that takes a moment per message: a batch is in flight long enough for
        // the kill to land inside it.
        stream.on('end', () =>
          setTimeout(() => {
            delivered.push(...session.envelope.rcptTo.map((r) => r.address));
            callback(null, `Ok: queued as Q${delivered.length}`);
          }, SMTP_DELAY_MS),
        );
      },
    });
    // The killed process's connections reset under the server: expected, not a failure.
    smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    db = await createTestDatabase('campaigns_kill');
    pool = new Pool({ connectionString: db.url, max: 2 });
    port = await freePort();
    env = {
      DATABASE_URL: db.url,
      JWT_SECRET: SECRET,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      SMTP_POOL_SIZE: '5',
      CAMPAIGNS_EMAIL_RATE_PER_S: '5000',
      CAMPAIGNS_SEND_POLL_MS: '200',
      CAMPAIGNS_SEND_BATCH_SIZE: String(BATCH),
      CAMPAIGNS_IN_FLIGHT_GRACE_MS: '5000',
      CAMPAIGNS_QUIET_HOURS: 'none',
      CAMPAIGNS_FREQUENCY_CAP: '0',
      CAMPAIGNS_TRACKING_KEYS: 'k1:kill-e2e-tracking-secret-0123456789abcdef',
    };
    service = startServiceProcess('campaigns', port, env);
    await service.ready(STARTUP_TIMEOUT_MS);
    client = serviceClient(service.baseUrl, TENANT, SECRET);
  }, STARTUP_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await service?.stop();
    await pool?.end();
    await db?.drop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  }, 30_000);

  const ok = async (method: 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await client.request(method, url, { as: marketer, body });
    if (res.status >= 300)
      throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it(
    `sends ${RECIPIENTS} people one mail each across a kill and reports the in-flight ones unknown`,
    async () => {
      await pool.query(
        `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, given_name, email,
            country, time_zone, consent, registered_at)
         SELECT $1, 'p' || lpad(i::text, 6, '0'), 'Person ' || i, 'P' || i, 'p' || i || '@example.org',
                'KL', 'Europe/Berlin', '{"email": "granted"}', now()
           FROM generate_series(1, $2) AS i`,
        [TENANT, RECIPIENTS],
      );
      const segment = await ok('POST', '/segments', {
        name: 'Everyone',
        kind: 'dynamic',
        rule: { field: 'country', op: 'eq', value: 'KL' },
      });
      await ok('POST', `/segments/${segment.id}/activate`);
      await until(
        'the segment members',
        async () => {
          const { rows } = await pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM campaigns.segment_members WHERE tenant = $1 AND segment_id = $2`,
            [TENANT, segment.id],
          );
          return rows[0]!.n === RECIPIENTS ? true : undefined;
        },
        SETTLE_MS,
      );
      const template = await ok('POST', '/templates', {
        channel: 'email',
        name: 'Hello',
        subject: 'Hello {{ contact.givenName }}',
        html: '<p>Hello {{ contact.givenName }}</p>',
      });
      // The campaign checks its template against the read model: wait until it shows it.
      await until(
        'the template in the read model',
        async () =>
          (await client.request('GET', `/templates/${template.id}`, { as: marketer })).status ===
          200
            ? true
            : undefined,
        SETTLE_MS,
      );
      const campaign = await ok('POST', '/campaigns', {
        name: 'Kill me',
        kind: { type: 'broadcast' },
        channel: 'email',
        audience: { segmentId: segment.id },
        variants: [{ id: 'A', templateId: template.id, templateVersion: 1, sharePercent: 100 }],
        sender: { name: 'Autohaus', email: 'news@autohaus.example' },
      });
      await ok('POST', `/campaigns/${campaign.id}/launch`);

      const started = Date.now();
      await until(
        `${KILL_AFTER_RECEIVED} deliveries`,
        // Mid-batch: some of the batch delivered, the rest handed over or waiting.
        async () => {
          const inBatch = delivered.length % BATCH;
          return delivered.length >= KILL_AFTER_RECEIVED && inBatch >= 10 && inBatch <= 80
            ? true
            : undefined;
        },
        SETTLE_MS,
        5,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the service said:\n${service.output()}`);
      });
      const perSecond = Math.round(delivered.length / ((Date.now() - started) / 1000));
      await service.kill();
      const atKill = delivered.length;
      expect(atKill).toBeLessThan(RECIPIENTS); // killed mid-send
      const { rows: inFlight } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.events
          WHERE tenant = $1 AND type = 'MessageDispatched'
            AND stream_id NOT IN (SELECT stream_id FROM campaigns.events
                                   WHERE tenant = $1 AND type IN ('MessageSent', 'MessageRejected',
                                         'MessageDeferred', 'MessageOutcomeUnknown'))`,
        [TENANT],
      );

      service = startServiceProcess('campaigns', port, env);
      await service.ready(STARTUP_TIMEOUT_MS);
      client = serviceClient(service.baseUrl, TENANT, SECRET);
      await until(
        'the campaign to complete',
        async () => {
          const res = await client.request('GET', `/campaigns/${campaign.id}`, { as: marketer });
          return res.body.status === 'completed' ? true : undefined;
        },
        SETTLE_MS,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the service said:\n${service.output()}`);
      });

      // Nobody twice, everybody once (the unknown ones may or may not have arrived).
      const counts = new Map<string, number>();
      for (const address of delivered) counts.set(address, (counts.get(address) ?? 0) + 1);
      expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
      const { rows } = await pool.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM campaigns.campaign_messages
          WHERE tenant = $1 AND campaign_id = $2 GROUP BY status`,
        [TENANT, campaign.id],
      );
      const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      expect((byStatus.sent ?? 0) + (byStatus.unknown ?? 0)).toBe(RECIPIENTS);
      expect(byStatus.dispatched).toBeUndefined();
      // What was in flight at the kill is exactly what is unknown now.
      expect(inFlight[0]!.n).toBeGreaterThan(0);
      expect(byStatus.unknown ?? 0).toBe(inFlight[0]!.n);
      expect(counts.size).toBeGreaterThanOrEqual(byStatus.sent!);
      expect(counts.size).toBeLessThanOrEqual(RECIPIENTS);
      const { rows: sentNotDelivered } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.campaign_messages m
           JOIN campaigns.audience_contacts c ON c.tenant = m.tenant AND c.contact_id = m.contact_id
          WHERE m.tenant = $1 AND m.campaign_id = $2 AND m.status = 'sent' AND NOT (c.email = ANY($3))`,
        [TENANT, campaign.id, [...counts.keys()]],
      );
      expect(sentNotDelivered[0]!.n).toBe(0);
      console.log(
        `kill test: ${RECIPIENTS} recipients, killed after ${atKill} deliveries, ${inFlight[0]!.n} in flight -> unknown, ${counts.size} delivered once; about ${perSecond} messages/s before the kill`,
      );
    },
    2 * STARTUP_TIMEOUT_MS + 3 * SETTLE_MS,
  );
});
