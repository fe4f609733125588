import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, type KeysetOrder } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { ListOrdersQuery, OrderDto, OrderPage } from './order.dto';
import type { OrderPlaced } from './order.events';

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
  return toOrderView(
    {
      orderId: r.order_id,
      source: r.source,
      externalId: r.external_id ?? undefined,
      status: r.status,
      contactId: r.contact_id ?? undefined,
      companyId: r.company_id ?? undefined,
      quoteId: r.quote_id ?? undefined,
      opportunityId: r.opportunity_id ?? undefined,
      currency: r.currency,
      lines: r.lines,
      totals: r.totals,
      placedAt: r.placed_at,
    },
    r.version,
  );
}

/** What GET /orders/{id} shows: the placed order's facts with its current status and customer. */
export interface OrderFacts extends Pick<
  OrderPlaced['data'],
  | 'orderId'
  | 'source'
  | 'externalId'
  | 'companyId'
  | 'quoteId'
  | 'opportunityId'
  | 'currency'
  | 'lines'
  | 'totals'
> {
  readonly status: string;
  readonly contactId?: string;
  readonly placedAt: string | Date;
}

/** GET /orders/{id} from the order's facts (the read model's row, or folded for its history). */
export function toOrderView(o: OrderFacts, version: number): OrderDto {
  const { lines: lineTotals, ...totals } = o.totals as any;
  return {
    id: o.orderId,
    source: o.source,
    ...(o.externalId ? { externalId: o.externalId } : {}),
    status: o.status,
    ...(o.contactId ? { contactId: o.contactId } : {}),
    ...(o.companyId ? { companyId: o.companyId } : {}),
    ...(o.quoteId ? { quoteId: o.quoteId } : {}),
    ...(o.opportunityId ? { opportunityId: o.opportunityId } : {}),
    currency: o.currency,
    // Each line with its discount split (the totals hold it per line id).
    lines: o.lines.map((line: { lineId: string }) => {
      const { lineId: _, ...split } = lineTotals.find(
        (t: { lineId: string }) => t.lineId === line.lineId,
      );
      return { ...line, ...split };
    }),
    totals,
    placedAt: new Date(o.placedAt).toISOString(),
    version,
  } as OrderDto;
}
