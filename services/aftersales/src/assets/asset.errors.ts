/** Every way a command on an asset can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const AssetErrors = defineErrors('asset', {
  AssetNotFound: { kind: 'not-found', message: () => 'No such asset' },
  AssetAlreadyRegistered: {
    kind: 'conflict',
    message: (assetId: string) => `Asset ${assetId} is registered already`,
  },
  AssetRetired: {
    kind: 'conflict',
    message: (on: string) => `The asset was retired on ${on}; a retired asset cannot change`,
    details: (on) => ({ retiredOn: on }),
  },
  InvalidWarrantyMonths: {
    kind: 'invalid',
    message: (field: string) => `${field} must be a whole number of months, 0 to 240`,
    details: (field) => ({ field }),
  },
  /** Transfers, retirements and readings happen after the delivery. */
  BeforeDelivery: {
    kind: 'invalid',
    message: (field: string, deliveredOn: string) =>
      `${field} is before the delivery on ${deliveredOn}`,
    details: (field, deliveredOn) => ({ field, deliveredOn }),
  },
  InvalidOptions: {
    kind: 'invalid',
    message: () => 'options must be an object of at most 50 text values',
    details: () => ({ field: 'options' }),
  },
  InvalidMeterValue: {
    kind: 'invalid',
    message: () => 'value must be a number from 0 to 1e12',
    details: () => ({ field: 'value' }),
  },
  /** Meters only count up: a lower value than an earlier reading is a typo or another meter. */
  ReadingBelowEarlier: {
    kind: 'invalid',
    message: (value: number, previous: number, previousAt: string) =>
      `value ${value} is below the reading of ${previous} taken at ${previousAt}; meters only count up`,
    details: (_value, previous, previousAt) => ({ field: 'value', previous, previousAt }),
  },
  ReadingAboveLater: {
    kind: 'invalid',
    message: (value: number, next: number, nextAt: string) =>
      `value ${value} is above the later reading of ${next} taken at ${nextAt}`,
    details: (_value, next, nextAt) => ({ field: 'value', next, nextAt }),
  },
  ConflictingReading: {
    kind: 'conflict',
    message: (readAt: string, value: number) =>
      `A different reading (${value}) was recorded at ${readAt}`,
    details: (readAt, value) => ({ readAt, value }),
  },
  CoverBeyondCalendar: {
    kind: 'invalid',
    message: (field: string) => `${field}: the cover would end after 9999-12-31`,
    details: (field) => ({ field }),
  },
});
