/**
 * From sales rows (calendar date, quantity) to the regular monthly series the smoothing models
 * need: one value per month from the first to the last month, months without sales as 0 (a gap
 * is a month nobody bought, not a missing value). Dates are calendar dates ('YYYY-MM-DD', as the
 * caller's reporting time zone sees them): converting instants to dates is the caller's job.
 */

export interface DatedQuantity {
  readonly date: string;
  readonly quantity: number;
}

export interface MonthlySeries {
  /** 'YYYY-MM' of each value, consecutive. */
  readonly months: string[];
  readonly quantities: number[];
  /** Rows whose date was not a valid calendar date or whose quantity was not finite. */
  readonly rejectedRows: number;
}

export interface MonthlyOptions {
  /** First month ('YYYY-MM'), e.g. to start a product's series at the shop's opening. */
  readonly from?: string;
  /** Last month ('YYYY-MM'), e.g. the last complete month; rows after it are ignored. */
  readonly to?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Months since year 0 for 'YYYY-MM-DD…', or undefined when it is not a calendar date. */
function monthNumberOfDate(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return year * 12 + (month - 1);
}

function monthNumberOfMonth(month: string): number | undefined {
  const match = MONTH.exec(month);
  if (!match) return undefined;
  const m = Number(match[2]);
  return m >= 1 && m <= 12 ? Number(match[1]) * 12 + (m - 1) : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function monthLabel(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  const month = monthNumber - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function monthlySeries(
  rows: readonly DatedQuantity[],
  options: MonthlyOptions = {},
): MonthlySeries {
  const from = options.from === undefined ? undefined : monthNumberOfMonth(options.from);
  const to = options.to === undefined ? undefined : monthNumberOfMonth(options.to);
  if (
    (options.from !== undefined && from === undefined) ||
    (options.to !== undefined && to === undefined)
  )
    throw new RangeError('from/to must be months written YYYY-MM');

  const totals = new Map<number, number>();
  let rejectedRows = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    const month = monthNumberOfDate(row.date);
    if (month === undefined || !Number.isFinite(row.quantity)) {
      rejectedRows++;
      continue;
    }
    if ((from !== undefined && month < from) || (to !== undefined && month > to)) continue;
    totals.set(month, (totals.get(month) ?? 0) + row.quantity);
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const start = from ?? first;
  const end = to ?? last;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start)
    return { months: [], quantities: [], rejectedRows };
  const months: string[] = [];
  const quantities: number[] = [];
  for (let m = start; m <= end; m++) {
    months.push(monthLabel(m));
    quantities.push(totals.get(m) ?? 0);
  }
  return { months, quantities, rejectedRows };
}
