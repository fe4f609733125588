/**
 * Once at start-up (before HTTP listens): says whether the connected role is subject to
 * row-level security. The policies themselves are applied by the read models after their
 * tables exist (read-models.ts), and again after a rebuild recreated them.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool';
import { connectedRole, roleWarning } from './connected-role';

@Injectable()
export class ConnectedRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('RowLevelSecurity');

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationBootstrap(): Promise<void> {
    let role;
    try {
      role = await connectedRole(this.pool);
    } catch (error) {
      // The database may be down at start-up: readiness says so; the service must still start.
      this.logger.warn(`could not check the connected role: ${(error as Error).message}`);
      return;
    }
    const warning = roleWarning(role);
    if (warning) this.logger.warn(warning);
    else this.logger.log(`connected as "${role.name}": row-level security applies`);
  }
}
