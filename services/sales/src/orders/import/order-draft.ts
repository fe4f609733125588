/**
 * An order of the history file as read, before any lookup: its order-level members, its lines
 * (each naming its product by id or sku and its historic price), and the file rows it came from.
 * CSV: one row per order line, an order's rows one after the other (they share
 * external_order_id; order-level cells may be repeated or left empty on later rows). JSON: one
 * record per order with a `lines` array. Pure; every refusal names the row and field at fault.
 */
import { DomainError } from '@crm/event-sourcing';
import { findUnstorableText, unstorableReason } from '@crm/platform';
import {
  minorUnitsOfDecimal,
  parseCalendarDate,
  parseCurrency,
  parseInstant,
  parseOneOf,
  parseOptionalText,
  parseText,
} from '@crm/values';
import type { ImportedOrderOutcome } from '../order.commands';
import { MAX_ORDER_LINES, type OrderStatus } from '../order.decider';
import { OrderErrors } from '../order.errors';
import { OrderImportErrors } from './order-import.errors';

export type ImportFormat = 'csv' | 'json';

export interface DraftLine {
  /** The file row it came from (CSV: its own row; JSON: the order's record). */
  readonly row: number;
  readonly lineId: string;
  readonly product: { readonly by: 'id' | 'sku'; readonly value: string };
  readonly optionIds: readonly string[];
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly discountBps: number;
}

export interface OrderDraft {
  readonly format: ImportFormat;
  readonly externalId: string;
  /** Every file row of the order, first one first. */
  readonly rows: readonly number[];
  readonly contactId?: string;
  readonly companyId?: string;
  readonly ownerId?: string;
  readonly currency: string;
  readonly taxRateBps: number;
  readonly discountBps: number;
  readonly placedAt: string;
  readonly outcome: ImportedOrderOutcome;
  readonly lines: readonly DraftLine[];
}

/** A refusal of one row (the field names the CSV column or the JSON member path). */
export class RowRejection extends Error {
  constructor(
    readonly row: number,
    readonly error: DomainError,
  ) {
    super(error.message);
  }
}

export const STATUSES: readonly OrderStatus[] = ['placed', 'fulfilled', 'cancelled', 'returned'];

/** The CSV columns, and the JSON member each stands for (errors name the column in CSV). */
export const CSV_COLUMNS = {
  external_order_id: 'externalId',
  placed_at: 'placedAt',
  contact_id: 'contactId',
  company_id: 'companyId',
  owner_id: 'ownerId',
  currency: 'currency',
  tax_rate_bps: 'taxRateBps',
  order_discount_bps: 'discountBps',
  status: 'status',
  status_at: 'statusAt',
  fulfilled_at: 'fulfilledAt',
  reason: 'reason',
  line_id: 'lineId',
  product_id: 'productId',
  sku: 'sku',
  quantity: 'quantity',
  unit_price: 'unitPrice',
  unit_price_minor: 'unitPriceMinor',
  line_discount_bps: 'lineDiscountBps',
  options: 'optionIds',
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;
const ORDER_COLUMNS: readonly CsvColumn[] = [
  'placed_at',
  'contact_id',
  'company_id',
  'owner_id',
  'currency',
  'tax_rate_bps',
  'order_discount_bps',
  'status',
  'status_at',
  'fulfilled_at',
  'reason',
];
const COLUMN_OF_MEMBER = new Map<string, string>(
  Object.entries(CSV_COLUMNS).map(([column, member]) => [member, column]),
);

/** The header must name the columns every row needs; unknown columns are refused (typos). */
export function checkCsvHeader(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  for (const name of names)
    if (!(name in CSV_COLUMNS)) throw OrderImportErrors.unknownOrderImportColumn(name);
  const need = (columns: string[]) => {
    if (!columns.some((c) => names.includes(c)))
      throw OrderImportErrors.orderImportMissingColumn(columns.join(' or '));
  };
  need(['external_order_id']);
  need(['placed_at']);
  need(['currency']);
  need(['quantity']);
  need(['product_id', 'sku']);
  need(['unit_price', 'unit_price_minor']);
  return names;
}

export type CsvRecord = Partial<Record<CsvColumn, string>>;

/** A field as the client wrote it: the CSV column, or the JSON path. */
export function fieldName(format: ImportFormat, member: string): string {
  if (format === 'json') return member;
  const line = /^lines\[\d+\]\.(.+)$/.exec(member);
  const key = line ? (line[1] === 'discountBps' ? 'lineDiscountBps' : line[1]) : member;
  return COLUMN_OF_MEMBER.get(key) ?? key;
}

/** A calendar date (the day's start in UTC) or an instant with an offset, normalised. */
export function historicInstant(raw: unknown, field: string): string {
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw))
    return `${parseCalendarDate(raw, field)}T00:00:00.000Z`;
  return parseInstant(raw, field);
}

