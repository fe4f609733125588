/**
 * An installed product: registered (from a fulfilled order line, one asset per unit, or by hand),
 * transferred to another owner, given extended warranties, read (meters), retired. Retired is
 * final. The state carries the warranty coverage and the meter readings the maintenance and
 * reliability maths use.
 */
import type { Decider } from '@crm/event-sourcing';
import {
  type CalendarDate,
  parseCalendarDate,
  parseInstant,
  parseOneOf,
  parseOptionalText,
  parseText,
} from '@crm/values';
import type { AssetCommand, RegisterAsset } from './asset.commands';
import {
  type AssetEvent,
  type AssetOwner,
  type AssetSource,
  METER_UNITS,
  type MeterUnit,
} from './asset.events';
import { AssetErrors } from './asset.errors';
import { type CoveragePeriod, coverageOf, extensionStart } from './warranty';

const MAX_WARRANTY_MONTHS = 240;
const MAX_OPTIONS = 50;
const MAX_METER_VALUE = 1e12;

export interface MeterReading {
  readonly value: number;
  readonly readAt: string;
}

export interface AssetState {
  readonly exists: boolean;
  readonly assetId: string;
  readonly source: AssetSource;
  readonly productId: string;
  readonly options: Readonly<Record<string, string>>;
  readonly serialNumber?: string;
  readonly owner: AssetOwner;
  /** Earlier owners with the day each handed it on. */
  readonly previousOwners: readonly (AssetOwner & { readonly until: CalendarDate })[];
  readonly deliveredOn: CalendarDate;
  readonly coverage: readonly CoveragePeriod[];
  readonly contractIds: readonly string[];
  readonly retiredOn?: CalendarDate;
  /** Per unit, in time order (and so in value order: meters only count up). */
  readonly readings: Readonly<Partial<Record<MeterUnit, readonly MeterReading[]>>>;
}

export const initialAssetState = (): AssetState => ({
  exists: false,
  assetId: '',
  source: { kind: 'manual' },
  productId: '',
  options: {},
  owner: { contactId: '' },
  previousOwners: [],
  deliveredOn: '0001-01-01' as CalendarDate,
  coverage: [],
  contractIds: [],
  readings: {},
});

export function evolveAsset(state: AssetState, event: AssetEvent): AssetState {
  switch (event.type) {
    case 'AssetRegistered': {
      const {
        assetId,
        source,
        productId,
        options,
        serialNumber,
        owner,
        deliveredOn,
        warrantyMonths,
      } = event.data;
      const base = coverageOf(deliveredOn, warrantyMonths);
      return {
        ...initialAssetState(),
        exists: true,
        assetId,
        source,
        productId,
        options,
        ...(serialNumber !== undefined ? { serialNumber } : {}),
        owner,
        deliveredOn,
        coverage: base ? [base] : [],
      };
    }
    case 'AssetTransferred':
      return {
        ...state,
        owner: event.data.to,
        previousOwners: [...state.previousOwners, { ...event.data.from, until: event.data.on }],
      };
    case 'AssetRetired':
      return { ...state, retiredOn: event.data.on };
    case 'WarrantyExtended':
      return {
        ...state,
        coverage: [...state.coverage, { from: event.data.from, to: event.data.to }],
        contractIds: [...state.contractIds, event.data.contractId],
      };
    case 'MeterReadingRecorded': {
      const { unit, value, readAt } = event.data;
      const readings = [...(state.readings[unit] ?? []), { value, readAt }].sort(
        (a, b) => Date.parse(a.readAt) - Date.parse(b.readAt),
      );
      return { ...state, readings: { ...state.readings, [unit]: readings } };
    }
  }
}

