/**
 * While a read model is rebuilt in place (rebuild CLI, version bump) its tables are half full:
 * queries answer 503 with Retry-After instead of serving them as the truth.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ProjectionCheckpoints } from '@crm/event-sourcing';
import { PG_POOL, ProblemException } from '@crm/platform';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from './tokens';

const RETRY_AFTER_SECONDS = 30;

@Injectable()
export class ReadModelGate {
  private readonly checkpoints: ProjectionCheckpoints;

  constructor(@Inject(PG_POOL) pool: Pool) {
    this.checkpoints = new ProjectionCheckpoints(pool, CONTACTS_SCHEMA);
  }

  async assertReady(projection: string): Promise<void> {
    const checkpoint = await this.checkpoints.get(projection);
    if (checkpoint?.status === 'rebuilding') {
      throw ProblemException.of(
        503,
        'ReadModelRebuilding',
        `The ${projection} read model is being rebuilt; retry shortly`,
        {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
      );
    }
  }
}
