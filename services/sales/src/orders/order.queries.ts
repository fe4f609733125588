import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, type KeysetOrder } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { ListOrdersQuery, OrderDto, OrderPage } from './order.dto';

/** Orders newest first by placed_at. */
const ORDER_LIST: KeysetOrder = {
  list: 'orders:-placedAt',
  column: 'placed_at',
  cast: 'timestamptz',
  idColumn: 'order_id',
  descending: true,
};

@Injectable()
export class OrderQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async get(tenant: string, orderId: string): Promise<OrderDto | undefined> {
    const { rows } = await this.pool.query(
      `SELECT * FROM ${S}.orders WHERE tenant = $1 AND order_id = $2`,
      [tenant, orderId],
    );
    return rows[0] && toDto(rows[0]);
  }

  /** Orders of a contact, company and/or deal (all given must match), newest first. */
  async list(tenant: string, q: ListOrdersQuery): Promise<OrderPage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (q.contactId) where.push(`contact_id = ${bind(q.contactId)}`);
    if (q.companyId) where.push(`company_id = ${bind(q.companyId)}`);
    if (q.opportunityId) where.push(`opportunity_id = ${bind(q.opportunityId)}`);
    const keyset = new KeysetPage(this.cursors, ORDER_LIST, q);
    keyset.appendAfter(where, params);
    const { rows } = await this.pool.query(
      `SELECT *, placed_at::text AS placed_text FROM ${S}.orders
        WHERE ${where.join(' AND ')}
        ORDER BY placed_at DESC, order_id DESC
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(rows, toDto, (last) => ({ value: last.placed_text, id: last.order_id }));
  }
}

function toDto(r: any): OrderDto {
  const { lines: lineTotals, ...totals } = r.totals;
  return {
    id: r.order_id,
    source: r.source,
    status: r.status,
    ...(r.contact_id ? { contactId: r.contact_id } : {}),
    ...(r.company_id ? { companyId: r.company_id } : {}),
    ...(r.quote_id ? { quoteId: r.quote_id } : {}),
    ...(r.opportunity_id ? { opportunityId: r.opportunity_id } : {}),
    currency: r.currency,
    // Each line with its discount split (the totals hold it per line id).
    lines: r.lines.map((line: { lineId: string }) => {
      const { lineId: _, ...split } = lineTotals.find(
        (t: { lineId: string }) => t.lineId === line.lineId,
      );
      return { ...line, ...split };
    }),
    totals,
    placedAt: new Date(r.placed_at).toISOString(),
    version: r.version,
  };
}
