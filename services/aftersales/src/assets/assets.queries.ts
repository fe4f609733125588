/**
 * Reads of the assets read model: one asset with its history, and the keyset list filtered by
 * owner contact, company, product and warranty status on the asking day. Scoped by tenant first;
 * every value is a bound parameter.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, CursorCodec, KeysetPage, PG_POOL, type Clock, type Page } from '@crm/platform';
import type { CalendarDate } from '@crm/values';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { todayOf } from '../shared/today';
import { assetView, type AssetRow, type AssetView } from './asset.view';
import type { WarrantyStatus } from './warranty';

const COLUMNS = `asset_id, product_id, contact_id, company_id, source_kind, order_id, serial_number,
  options, delivered_on, warranty_months, coverage, retired_on, version, created_at, updated_at`;

export interface AssetFilter {
  readonly contactId?: string;
  readonly companyId?: string;
  readonly productId?: string;
  readonly orderId?: string;
  readonly warrantyStatus?: WarrantyStatus;
  readonly limit?: number;
  readonly cursor?: string;
}

const COVERED_ON = (day: string) =>
  `EXISTS (SELECT 1 FROM jsonb_array_elements(coverage) c
            WHERE c->>'from' <= ${day} AND c->>'to' >= ${day})`;

/** The SQL condition of each warranty status on `day` (the same rules as warrantyOn). */
function warrantyCondition(status: WarrantyStatus, day: string): string {
  const live = `(retired_on IS NULL OR retired_on > ${day}) AND delivered_on <= ${day}`;
  switch (status) {
    case 'retired':
      return `retired_on IS NOT NULL AND retired_on <= ${day}`;
    case 'not_yet_delivered':
      return `(retired_on IS NULL OR retired_on > ${day}) AND delivered_on > ${day}`;
    case 'none':
      return `${live} AND jsonb_array_length(coverage) = 0`;
    case 'in_warranty':
      return `${live} AND ${COVERED_ON(day)}`;
    case 'expired':
      return `${live} AND jsonb_array_length(coverage) > 0 AND NOT ${COVERED_ON(day)}`;
  }
}

@Injectable()
export class AssetQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cursors: CursorCodec,
  ) {}

  today(): CalendarDate {
    return todayOf(this.clock);
  }

  async get(tenant: string, assetId: string): Promise<AssetView | undefined> {
    const { rows } = await this.pool.query<AssetRow>(
      `SELECT ${COLUMNS}, history FROM ${S}.assets WHERE tenant = $1 AND asset_id = $2`,
      [tenant, assetId],
    );
    return rows[0] && assetView(rows[0], this.today());
  }

  async list(tenant: string, filter: AssetFilter): Promise<Page<AssetView>> {
    const page = new KeysetPage(
      this.cursors,
      {
        list: 'assets:-created',
        column: 'created_at',
        cast: 'timestamptz',
        idColumn: 'asset_id',
        descending: true,
      },
      filter,
    );
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (filter.contactId !== undefined) where.push(`contact_id = ${bind(filter.contactId)}`);
    if (filter.companyId !== undefined) where.push(`company_id = ${bind(filter.companyId)}`);
    if (filter.productId !== undefined) where.push(`product_id = ${bind(filter.productId)}`);
    if (filter.orderId !== undefined) where.push(`order_id = ${bind(filter.orderId)}`);
    const today = this.today();
    if (filter.warrantyStatus !== undefined)
      where.push(warrantyCondition(filter.warrantyStatus, `${bind(today)}::text`));
    page.appendAfter(where, params);
    const { rows } = await this.pool.query<AssetRow>(
      `SELECT ${COLUMNS} FROM ${S}.assets WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, asset_id DESC LIMIT ${page.fetchLimit}`,
      params,
    );
    return page.page(
      rows,
      (row) => assetView(row, today),
      (row) => ({ value: row.created_at.toISOString(), id: row.asset_id }),
    );
  }
}