function integerOf(raw: unknown, field: string, fallback?: number): number {
  if ((raw === undefined || raw === '' || raw === null) && fallback !== undefined) return fallback;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d{1,15}$/.test(raw.trim())) return Number(raw.trim());
  throw OrderImportErrors.notANumber(field, 'integer');
}

function priceOf(
  decimal: unknown,
  minor: unknown,
  currency: string,
  fields: { decimal: string; minor: string },
): number {
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (given(decimal) === given(minor))
    throw OrderImportErrors.oneOfFields(fields.decimal, fields.minor);
  if (given(minor)) return integerOf(minor, fields.minor);
  const text = typeof decimal === 'number' ? String(decimal) : decimal;
  const value = typeof text === 'string' ? minorUnitsOfDecimal(text.trim(), currency) : null;
  if (value === null) throw OrderImportErrors.notANumber(fields.decimal, 'decimal');
  return value;
}

function productRef(
  id: unknown,
  sku: unknown,
  fields: { id: string; sku: string },
): DraftLine['product'] {
  const productId = parseOptionalText(id === '' ? undefined : id, fields.id, 100);
  const skuText = parseOptionalText(sku === '' ? undefined : sku, fields.sku, 64);
  if ((productId === undefined) === (skuText === undefined))
    throw OrderImportErrors.oneOfFields(fields.id, fields.sku);
  return productId !== undefined ? { by: 'id', value: productId } : { by: 'sku', value: skuText! };
}

interface OrderMembers {
  externalId: unknown;
  placedAt: unknown;
  contactId?: unknown;
  companyId?: unknown;
  ownerId?: unknown;
  currency: unknown;
  taxRateBps?: unknown;
  discountBps?: unknown;
  status?: unknown;
  statusAt?: unknown;
  fulfilledAt?: unknown;
  reason?: unknown;
}

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The order-level members, read with the field names of the format. */
function orderOf(m: OrderMembers, f: (member: string) => string) {
  const externalId = parseText(m.externalId, f('externalId'), 200);
  const placedAt = historicInstant(m.placedAt, f('placedAt'));
  const currency = parseCurrency(m.currency, f('currency'));
  const status = parseOneOf(
    (blankToUndefined(m.status) as string | undefined) ?? 'placed',
    STATUSES,
    f('status'),
  );
  const at = (raw: unknown, member: string, fallback: string) =>
    blankToUndefined(raw) === undefined ? fallback : historicInstant(raw, f(member));
  const reason = (fallback: string) =>
    parseOptionalText(blankToUndefined(m.reason), f('reason'), 500) ?? fallback;
  let outcome: ImportedOrderOutcome;
  switch (status) {
    case 'placed':
      outcome = { status };
      break;
    case 'fulfilled':
      outcome = {
        status,
        fulfilledAt: at(m.statusAt, 'statusAt', at(m.fulfilledAt, 'fulfilledAt', placedAt)),
      };
      break;
    case 'cancelled':
      outcome = {
        status,
        cancelledAt: at(m.statusAt, 'statusAt', placedAt),
        reason: reason('cancelled before the import'),
      };
      break;
    case 'returned': {
      const fulfilledAt = at(m.fulfilledAt, 'fulfilledAt', placedAt);
      outcome = {
        status,
        fulfilledAt,
        returnedAt: at(m.statusAt, 'statusAt', fulfilledAt),
        reason: reason('returned before the import'),
      };
      break;
    }
  }
  const optional = (raw: unknown, member: string, max: number) =>
    parseOptionalText(blankToUndefined(raw), f(member), max);
  return {
    externalId,
    placedAt,
    currency,
    outcome,
    contactId: optional(m.contactId, 'contactId', 100),
    companyId: optional(m.companyId, 'companyId', 100),
    ownerId: optional(m.ownerId, 'ownerId', 128),
    taxRateBps: integerOf(blankToUndefined(m.taxRateBps), f('taxRateBps'), 0),
    discountBps: integerOf(blankToUndefined(m.discountBps), f('discountBps'), 0),
  };
}

