/**
 * npm run bench:campaign-send [-- --messages 50000] [-- --pool 5] [-- --concurrency 256] [-- --rounds 2] [-- --json]
 *
 * Issue 15's figure: 50k personalised emails (a distinct recipient, subject, body, Message-ID
 * and unsubscribe URL each) sent to a local smtp-server that accepts everything, through our
 * email channel (SmtpEmailChannel behind its RateLimitedChannel, exactly as the module builds
 * it) and through a bare nodemailer pool with the same pool size and options, sending the same
 * pre-rendered messages; messages/s for both and the ratio, from the same run, never asserted.
 *
 * Fair by construction: the SMTP server runs in a child process (it does not take the senders'
 * CPU), both contenders are driven by the same loop with the same number of messages in flight,
 * each round sends every message once through each (alternating which goes first), every send
 * must be accepted and the server must count exactly the messages sent, medians are reported.
 * The channel's rate limit is set to 100,000/s so that it does not bind (its cost is measured).
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { SmtpSettings } from '../channel-settings';
import { listUnsubscribeHeaders, messageIdFor, type EmailMessage } from '../message-channel';
import { RateLimitedChannel } from '../rate-limited-channel';
import { RateLimiter } from '../rate-limiter';
import { mailOptionsOf, smtpPoolOptions, SmtpEmailChannel } from '../smtp/smtp-email-channel';

const ENVELOPE_FROM = 'bounces@acme.example';
const RATE_PER_S = 100_000;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

/** The middle value; the mean of the two middle ones for an even count (2 rounds: their mean). */
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The child: an smtp-server that accepts every message and counts them. */
function serve(): void {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback(null, `Ok: queued as B${received}`);
      });
      stream.resume();
    },
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('message', (m: { count?: boolean }) => {
    if (m.count) process.send?.({ received });
  });
}

interface SmtpChild {
  port: number;
  received(): Promise<number>;
  stop(): void;
}

function startServerProcess(): Promise<SmtpChild> {
  const child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { port: number }) =>
      resolve({
        port: m.port,
        received: () =>
          new Promise((answer) => {
            child.once('message', (r: { received: number }) => answer(r.received));
            child.send({ count: true });
          }),
        stop: () => child.kill(),
      }),
    );
  });
}

/** 50k people, each their own subject, body, Message-ID and unsubscribe link. */
function personalisedMessages(count: number): EmailMessage[] {
  const products = [
    'service plan',
    'winter tyres',
    'extended warranty',
    'roof box',
    'charging wallbox',
  ];
  return Array.from({ length: count }, (_, i) => {
    const reference = `bench-ledger-${i}`;
    const name = `Person ${i}`;
    const product = products[i % products.length];
    const code = `OFFER-${(i * 7919) % 100_000}`;
    const unsubscribe = `https://crm.example/u/${reference}.sig${(i * 2_654_435_761) % 2 ** 32}`;
    return {
      tenant: 'bench',
      reference,
      campaignId: 'bench-campaign',
      contactId: `c-${i}`,
      from: 'Acme Offers <offers@acme.example>',
      to: `person${i}@example.org`,
      subject: `${name}, 15% off your ${product}`,
      html:
        `<html><body><h1>Hello ${name}</h1><p>You bought a car from us. Your ${product} is ` +
        `<b>15% off</b> this month with code <code>${code}</code>.</p>` +
        `<p><a href="https://crm.example/c/${reference}/1">See the offer</a></p>` +
        `<p style="font-size:small"><a href="${unsubscribe}">Unsubscribe</a></p>` +
        `<img src="https://crm.example/o/${reference}.gif" width="1" height="1" alt=""></body></html>`,
      text:
        `Hello ${name}\n\nYou bought a car from us. Your ${product} is 15% off this month ` +
        `with code ${code}.\n\nSee the offer: https://crm.example/c/${reference}/1\n\nUnsubscribe: ${unsubscribe}`,
      headers: {
        messageId: messageIdFor(reference, 'acme.example'),
        ...listUnsubscribeHeaders(unsubscribe),
        extra: { 'X-Campaign-Id': 'bench-campaign' },
      },
    };
  });
}

interface RunFigures {
  perSecond: number;
  /** This process's CPU (user + system) per message: the senders' own cost, whatever the machine's load. */
  cpuMicrosPerMessage: number;
}

