/** How an asset reads over REST: the row, with its warranty on the asking day. */
import type { CalendarDate } from '@crm/values';
import { warrantyOn, type CoveragePeriod, type WarrantyStatus } from './warranty';

export interface AssetRow {
  asset_id: string;
  product_id: string;
  contact_id: string;
  company_id: string | null;
  source_kind: 'order' | 'manual';
  order_id: string | null;
  serial_number: string | null;
  options: Record<string, string>;
  delivered_on: string;
  warranty_months: number;
  coverage: CoveragePeriod[];
  retired_on: string | null;
  history?: Record<string, unknown>[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface AssetWarrantyView {
  status: WarrantyStatus;
  endsOn: string | null;
  coverage: CoveragePeriod[];
}

export interface AssetView {
  id: string;
  version: number;
  productId: string;
  contactId: string;
  companyId: string | null;
  source: 'order' | 'manual';
  orderId: string | null;
  serialNumber: string | null;
  options: Record<string, string>;
  deliveredOn: string;
  retiredOn: string | null;
  warranty: AssetWarrantyView;
  createdAt: string;
  updatedAt: string;
  history?: Record<string, unknown>[];
}

export function warrantyOfRow(row: AssetRow, today: CalendarDate): AssetWarrantyView {
  const warranty = warrantyOn(
    {
      deliveredOn: row.delivered_on as CalendarDate,
      coverage: row.coverage,
      ...(row.retired_on ? { retiredOn: row.retired_on as CalendarDate } : {}),
    },
    today,
  );
  return { status: warranty.status, endsOn: warranty.endsOn ?? null, coverage: row.coverage };
}

export function assetView(row: AssetRow, today: CalendarDate): AssetView {
  return {
    id: row.asset_id,
    version: row.version,
    productId: row.product_id,
    contactId: row.contact_id,
    companyId: row.company_id,
    source: row.source_kind,
    orderId: row.order_id,
    serialNumber: row.serial_number,
    options: row.options,
    deliveredOn: row.delivered_on,
    retiredOn: row.retired_on,
    warranty: warrantyOfRow(row, today),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.history ? { history: row.history } : {}),
  };
}
