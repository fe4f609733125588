/**
 * The SMTP channel against real SMTP servers (smtp-server on loopback), the received messages
 * parsed by mailparser: what arrives (envelope, headers, both parts), what each refusal becomes,
 * the two silences (before and after the data was handed over), the pool's size, the rate
 * limit (counted: N messages at R/s cannot finish before (N - burst) / R s) and the clean close.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { eventually } from '@crm/testing';
import type { SmtpSettings } from '../channel-settings';
import { listUnsubscribeHeaders, messageIdFor, type EmailMessage } from '../message-channel';
import { RateLimitedChannel } from '../rate-limited-channel';
import { RateLimiter } from '../rate-limiter';
import { SmtpEmailChannel } from './smtp-email-channel';

interface Received {
  mailFrom: string;
  rcptTo: string[];
  parsed: ParsedMail;
}

interface TestServer {
  url: string;
  received: Received[];
  connections: { opened: number; closed: number };
  close(): Promise<void>;
}

/** An smtp-server on a free loopback port; `options` override what it does per command. */
async function startSmtpServer(options: Partial<SMTPServerOptions> = {}): Promise<TestServer> {
  const received: Received[] = [];
  const connections = { opened: 0, closed: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      connections.opened += 1;
      callback();
    },
    onClose() {
      connections.closed += 1;
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            parsed,
          });
          callback(null, `Ok: queued as Q${received.length}`);
        })
        .catch(callback);
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const smtpError = (code: number, text: string) =>
  Object.assign(new Error(text), { responseCode: code });

const settings = (url: string, overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
  url,
  poolSize: 2,
  timeoutMs: 5_000,
  ...overrides,
});

function email(n: number, overrides: Partial<EmailMessage> = {}): EmailMessage {
  const reference = `ledger-${n}`;
  return {
    tenant: 't1',
    reference,
    campaignId: 'camp-1',
    contactId: `c-${n}`,
    from: 'Acme Offers <offers@acme.example>',
    to: `person${n}@example.org`,
    subject: `Your service plan, person ${n}`,
    html: `<p>Hello <b>person ${n}</b>, your car deserves a plan.</p>`,
    text: `Hello person ${n}, your car deserves a plan.`,
    headers: {
      messageId: messageIdFor(reference, 'acme.example'),
      ...listUnsubscribeHeaders(`https://crm.example/u/${reference}`, `unsubscribe@acme.example`),
      extra: { 'X-Campaign-Id': 'camp-1' },
    },
    ...overrides,
  };
}

/** A header as sent, unfolded (RFC 5322 2.2.3: a folded line is the CRLF dropped). */
const header = (parsed: ParsedMail, name: string) =>
  parsed.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/\r?\n(?=[ \t])/g, '')
    .replace(/^[^:]+:\s*/, '');

