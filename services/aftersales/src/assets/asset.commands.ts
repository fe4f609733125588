/** What the order feed, agents and the meter import ask of an asset. Untrusted parts are `unknown`. */
import type { AssetOwner, AssetSource } from './asset.events';

export type RegisterAsset = {
  type: 'RegisterAsset';
  data: {
    assetId: string;
    source: AssetSource;
    productId: string;
    options?: unknown;
    serialNumber?: unknown;
    owner: AssetOwner;
    deliveredOn: unknown;
    warrantyMonths: unknown;
  };
};
export type TransferAsset = { type: 'TransferAsset'; data: { to: AssetOwner; on: unknown } };
export type RetireAsset = { type: 'RetireAsset'; data: { on: unknown; reason: unknown } };
export type ExtendWarranty = {
  type: 'ExtendWarranty';
  data: { contractId: string; months: unknown; startsOn: unknown };
};
export type RecordMeterReading = {
  type: 'RecordMeterReading';
  data: { unit: unknown; value: unknown; readAt: unknown };
};

export type AssetCommand =
  RegisterAsset | TransferAsset | RetireAsset | ExtendWarranty | RecordMeterReading;
