/**
 * The HTTP SMS channel against a real local HTTP server playing the provider: the request it
 * receives (JSON body, auth, Idempotency-Key), and what 2xx, 4xx, 429, 5xx, a refused
 * connection and a hang past the timeout become.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpSmsSettings } from '../channel-settings';
import type { SmsMessage } from '../message-channel';
import { HttpSmsChannel } from './http-sms-channel';

interface Seen {
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

type Answer = (body: Record<string, unknown>, res: http.ServerResponse) => void;

describe('HTTP SMS channel (real local HTTP provider)', () => {
  const seen: Seen[] = [];
  let answer: Answer;
  let server: http.Server;
  let base: string;
  const channels: HttpSmsChannel[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        seen.push({ headers: req.headers, body });
        answer(body, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (seen.length = 0));
  afterAll(async () => {
    channels.forEach((c) => c.close());
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const channel = (overrides: Partial<HttpSmsSettings> = {}) => {
    const c = new HttpSmsChannel(
      { url: `${base}/v1/messages`, timeoutMs: 2_000, ...overrides },
      'ACME',
    );
    channels.push(c);
    return c;
  };
  const sms = (n: number, overrides: Partial<SmsMessage> = {}): SmsMessage => ({
    tenant: 't1',
    reference: `ledger-sms-${n}`,
    campaignId: 'camp-9',
    contactId: `c-${n}`,
    to: '+491701234567',
    text: `Hi ${n}, your service plan: 20% off this week.`,
    ...overrides,
  });
  const json =
    (status: number, body: unknown): Answer =>
    (_b, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };

  it('posts provider-neutral JSON with the bearer token and the reference as Idempotency-Key; 2xx is accepted with the id', async () => {
    answer = json(202, { id: 'prov-123', status: 'queued' });
    const outcome = await channel({ token: 'sekret-token' }).send(sms(1));

    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: 'prov-123' });
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toEqual({
      to: '+491701234567',
      from: 'ACME',
      text: 'Hi 1, your service plan: 20% off this week.',
      reference: 'ledger-sms-1',
      campaignId: 'camp-9',
      contactId: 'c-1',
    });
    expect(seen[0].headers).toMatchObject({
      authorization: 'Bearer sekret-token',
      'idempotency-key': 'ledger-sms-1',
      'content-type': 'application/json',
    });
  });

  it('credentials in the URL are sent as Basic auth (and the message names its own sender)', async () => {
    answer = json(200, { messageId: 'm-7' });
    const url = base.replace('http://', 'http://acme:p%40ss@') + '/v1/messages';
    const outcome = await channel({ url }).send(sms(2, { from: '+4930123456' }));
    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: 'm-7' });
    expect(seen[0].headers.authorization).toBe(
      `Basic ${Buffer.from('acme:p@ss').toString('base64')}`,
    );
    expect(seen[0].body).toMatchObject({ from: '+4930123456' });
  });

  it('a 4xx about the message is rejected-permanent with the provider text', async () => {
    answer = json(400, { error: { message: 'number is not mobile' } });
    expect(await channel().send(sms(3))).toEqual({
      kind: 'rejected-permanent',
      code: '400',
      text: 'number is not mobile',
    });
  });

  it('429 and 5xx are rejected-temporary', async () => {
    answer = json(429, { message: 'slow down' });
    expect(await channel().send(sms(4))).toEqual({
      kind: 'rejected-temporary',
      code: '429',
      text: 'slow down',
    });
    answer = (_b, res) => {
      res.writeHead(503);
      res.end('upstream unavailable');
    };
    expect(await channel().send(sms(5))).toEqual({
      kind: 'rejected-temporary',
      code: '503',
      text: 'upstream unavailable',
    });
  });

  it('a provider that takes the request and hangs past the timeout: unknown (it may have it)', async () => {
    answer = () => undefined; // reads the whole body, never answers
    const outcome = await channel({ timeoutMs: 300 }).send(sms(6));
    expect(outcome.kind).toBe('unknown');
    expect(seen).toHaveLength(1);
  });

  it('a connection refused before anything was sent: rejected-temporary', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await channel({ url: `http://127.0.0.1:${port}/sms` }).send(sms(7));
    expect(outcome).toMatchObject({ kind: 'rejected-temporary', code: 'CONNECTION' });
  });
});
