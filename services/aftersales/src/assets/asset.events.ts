/**
 * What happens to an installed product (an asset: one delivered unit), on its `asset-<id>`
 * stream. Ids, dates, codes and numbers only: no personal data (the owner is a contact id).
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { CalendarDate } from '@crm/values';

export const METER_UNITS = ['km', 'hours', 'cycles'] as const;
export type MeterUnit = (typeof METER_UNITS)[number];

export interface AssetOwner {
  readonly contactId: string;
  readonly companyId?: string;
}

/** Where the asset came from: a unit of a fulfilled order line, or registered by hand. */
export type AssetSource =
  | {
      readonly kind: 'order';
      readonly orderId: string;
      readonly lineId: string;
      readonly unit: number;
    }
  | { readonly kind: 'manual' };

export type AssetRegistered = DomainEvent<
  'AssetRegistered',
  {
    assetId: string;
    source: AssetSource;
    productId: string;
    options: Record<string, string>;
    serialNumber?: string;
    owner: AssetOwner;
    deliveredOn: CalendarDate;
    /** The product's warranty terms on the delivery day. */
    warrantyMonths: number;
  }
>;
export type AssetTransferred = DomainEvent<
  'AssetTransferred',
  { assetId: string; from: AssetOwner; to: AssetOwner; on: CalendarDate }
>;
export type AssetRetired = DomainEvent<
  'AssetRetired',
  { assetId: string; on: CalendarDate; reason: string }
>;
/** An extended warranty or service contract sold for the asset: coverage from `from` to `to`. */
export type WarrantyExtended = DomainEvent<
  'WarrantyExtended',
  { assetId: string; contractId: string; months: number; from: CalendarDate; to: CalendarDate }
>;
export type MeterReadingRecorded = DomainEvent<
  'MeterReadingRecorded',
  { assetId: string; unit: MeterUnit; value: number; readAt: string }
>;

export type AssetEvent =
  AssetRegistered | AssetTransferred | AssetRetired | WarrantyExtended | MeterReadingRecorded;
