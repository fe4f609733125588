/**
 * Report rows as CSV (RFC 4180: comma, CRLF, double quotes doubled, a header row of the typed
 * columns' titles). A text cell that a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return that hides one) is prefixed with a single quote, so opening an
 * export never executes what a customer typed into a name.
 */
import { stringify } from 'csv-stringify/sync';
import { titleWithUnit, type FieldOf } from './chart-fields';

/** How a column's values are written: numbers as plain decimals, dates as they are (ISO). */
export type ColumnType = 'text' | 'number' | 'date';

export interface ReportColumn<R> {
  readonly field: FieldOf<R>;
  readonly title: string;
  readonly unit?: string;
  readonly type: ColumnType;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function reportCsv<R extends object>(
  rows: readonly R[],
  columns: readonly ReportColumn<R>[],
): string {
  const header = columns.map((column) => safeText(titleWithUnit(column)));
  const records = rows.map((row) => columns.map((column) => cell(row[column.field], column.type)));
  return stringify([header, ...records], { record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}

function cell(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  // A number column holds numbers only: a negative amount stays -12.5, not a quoted text.
  if (type === 'number')
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  return safeText(String(value));
}

function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
