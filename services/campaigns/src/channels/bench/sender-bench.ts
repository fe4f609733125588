/**
 * npm run bench:campaign-sender [-- --messages 2000] [-- --pool 5] [-- --json]
 *
 * Issue 15's figure for the REAL sender, end to end: the campaigns app on a fresh database
 * (startCampaignsTestApp), N audience contacts written straight into the audience tables with
 * email consent, a live segment of them (evaluated by the membership engine), a template, a
 * broadcast launched over HTTP, then CampaignSender passes until the campaign is `completed`:
 * ledger rows, send-time checks, rendering, the SMTP channel, the outcomes and the read model.
 * Messages/s is N over launch -> completed. In the same run a bare nodemailer pool with the same
 * pool size sends the very messages the sender handed its channel (captured on the way), 256 in
 * flight. The SMTP server (smtp-sink.ts) is a child process that must count exactly what was sent.
 */
import { PG_POOL } from '@crm/platform';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import type { Pool } from 'pg';
import { startCampaignsTestApp } from '../../testing/campaigns-test-app';
import { CampaignSender } from '../../sending/campaign-sender';
import { EMAIL_CHANNEL, type EmailChannel, type EmailMessage } from '../message-channel';
import { mailOptionsOf, smtpPoolOptions } from '../smtp/smtp-email-channel';
import { startSmtpSink } from './smtp-sink';

const TENANT = 'bench';
const marketer = { tenant: TENANT, sub: 'bench', roles: ['marketer' as const] };
const ENVELOPE_FROM = 'bounces@acme.example';
const BARE_IN_FLIGHT = 256;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

