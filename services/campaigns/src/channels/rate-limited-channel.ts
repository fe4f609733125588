/** A channel behind the per-channel rate limit: every send waits for its permit first. */
import type { MessageChannel, MessageMeta, SendOutcome } from './message-channel';
import type { RateLimiter } from './rate-limiter';

export class RateLimitedChannel<M extends MessageMeta> implements MessageChannel<M> {
  readonly transport: string;

  constructor(
    readonly inner: MessageChannel<M>,
    readonly limiter: RateLimiter,
  ) {
    this.transport = inner.transport;
  }

  async send(message: M): Promise<SendOutcome> {
    await this.limiter.acquire();
    return this.inner.send(message);
  }
}
