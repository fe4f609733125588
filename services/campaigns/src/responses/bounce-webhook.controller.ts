/**
 * `POST /webhooks/bounces`: bounces and complaints from the email provider (or an adapter in
 * front of it), provider-neutral JSON (bounce-webhook-body.ts), signed with the shared secret
 * `CAMPAIGNS_WEBHOOK_SECRET` (webhook-signature.ts). No JWT: the signature is the credential.
 * - Bad or missing signature, stale `t`, no secret configured: 401 problem, nothing read.
 * - A bad body: 422 naming each bad field, nothing recorded.
 * - Otherwise 200 with one result per event: `recorded` (a hard bounce or a complaint suppresses
 *   at once, three soft bounces do: sending/suppression-list.ts) or `unknown-message`. A repeat
 *   changes nothing (the message aggregate records a hard bounce and a complaint once).
 */
import { Controller, HttpCode, Inject, Logger, Post, Req, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { CLOCK, ProblemException, Public, type Clock } from '@crm/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBounceWebhook } from './bounce-webhook-body';
import { MessageTenants } from './message-tenants';
import { invalidWebhookSignature } from './public-hits';
import { keepRawBodyOf, rawBodyOf } from './raw-body';
import { ResponseRecorder, type RecordOutcome } from './response-recorder';
import { RESPONSES_CONFIG, type ResponsesConfig } from './responses.config';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

export const BOUNCE_WEBHOOK_PATH = '/webhooks/bounces';
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface WebhookEventResult {
  readonly index: number;
  readonly messageId: string;
  readonly outcome: RecordOutcome;
}

@Public()
@ApiExcludeController()
@Controller('webhooks')
export class BounceWebhookController implements OnModuleInit {
  private readonly logger = new Logger('BounceWebhook');

  constructor(
    private readonly recorder: ResponseRecorder,
    private readonly tenants: MessageTenants,
    @Inject(RESPONSES_CONFIG) private readonly config: ResponsesConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HttpAdapterHost) adapterHost: HttpAdapterHost,
  ) {
    // In the constructor: before Nest registers the routes, so the hook applies to this one.
    keepRawBodyOf(
      adapterHost.httpAdapter.getInstance<FastifyInstance>(),
      BOUNCE_WEBHOOK_PATH,
      MAX_WEBHOOK_BYTES,
    );
  }

  onModuleInit(): void {
    if (!this.config.webhookSecret)
      this.logger.warn('CAMPAIGNS_WEBHOOK_SECRET is not set: every bounce webhook call is refused');
  }

  @Post('bounces')
  @HttpCode(200)
  async bounces(@Req() request: FastifyRequest): Promise<{ results: WebhookEventResult[] }> {
    const check = verifyWebhookSignature(
      request.headers[WEBHOOK_SIGNATURE_HEADER],
      rawBodyOf(request),
      this.config.webhookSecret,
      this.clock.now(),
      this.config.webhookToleranceSeconds,
    );
    if (!check.ok) {
      this.logger.warn(`refused a bounce webhook call: ${check.reason}`);
      throw invalidWebhookSignature();
    }
    const parsed = parseBounceWebhook(request.body);
    if (!parsed.ok)
      throw ProblemException.of(
        422,
        'InvalidBounceWebhook',
        parsed.errors
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ')
          .slice(0, 2000),
        { field: parsed.errors[0].field, errors: parsed.errors },
      );
    const results: WebhookEventResult[] = [];
    for (const [index, report] of parsed.reports.entries()) {
      const tenant = await this.tenants.tenantOf(report.messageId);
      const outcome: RecordOutcome = tenant
        ? await this.recorder.bounce(tenant, report)
        : 'unknown-message';
      if (outcome !== 'recorded')
        this.logger.warn(`${report.type} for unknown message ${report.messageId}`);
      results.push({ index, messageId: report.messageId, outcome });
    }
    return { results };
  }
}
