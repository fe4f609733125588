/**
 * SMS over HTTP: one POST of provider-neutral JSON per message to the configured endpoint,
 * `{ to, from, text, reference, campaignId?, contactId? }`, with `Idempotency-Key: <reference>`
 * so a provider that honours it drops a duplicate. Auth: `Authorization: Bearer <token>`, or
 * Basic from credentials in the URL. Within `timeoutMs` the answer decides (smsOutcome); past it,
 * or when the connection fails, the outcome depends on whether the whole request was written:
 * not yet, rejected-temporary (nothing reached the provider); written, unknown.
 */
import http from 'node:http';
import https from 'node:https';
import type { HttpSmsSettings } from '../channel-settings';
import type { SendOutcome, SmsChannel, SmsMessage } from '../message-channel';
import { smsOutcome } from './sms-outcome';

/** Provider answers are small; a larger body is cut (the status decides anyway). */
const MAX_ANSWER_BYTES = 64 * 1024;

export class HttpSmsChannel implements SmsChannel {
  readonly transport = 'http';
  private readonly url: URL;
  private readonly authorization: string | undefined;
  private readonly agent: http.Agent;

  constructor(
    private readonly settings: HttpSmsSettings,
    private readonly defaultFrom: string,
  ) {
    this.url = new URL(settings.url);
    if (this.url.username) {
      const credentials = `${decodeURIComponent(this.url.username)}:${decodeURIComponent(this.url.password)}`;
      this.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
      this.url.username = '';
      this.url.password = '';
    } else if (settings.token) {
      this.authorization = `Bearer ${settings.token}`;
    }
    const Agent = this.url.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true });
  }

  send(message: SmsMessage): Promise<SendOutcome> {
    const body = JSON.stringify({
      to: message.to,
      from: message.from ?? this.defaultFrom,
      text: message.text,
      reference: message.reference,
      ...(message.campaignId ? { campaignId: message.campaignId } : {}),
      ...(message.contactId ? { contactId: message.contactId } : {}),
    });
    const request = this.url.protocol === 'https:' ? https.request : http.request;
    return new Promise<SendOutcome>((resolve) => {
      let written = false;
      let settled = false;
      const settle = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const lost = (what: string) =>
        written
          ? settle({ kind: 'unknown', reason: `${what} after the request was sent` })
          : settle({ kind: 'rejected-temporary', code: 'CONNECTION', text: what });

      const req = request(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': message.reference,
          ...(this.authorization ? { authorization: this.authorization } : {}),
        },
      });
      const timer = setTimeout(() => {
        lost(`no answer within ${this.settings.timeoutMs} ms`);
        req.destroy();
      }, this.settings.timeoutMs);
      req.on('finish', () => (written = true));
      req.on('error', (error) => lost(error.message));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () =>
          settle(
            smsOutcome(
              res.statusCode ?? 0,
              Buffer.concat(chunks).toString('utf8'),
              message.reference,
            ),
          ),
        );
        res.on('error', (error) => lost(error.message));
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
