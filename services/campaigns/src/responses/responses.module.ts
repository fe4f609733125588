/**
 * Responses: the public open pixel, click redirect and unsubscribe endpoints (signed tokens,
 * no JWT, per-IP rate limit) and the signed bounce/complaint webhook. Everything is recorded on
 * the message's stream through the sender's message aggregate (sending/); the sender's read
 * models count it and its suppression list acts on it.
 */
import { Module } from '@nestjs/common';
import { SERVICE_ENV, type Env } from '@crm/platform';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns.config';
import { BounceWebhookController } from './bounce-webhook.controller';
import { MessageTenants } from './message-tenants';
import { PublicRateLimit } from './public-hits';
import { ResponseRecorder } from './response-recorder';
import { loadResponsesConfig, RESPONSES_CONFIG } from './responses.config';
import { TrackingController } from './tracking.controller';

@Module({
  controllers: [TrackingController, BounceWebhookController],
  providers: [
    {
      provide: RESPONSES_CONFIG,
      inject: [SERVICE_ENV, CAMPAIGNS_CONFIG],
      useFactory: (env: Env, service: CampaignsConfig) => loadResponsesConfig(env, service),
    },
    ResponseRecorder,
    PublicRateLimit,
    MessageTenants,
  ],
})
export class ResponsesModule {}
