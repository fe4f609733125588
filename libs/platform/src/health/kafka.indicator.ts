import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Kafka, logLevel } from 'kafkajs';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from '../platform-options';
import { withTimeout } from './timeout';

/** Only consulted when KAFKA_BROKERS is set: a service in embedded-transport mode has no broker. */
@Injectable()
export class KafkaHealthIndicator {
  private readonly kafka?: Kafka;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(PLATFORM_OPTIONS) options: PlatformModuleOptions,
    private readonly indicators: HealthIndicatorService,
  ) {
    if (config.kafkaBrokers?.length) {
      this.kafka = new Kafka({
        clientId: `${options.serviceName}-health`,
        brokers: [...config.kafkaBrokers],
        connectionTimeout: 1_000,
        requestTimeout: 2_000,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      });
    }
  }

  get enabled(): boolean {
    return this.kafka !== undefined;
  }

  async check(timeoutMs = 3_000): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('kafka');
    if (!this.kafka) return indicator.up({ message: 'not configured' });
    const admin = this.kafka.admin();
    try {
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
        'describeCluster',
      );
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message || 'unreachable' });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