/** Sends every item with at most `concurrency` in flight; answers messages/s and CPU per message. */
async function drive<T>(
  items: readonly T[],
  concurrency: number,
  send: (item: T) => Promise<boolean>,
): Promise<RunFigures> {
  let next = 0;
  let failures = 0;
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (!(await send(item))) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (failures) throw new Error(`${failures} messages were not accepted`);
  return {
    perSecond: items.length / seconds,
    cpuMicrosPerMessage: (cpu.user + cpu.system) / items.length,
  };
}

async function main(): Promise<void> {
  const count = argument('messages', 50_000);
  const poolSize = argument('pool', 5);
  const concurrency = argument('concurrency', 256);
  const rounds = argument('rounds', 2);
  const json = process.argv.includes('--json');
  const log = (line: string) => {
    if (!json) console.log(line);
  };

  const server = await startServerProcess();
  const settings: SmtpSettings = {
    url: `smtp://127.0.0.1:${server.port}`,
    poolSize,
    timeoutMs: 30_000,
  };
  const messages = personalisedMessages(count);
  // The bare pool gets what our channel hands nodemailer, rendered before the clock starts.
  const rendered: SendMailOptions[] = messages.map((m) => mailOptionsOf(m, ENVELOPE_FROM));
  log(
    `bench:campaign-send: ${count} messages, pool ${poolSize}, ${concurrency} in flight, ${rounds} round(s), ` +
      `${os.cpus().length} CPUs, smtp-server in a child process`,
  );

  let expected = 0;
  const checkServer = async (what: string) => {
    expected += count;
    const received = await server.received();
    if (received !== expected)
      throw new Error(`${what}: the server received ${received}, expected ${expected}`);
  };

  const runOurs = async () => {
    const channel = new RateLimitedChannel(
      new SmtpEmailChannel(settings, ENVELOPE_FROM),
      new RateLimiter(RATE_PER_S),
    );
    const rate = await drive(
      messages,
      concurrency,
      async (m) => (await channel.send(m)).kind === 'accepted',
    );
    await (channel.inner as SmtpEmailChannel).close();
    await checkServer('our channel');
    return rate;
  };
  const runBare = async () => {
    const pool = createTransport(smtpPoolOptions(settings));
    const rate = await drive(rendered, concurrency, async (m) => {
      const info = (await pool.sendMail(m)) as { accepted: unknown[] };
      return info.accepted.length === 1;
    });
    pool.close();
    await checkServer('bare pool');
    return rate;
  };

  const ours: RunFigures[] = [];
  const bare: RunFigures[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['bare', 'ours'] : ['ours', 'bare'];
    for (const who of order) {
      const figures = who === 'ours' ? await runOurs() : await runBare();
      (who === 'ours' ? ours : bare).push(figures);
      log(
        `  round ${round + 1} ${who === 'ours' ? 'our channel' : 'bare pool  '}: ` +
          `${figures.perSecond.toFixed(0)} messages/s, ${figures.cpuMicrosPerMessage.toFixed(0)} µs CPU/message`,
      );
    }
  }
  server.stop();

  const result = {
    bench: 'campaign-send',
    messages: count,
    poolSize,
    concurrency,
    rounds,
    ourChannelPerSecond: Math.round(median(ours.map((f) => f.perSecond))),
    barePoolPerSecond: Math.round(median(bare.map((f) => f.perSecond))),
    ratio: 0,
    ourCpuMicrosPerMessage: Math.round(median(ours.map((f) => f.cpuMicrosPerMessage))),
    bareCpuMicrosPerMessage: Math.round(median(bare.map((f) => f.cpuMicrosPerMessage))),
    loadAverage1m: Number(os.loadavg()[0].toFixed(1)),
    goals: { perSecond: 1000, ratio: 0.7 },
  };
  result.ratio = Number((result.ourChannelPerSecond / result.barePoolPerSecond).toFixed(3));
  log(`our channel: ${result.ourChannelPerSecond} messages/s (goal >= 1000)`);
  log(`bare pool:   ${result.barePoolPerSecond} messages/s`);
  log(`ratio:       ${result.ratio}x (goal >= 0.7x)`);
  log(
    `CPU/message: ours ${result.ourCpuMicrosPerMessage} µs, bare ${result.bareCpuMicrosPerMessage} µs ` +
      `(sender process; load average ${result.loadAverage1m} on ${os.cpus().length} CPUs)`,
  );
  if (json) console.log(JSON.stringify(result));
}

if (process.argv.includes('--serve')) serve();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