export function decideAsset(command: AssetCommand, state: AssetState): AssetEvent[] {
  if (command.type === 'RegisterAsset') {
    if (state.exists) throw AssetErrors.assetAlreadyRegistered(state.assetId);
    return [register(command.data)];
  }
  if (!state.exists) throw AssetErrors.assetNotFound();
  if (state.retiredOn !== undefined) {
    if (command.type === 'RetireAsset') return [];
    throw AssetErrors.assetRetired(state.retiredOn);
  }
  const assetId = state.assetId;
  switch (command.type) {
    case 'TransferAsset': {
      const on = afterDelivery(state, parseCalendarDate(command.data.on, 'on'), 'on');
      const { to } = command.data;
      if (to.contactId === state.owner.contactId && to.companyId === state.owner.companyId)
        return [];
      return [{ type: 'AssetTransferred', data: { assetId, from: state.owner, to, on } }];
    }
    case 'RetireAsset': {
      const on = afterDelivery(state, parseCalendarDate(command.data.on, 'on'), 'on');
      return [
        {
          type: 'AssetRetired',
          data: { assetId, on, reason: parseText(command.data.reason, 'reason', 200) },
        },
      ];
    }
    case 'ExtendWarranty': {
      const { contractId } = command.data;
      if (state.contractIds.includes(contractId)) return [];
      const months = warrantyMonths(command.data.months, 'months');
      if (months === 0) throw AssetErrors.invalidWarrantyMonths('months');
      const startsOn = parseCalendarDate(command.data.startsOn, 'startsOn');
      const period = coverWithinCalendar(
        extensionStart(state.coverage, startsOn),
        months,
        'months',
      );
      if (!period) return [];
      return [{ type: 'WarrantyExtended', data: { assetId, contractId, months, ...period } }];
    }
    case 'RecordMeterReading':
      return recordReading(state, command.data);
  }
}

/** Four-digit years only: a cover past 9999-12-31 has no calendar date to end on. */
const LAST_DAY = '9999-12-31' as CalendarDate;

function coverWithinCalendar(
  from: CalendarDate,
  months: number,
  field: string,
): CoveragePeriod | undefined {
  // Checked on the month count first: adding months past year 9999 leaves the date format.
  const [year, month] = from.split('-').map(Number);
  if (year * 12 + month - 1 + months > 9999 * 12 + 11) throw AssetErrors.coverBeyondCalendar(field);
  const period = coverageOf(from, months);
  if (period && period.to > LAST_DAY) throw AssetErrors.coverBeyondCalendar(field);
  return period;
}

function register(data: RegisterAsset['data']): AssetEvent {
  const serialNumber = parseOptionalText(data.serialNumber, 'serialNumber', 100);
  const deliveredOn = parseCalendarDate(data.deliveredOn, 'deliveredOn');
  const months = warrantyMonths(data.warrantyMonths, 'warrantyMonths');
  coverWithinCalendar(deliveredOn, months, 'warrantyMonths');
  return {
    type: 'AssetRegistered',
    data: {
      assetId: data.assetId,
      source: data.source,
      productId: data.productId,
      options: parseOptions(data.options),
      ...(serialNumber !== undefined ? { serialNumber } : {}),
      owner: data.owner,
      deliveredOn,
      warrantyMonths: months,
    },
  };
}

function recordReading(
  state: AssetState,
  data: { unit: unknown; value: unknown; readAt: unknown },
): AssetEvent[] {
  const unit = parseOneOf(data.unit, METER_UNITS, 'unit');
  const readAt = parseInstant(data.readAt, 'readAt');
  const value = data.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_METER_VALUE)
    throw AssetErrors.invalidMeterValue();
  afterDelivery(state, readAt.slice(0, 10) as CalendarDate, 'readAt');
  const readings = state.readings[unit] ?? [];
  const at = Date.parse(readAt);
  const same = readings.find((r) => Date.parse(r.readAt) === at);
  if (same) {
    if (same.value === value) return [];
    throw AssetErrors.conflictingReading(same.readAt, same.value);
  }
  const earlier = readings.filter((r) => Date.parse(r.readAt) < at).pop();
  const later = readings.find((r) => Date.parse(r.readAt) > at);
  if (earlier && value < earlier.value)
    throw AssetErrors.readingBelowEarlier(value, earlier.value, earlier.readAt);
  if (later && value > later.value)
    throw AssetErrors.readingAboveLater(value, later.value, later.readAt);
  return [{ type: 'MeterReadingRecorded', data: { assetId: state.assetId, unit, value, readAt } }];
}

function afterDelivery(state: AssetState, day: CalendarDate, field: string): CalendarDate {
  if (day < state.deliveredOn) throw AssetErrors.beforeDelivery(field, state.deliveredOn);
  return day;
}

function warrantyMonths(raw: unknown, field: string): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_WARRANTY_MONTHS)
    throw AssetErrors.invalidWarrantyMonths(field);
  return raw;
}

function parseOptions(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw AssetErrors.invalidOptions();
  const entries = Object.entries(raw as Record<string, unknown>);
  if (
    entries.length > MAX_OPTIONS ||
    entries.some(([k, v]) => typeof v !== 'string' || k.length > 100 || v.length > 200)
  )
    throw AssetErrors.invalidOptions();
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1))) as Record<string, string>;
}

export const assetDecider: Decider<AssetCommand, AssetEvent, AssetState> = {
  initialState: initialAssetState,
  evolve: evolveAsset,
  decide: decideAsset,
};
