/** One contact as sales mirrors it from crm.contacts.v1 (name, owner), scoped by tenant. */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';

export interface MirroredContact {
  readonly displayName?: string;
  readonly ownerId?: string;
}

@Injectable()
export class ContactDirectoryQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async get(tenant: string, contactId: string): Promise<MirroredContact | undefined> {
    const { rows } = await this.pool.query<{
      display_name: string | null;
      owner_id: string | null;
    }>(
      `SELECT display_name, owner_id FROM ${S}.contact_directory
        WHERE tenant = $1 AND contact_id = $2 AND NOT erased AND NOT gone`,
      [tenant, contactId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      ...(row.display_name ? { displayName: row.display_name } : {}),
      ...(row.owner_id ? { ownerId: row.owner_id } : {}),
    };
  }
}
