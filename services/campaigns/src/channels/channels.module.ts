/**
 * Delivery channels behind one port (message-channel.ts): email over SMTP or captured, SMS over
 * HTTP or captured, each behind its rate limit, chosen by channel-settings.ts from the config.
 * Others inject EMAIL_CHANNEL / SMS_CHANNEL. GET /outbox shows what the capture channels stored.
 */
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns.config';
import { CaptureEmailChannel, CaptureOutbox, CaptureSmsChannel } from './capture/capture-channels';
import {
  EMAIL_CHANNEL,
  SMS_CHANNEL,
  type EmailChannel,
  type EmailMessage,
  type SmsChannel,
  type SmsMessage,
} from './message-channel';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxQueries } from './outbox/outbox.queries';
import { RateLimitedChannel } from './rate-limited-channel';
import { RateLimiter } from './rate-limiter';
import { HttpSmsChannel } from './sms/http-sms-channel';
import { SmtpEmailChannel } from './smtp/smtp-email-channel';

const logger = new Logger('Channels');

const channelProviders: Provider[] = [
  {
    provide: CaptureOutbox,
    inject: [PG_POOL, CLOCK],
    useFactory: (pool: Pool, clock: Clock) => new CaptureOutbox(pool, clock),
  },
  {
    provide: EMAIL_CHANNEL,
    inject: [CAMPAIGNS_CONFIG, CaptureOutbox],
    useFactory: ({ channels }: CampaignsConfig, outbox: CaptureOutbox): EmailChannel => {
      const { email } = channels;
      const inner = email.smtp
        ? new SmtpEmailChannel(email.smtp, email.envelopeFrom)
        : new CaptureEmailChannel(outbox);
      logger.log(`email: ${inner.transport}, at most ${email.ratePerSecond}/s`);
      return new RateLimitedChannel<EmailMessage>(inner, new RateLimiter(email.ratePerSecond));
    },
  },
  {
    provide: SMS_CHANNEL,
    inject: [CAMPAIGNS_CONFIG, CaptureOutbox],
    useFactory: ({ channels }: CampaignsConfig, outbox: CaptureOutbox): SmsChannel => {
      const { sms } = channels;
      const inner = sms.http
        ? new HttpSmsChannel(sms.http, sms.from)
        : new CaptureSmsChannel(outbox, sms.from);
      logger.log(`sms: ${inner.transport}, at most ${sms.ratePerSecond}/s`);
      return new RateLimitedChannel<SmsMessage>(inner, new RateLimiter(sms.ratePerSecond));
    },
  },
];

/** Closes the SMTP pool (after the messages in flight) and the SMS agent when the app stops. */
@Injectable()
export class ChannelsShutdown implements OnModuleDestroy {
  constructor(
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
  ) {}

  async onModuleDestroy(): Promise<void> {
    for (const channel of [this.email, this.sms]) {
      const inner = channel instanceof RateLimitedChannel ? channel.inner : channel;
      if (inner instanceof SmtpEmailChannel) await inner.close();
      if (inner instanceof HttpSmsChannel) inner.close();
    }
  }
}

@Module({
  controllers: [OutboxController],
  providers: [...channelProviders, ChannelsShutdown, OutboxQueries],
  exports: [EMAIL_CHANNEL, SMS_CHANNEL],
})
export class ChannelsModule {}