describe('SMTP email channel (real smtp-server)', () => {
  const servers: TestServer[] = [];
  const channels: SmtpEmailChannel[] = [];
  const start = async (options: Partial<SMTPServerOptions> = {}) => {
    const server = await startSmtpServer(options);
    servers.push(server);
    return server;
  };
  const channelTo = (server: TestServer, overrides: Partial<SmtpSettings> = {}) => {
    const channel = new SmtpEmailChannel(settings(server.url, overrides), 'bounces@acme.example');
    channels.push(channel);
    return channel;
  };

  afterAll(async () => {
    await Promise.all(channels.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.close()));
  });

  it('delivers the rendered message: envelope, Message-ID, RFC 8058 headers, HTML and text parts', async () => {
    const server = await start();
    const outcome = await channelTo(server).send(email(1));

    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: 'Q1' });
    expect(server.received).toHaveLength(1);
    const [{ mailFrom, rcptTo, parsed }] = server.received;
    expect(mailFrom).toBe('bounces@acme.example');
    expect(rcptTo).toEqual(['person1@example.org']);
    expect(parsed.to).toMatchObject({ value: [{ address: 'person1@example.org' }] });
    expect(parsed.from).toMatchObject({
      value: [{ address: 'offers@acme.example', name: 'Acme Offers' }],
    });
    expect(parsed.subject).toBe('Your service plan, person 1');
    expect(parsed.messageId).toBe('<ledger-1@acme.example>');
    expect(header(parsed, 'List-Unsubscribe')).toBe(
      '<https://crm.example/u/ledger-1>, <mailto:unsubscribe@acme.example>',
    );
    expect(header(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(parsed, 'X-Campaign-Id')).toBe('camp-1');
    expect(parsed.html).toBe('<p>Hello <b>person 1</b>, your car deserves a plan.</p>');
    expect(parsed.text?.trim()).toBe('Hello person 1, your car deserves a plan.');
  });

  it('a 550 to RCPT TO is rejected-permanent with the code and the server text; nothing arrives', async () => {
    const server = await start({
      onRcptTo: (_address, _session, callback) => callback(smtpError(550, 'No such mailbox here')),
    });
    const outcome = await channelTo(server).send(email(2));
    expect(outcome).toMatchObject({ kind: 'rejected-permanent', code: '550' });
    expect(outcome.kind === 'rejected-permanent' && outcome.text).toContain('No such mailbox here');
    expect(server.received).toHaveLength(0);
  });

  it('a 451 to RCPT TO is rejected-temporary (greylisting, a full mailbox)', async () => {
    const server = await start({
      onRcptTo: (_address, _session, callback) => callback(smtpError(451, 'Try again later')),
    });
    const outcome = await channelTo(server).send(email(3));
    expect(outcome).toMatchObject({ kind: 'rejected-temporary', code: '451' });
    expect(outcome.kind === 'rejected-temporary' && outcome.text).toContain('Try again later');
  });

  it('a 554 to the message itself (after DATA) is rejected-permanent', async () => {
    const server = await start({
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () => callback(smtpError(554, 'Message looks like spam')));
      },
    });
    expect(await channelTo(server).send(email(4))).toMatchObject({
      kind: 'rejected-permanent',
      code: '554',
    });
  });

  it('a server that falls silent before the data: rejected-temporary (nothing was handed over)', async () => {
    const server = await start({ onRcptTo: () => undefined /* never answers */ });
    const outcome = await channelTo(server, { timeoutMs: 300 }).send(email(5));
    expect(outcome).toMatchObject({ kind: 'rejected-temporary', code: 'ETIMEDOUT' });
  });

  it('a server that takes the whole message and never answers: unknown, not resent', async () => {
    let dataCommands = 0;
    const server = await start({
      onData: (stream) => {
        dataCommands += 1;
        stream.resume(); // reads the message to its end and never replies
      },
    });
    const outcome = await channelTo(server, { timeoutMs: 300 }).send(email(6));
    expect(outcome.kind).toBe('unknown');
    // the pool did not requeue it on another connection behind our back
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(dataCommands).toBe(1);
  });

  it('keeps to its pool size: 12 messages at once over at most 2 connections', async () => {
    const server = await start();
    const channel = channelTo(server, { poolSize: 2 });
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => channel.send(email(100 + i))),
    );
    expect(outcomes.every((o) => o.kind === 'accepted')).toBe(true);
    expect(server.received.map((r) => r.rcptTo[0]).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `person${100 + i}@example.org`).sort(),
    );
    expect(server.connections.opened).toBeGreaterThanOrEqual(1);
    expect(server.connections.opened).toBeLessThanOrEqual(2);
  });

  it('the rate limit holds: 21 messages at 20/s (burst 1) need at least a second', async () => {
    const server = await start();
    const limited = new RateLimitedChannel(
      channelTo(server, { poolSize: 5 }),
      new RateLimiter(20, 1),
    );
    const startedAt = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 21 }, (_, i) => limited.send(email(200 + i))),
    );
    const elapsedMs = performance.now() - startedAt;
    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(21);
    expect(server.received).toHaveLength(21);
    // 20 intervals of 50 ms follow the first permit; a slow machine only makes it longer
    expect(elapsedMs).toBeGreaterThanOrEqual(1_000 - 5);
  });

  it('close() lets the message in flight finish, then closes every pooled connection', async () => {
    const server = await start();
    const channel = new SmtpEmailChannel(settings(server.url), 'bounces@acme.example');
    const inFlight = channel.send(email(300));
    await channel.close();
    expect(await inFlight).toMatchObject({ kind: 'accepted' });
    await eventually(async () => expect(server.connections.closed).toBe(server.connections.opened));
    expect(await channel.send(email(301))).toMatchObject({
      kind: 'rejected-temporary',
      code: 'CLOSED',
    });
  });
});
