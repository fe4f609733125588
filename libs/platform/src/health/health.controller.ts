import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { DatabaseHealthIndicator } from './database.indicator';
import { KafkaHealthIndicator } from './kafka.indicator';
import { ReadinessChecks } from './readiness-checks';

@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly extra: ReadinessChecks,
  ) {}

  /** The process answers: nothing else is checked, so a slow database never gets it restarted. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Whether to send traffic here: its dependencies answer. 503 with the failing checks if not. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const checks = [
      () => this.database.check(),
      ...(this.kafka.enabled ? [() => this.kafka.check()] : []),
      ...this.extra.all(),
    ];
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Terminus signals "down" by throwing; keep its per-check body rather than a generic problem.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