/** Throws the row's refusal for a cell PostgreSQL cannot store (NUL, a lone surrogate). */
function assertStorableCells(row: number, record: CsvRecord): void {
  for (const [column, value] of Object.entries(record)) {
    const reason = value === undefined ? undefined : unstorableReason(value);
    if (reason) throw new RowRejection(row, OrderImportErrors.unstorableImportCell(column, reason));
  }
}

function atRow<T>(row: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DomainError) throw new RowRejection(row, error);
    throw error;
  }
}

/** One order from its consecutive CSV rows (`rows[i]` is the file row of `records[i]`). */
export function draftOfCsvRows(records: readonly { row: number; record: CsvRecord }[]): OrderDraft {
  const f = (member: string) => fieldName('csv', member);
  const first = records[0];
  for (const { row, record } of records) assertStorableCells(row, record);
  const r = first.record;
  const order = atRow(first.row, () =>
    orderOf(
      {
        externalId: r.external_order_id,
        placedAt: r.placed_at,
        contactId: r.contact_id,
        companyId: r.company_id,
        ownerId: r.owner_id,
        currency: r.currency,
        taxRateBps: r.tax_rate_bps,
        discountBps: r.order_discount_bps,
        status: r.status,
        statusAt: r.status_at,
        fulfilledAt: r.fulfilled_at,
        reason: r.reason,
      },
      f,
    ),
  );
  for (const { row, record } of records.slice(1))
    for (const column of ORDER_COLUMNS) {
      const value = record[column];
      if (value !== undefined && value !== '' && value !== (r[column] ?? ''))
        throw new RowRejection(row, OrderImportErrors.inconsistentOrderRow(column, first.row));
    }
  const lines = records.map(({ row, record }, i) =>
    atRow(row, () => ({
      row,
      lineId: parseOptionalText(blankToUndefined(record.line_id), 'line_id', 100) ?? String(i + 1),
      product: productRef(record.product_id, record.sku, { id: 'product_id', sku: 'sku' }),
      optionIds: (record.options ?? '')
        .split(';')
        .map((o) => o.trim())
        .filter(Boolean),
      quantity: integerOf(record.quantity, 'quantity'),
      unitPriceMinor: priceOf(record.unit_price, record.unit_price_minor, order.currency, {
        decimal: 'unit_price',
        minor: 'unit_price_minor',
      }),
      discountBps: integerOf(blankToUndefined(record.line_discount_bps), 'line_discount_bps', 0),
    })),
  );
  return { format: 'csv', rows: records.map((x) => x.row), ...order, lines };
}

/** One order from one JSON record (NDJSON line or array element). */
export function draftOfJson(row: number, value: unknown): OrderDraft {
  return atRow(row, () => {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw OrderImportErrors.malformedOrderRecord(
        Array.isArray(value) ? 'an array' : typeof value,
      );
    const unstorable = findUnstorableText(value);
    if (unstorable.length)
      throw OrderImportErrors.unstorableImportCell(unstorable[0].field, unstorable[0].message);
    const m = value as Record<string, unknown>;
    const order = orderOf(m as unknown as OrderMembers, (member) => member);
    const rawLines = m.lines;
    if (!Array.isArray(rawLines))
      throw OrderErrors.invalidOrderLines({ maxLines: MAX_ORDER_LINES });
    const lines = rawLines.map((raw: unknown, i): DraftLine => {
      const p = `lines[${i}]`;
      const l = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const optionIds = l.optionIds ?? [];
      if (!Array.isArray(optionIds) || optionIds.some((o) => typeof o !== 'string'))
        throw OrderImportErrors.unknownImportedOption(`${p}.optionIds`, String(optionIds));
      return {
        row,
        lineId: parseOptionalText(l.lineId, `${p}.lineId`, 100) ?? String(i + 1),
        product: productRef(l.productId, l.sku, { id: `${p}.productId`, sku: `${p}.sku` }),
        optionIds: optionIds as string[],
        quantity: integerOf(l.quantity, `${p}.quantity`),
        unitPriceMinor: priceOf(l.unitPrice, l.unitPriceMinor, order.currency, {
          decimal: `${p}.unitPrice`,
          minor: `${p}.unitPriceMinor`,
        }),
        discountBps: integerOf(l.discountBps, `${p}.discountBps`, 0),
      };
    });
    return { format: 'json', rows: [row], ...order, lines };
  });
}
