/**
 * What the public endpoints share: the client IP (for the rate limit), the problems they answer,
 * the pixel and the page headers. No personal data leaves through any of them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, ProblemException, type Clock } from '@crm/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientRateLimit } from './client-rate-limit';
import { RESPONSES_CONFIG, type ResponsesConfig } from './responses.config';

/** A 1x1 transparent GIF (GIF89a, one transparent pixel), 42 bytes. */
export const TRANSPARENT_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
);

/** A forged, altered, other-purpose or unknown-message token: one bare 404, no detail. */
export const trackingLinkNotFound = () => ProblemException.of(404, 'TrackingLinkNotFound');
export const tooManyRequests = () => ProblemException.of(429, 'TooManyRequests');
export const invalidWebhookSignature = () => ProblemException.of(401, 'InvalidWebhookSignature');

/** Pages: not cached, not framed (a hidden unsubscribe button), no script, no referrer. */
export function sendPage(reply: FastifyReply, status: number, html: string): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
    .send(html);
}

export function sendPixel(reply: FastifyReply): void {
  void reply
    .status(200)
    .header('content-type', 'image/gif')
    .header('cache-control', 'no-store, max-age=0')
    .header('referrer-policy', 'no-referrer')
    .send(TRANSPARENT_GIF);
}

/** The per-IP token bucket of the tracking and unsubscribe endpoints. */
@Injectable()
export class PublicRateLimit {
  private readonly limit: ClientRateLimit;

  constructor(
    @Inject(RESPONSES_CONFIG) private readonly config: ResponsesConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.limit = new ClientRateLimit(config.publicRatePerSecond, config.publicBurst);
  }

  allows(request: FastifyRequest): boolean {
    return this.limit.take(this.clientOf(request), this.clock.now().getTime());
  }

  private clientOf(request: FastifyRequest): string {
    if (this.config.trustForwardedFor) {
      const forwarded = request.headers['x-forwarded-for'];
      const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
      if (first) return first.slice(0, 64);
    }
    return request.ip;
  }
}

export function userAgentOf(request: FastifyRequest): string | undefined {
  const agent = request.headers['user-agent'];
  return typeof agent === 'string' ? agent.slice(0, 512) : undefined;
}
