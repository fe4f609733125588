import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool';
import { withTimeout } from './timeout';

@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(timeoutMs = 2_000): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(this.pool.query('SELECT 1'), timeoutMs, 'SELECT 1');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message || 'unreachable' });
    }
  }
}
