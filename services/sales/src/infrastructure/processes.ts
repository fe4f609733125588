/**
 * The service's cross-service processes (sagas, @crm/platform's process manager): one record
 * table (`sales.process_instances`), one runner every process type registers with, and the
 * background resumer that finishes processes left pending by a crash or an outage (every
 * replica runs it; leases keep two replicas off one process). Unfinished ones show on /metrics
 * and in /health/ready.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  PeriodicJob,
  PG_POOL,
  ProcessRunner,
  ProcessStore,
  ReadinessChecks,
  monitorProcesses,
  processReadiness,
} from '@crm/platform';
import type { Pool } from 'pg';
import { SALES_CONFIG, type SalesConfig } from '../sales.config';
import { SALES_SCHEMA } from './schema';

@Injectable()
export class SalesProcesses implements OnApplicationBootstrap, OnModuleDestroy {
  readonly runner: ProcessRunner;
  private readonly resumer: PeriodicJob;
  private unmonitor?: () => void;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(SALES_CONFIG) config: SalesConfig,
    private readonly readiness: ReadinessChecks,
  ) {
    const logger = new Logger('Processes');
    this.runner = new ProcessRunner(new ProcessStore(pool, SALES_SCHEMA), {
      leaseMs: config.processLeaseMs,
      logger,
    });
    this.resumer = new PeriodicJob('ProcessResumer', config.processResumePollMs, () =>
      this.runner.resumeDue(),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register('processes', () => processReadiness(this.runner.store));
    this.unmonitor = monitorProcesses(this.runner.store);
    // A database that is down at start-up does not stop the service: the first use creates it.
    await this.runner.store.ensureTable().catch(() => undefined);
    this.resumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unmonitor?.();
    await this.resumer.stop();
  }
}