async function waitFor(what: string, deadlineMs: number, done: () => Promise<boolean>) {
  const deadline = performance.now() + deadlineMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  const count = argument('messages', 2000);
  const poolSize = argument('pool', 5);
  const json = process.argv.includes('--json');
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  const sink = await startSmtpSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  const env: Record<string, string> = {
    SMTP_URL: smtpUrl,
    SMTP_POOL_SIZE: String(poolSize),
    CAMPAIGNS_EMAIL_ENVELOPE_FROM: ENVELOPE_FROM,
    CAMPAIGNS_EMAIL_RATE_PER_S: '100000',
    CAMPAIGNS_SEND_POLL_MS: '3600000',
    CAMPAIGNS_QUIET_HOURS: 'none',
    CAMPAIGNS_FREQUENCY_CAP: '0',
    CAMPAIGNS_TRACKING_KEYS: 'k1:bench-secret-0123456789abcdefghijklmnopqrstuv',
  };
  for (const name of ['CAMPAIGNS_SEND_BATCH_SIZE', 'CAMPAIGNS_SEND_CONCURRENCY'])
    if (process.env[name]) env[name] = process.env[name]!;
  // The test app makes its own database on the server the benches use.
  process.env['CRM_TEST_POSTGRES_URL'] ??= process.env['DATABASE_URL'];
  const t = await startCampaignsTestApp(env).catch((error: unknown) => {
    sink.stop();
    throw error;
  });
  try {
    const pool = t.app.get<Pool>(PG_POOL);
    const sender = t.app.get(CampaignSender);
    // What the sender hands its channel, for the bare pool to send the same bytes.
    const channel = t.app.get<EmailChannel>(EMAIL_CHANNEL);
    const captured: EmailMessage[] = [];
    const send = channel.send.bind(channel);
    channel.send = (m: EmailMessage) => {
      captured.push(m);
      return send(m);
    };

    const ids = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(7, '0')}`);
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, given_name, email,
          country, time_zone, consent, registered_at)
       SELECT $1, id, 'Person ' || id, 'Person' || n, id || '@example.org', 'BENCH', 'Europe/Berlin',
              '{"email":"granted"}'::jsonb, now()
         FROM unnest($2::text[]) WITH ORDINALITY AS u(id, n)`,
      [TENANT, ids],
    );
    const segment = await t.request('POST', '/segments', {
      as: marketer,
      body: {
        name: 'Bench',
        kind: 'dynamic',
        rule: { field: 'country', op: 'eq', value: 'BENCH' },
      },
    });
    if (segment.status !== 201) throw new Error(`segment: ${segment.status}`);
    await t.request('POST', `/segments/${segment.body.id}/activate`, { as: marketer });
    await waitFor('the segment members', 600_000, async () => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.segment_members WHERE tenant = $1 AND segment_id = $2`,
        [TENANT, segment.body.id],
      );
      return rows[0]!.n === count;
    });
    const template = await t.request('POST', '/templates', {
      as: marketer,
      body: {
        channel: 'email',
        name: 'Offer',
        subject: '{{ contact.givenName }}, 15% off your service plan',
        html:
          '<h1>Hello {{ contact.givenName }}</h1><p>Your service plan is <b>15% off</b> this month.</p>' +
          '<p><a href="https://shop.example/plan?a=1">See the offer</a></p>',
      },
    });
    if (template.status !== 201) throw new Error(`template: ${template.status}`);
    const created = await t.request('POST', '/campaigns', {
      as: marketer,
      body: {
        name: 'Bench offer',
        kind: { type: 'broadcast' },
        channel: 'email',
        audience: { segmentId: segment.body.id },
        variants: [
          { id: 'A', templateId: template.body.id, templateVersion: 1, sharePercent: 100 },
        ],
        sender: { name: 'Acme Offers', email: 'offers@acme.example' },
      },
    });
    if (created.status !== 201) throw new Error(`campaign: ${created.status}`);
    const campaignId = created.body.id as string;
    log(
      `bench:campaign-sender: ${count} contacts, pool ${poolSize}, ${os.cpus().length} CPUs, ` +
        `load average ${os.loadavg()[0].toFixed(1)}, smtp-server in a child process`,
    );

    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const launched = await t.request('POST', `/campaigns/${campaignId}/launch`, { as: marketer });
    if (launched.status !== 200) throw new Error(`launch: ${launched.status}`);
    const status = async () =>
      (
        await pool.query<{ status: string }>(
          `SELECT status FROM campaigns.campaigns WHERE tenant = $1 AND campaign_id = $2`,
          [TENANT, campaignId],
        )
      ).rows[0]?.status;
    await waitFor('the campaign to complete', 1_800_000, async () => {
      if ((await status()) === 'completed') return true;
      await sender.runOnce();
      return false;
    });
    const senderSeconds = (performance.now() - startedAt) / 1000;
    const senderCpu = process.cpuUsage(cpuBefore);
    const { rows } = await pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM campaigns.campaign_messages
        WHERE tenant = $1 AND campaign_id = $2 GROUP BY status`,
      [TENANT, campaignId],
    );
    const statuses = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    if (
      statuses['sent'] !== count ||
      captured.length !== count ||
      (await sink.received()) !== count
    )
      throw new Error(
        `sender: ${JSON.stringify(statuses)}, ${captured.length} handed over, ${await sink.received()} received`,
      );

    const bare = createTransport(smtpPoolOptions({ url: smtpUrl, poolSize, timeoutMs: 30_000 }));
    const rendered: SendMailOptions[] = captured.map((m) => mailOptionsOf(m, ENVELOPE_FROM));
    const bareCpuBefore = process.cpuUsage();
    const bareStartedAt = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: BARE_IN_FLIGHT }, async () => {
        while (next < rendered.length) await bare.sendMail(rendered[next++]!);
      }),
    );
    const bareSeconds = (performance.now() - bareStartedAt) / 1000;
    const bareCpu = process.cpuUsage(bareCpuBefore);
    bare.close();
    if ((await sink.received()) !== 2 * count) throw new Error('bare pool: messages lost');

    const result = {
      bench: 'campaign-sender',
      messages: count,
      poolSize,
      senderPerSecond: Math.round(count / senderSeconds),
      barePoolPerSecond: Math.round(count / bareSeconds),
      ratio: Number((bareSeconds / senderSeconds).toFixed(3)),
      senderCpuMicrosPerMessage: Math.round((senderCpu.user + senderCpu.system) / count),
      bareCpuMicrosPerMessage: Math.round((bareCpu.user + bareCpu.system) / count),
      loadAverage1m: Number(os.loadavg()[0].toFixed(1)),
      goals: { perSecond: 1000, ratio: 0.7 },
    };
    log(`sender:    ${result.senderPerSecond} messages/s launch -> completed (goal >= 1000)`);
    log(`bare pool: ${result.barePoolPerSecond} messages/s, the same messages`);
    log(`ratio:     ${result.ratio}x (goal >= 0.7x)`);
    log(
      `CPU/message: sender ${result.senderCpuMicrosPerMessage} µs (app, database client, channel), ` +
        `bare ${result.bareCpuMicrosPerMessage} µs; load average ${result.loadAverage1m}`,
    );
    if (json) console.log(JSON.stringify(result));
  } finally {
    await t.close();
    sink.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
