import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { OrderDto } from './order.dto';

@Injectable()
export class OrderQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async get(tenant: string, orderId: string): Promise<OrderDto | undefined> {
    const { rows } = await this.pool.query(
      `SELECT * FROM ${S}.orders WHERE tenant = $1 AND order_id = $2`,
      [tenant, orderId],
    );
    return rows[0] && toDto(rows[0]);
  }

  /** A contact's (or company's) purchase history, newest first. */
  async history(
    tenant: string,
    by: { contactId?: string; companyId?: string },
  ): Promise<OrderDto[]> {
    const column = by.contactId ? 'contact_id' : 'company_id';
    const { rows } = await this.pool.query(
      `SELECT * FROM ${S}.orders WHERE tenant = $1 AND ${column} = $2 ORDER BY placed_at DESC, order_id LIMIT 1000`,
      [tenant, by.contactId ?? by.companyId],
    );
    return rows.map(toDto);
  }
}

function toDto(r: any): OrderDto {
  const { lines: _, ...totals } = r.totals;
  return {
    id: r.order_id,
    orderId: r.order_id,
    source: r.source,
    status: r.status,
    ...(r.contact_id ? { contactId: r.contact_id } : {}),
    ...(r.company_id ? { companyId: r.company_id } : {}),
    ...(r.quote_id ? { quoteId: r.quote_id } : {}),
    ...(r.opportunity_id ? { opportunityId: r.opportunity_id } : {}),
    currency: r.currency,
    lines: r.lines,
    totals,
    placedAt: new Date(r.placed_at).toISOString(),
    version: r.version,
  };
}
