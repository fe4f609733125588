/**
 * The list read every campaigns resource (segments, templates, campaigns) answers the same way:
 * one tenant's rows, optional equality filters, every word of `q` in the name, sorted by name,
 * creation or last change, one keyset page at a time (KeysetPage owns the cursor and the page).
 * Only the source (columns, FROM, id) and the row-to-item mapping differ.
 */
import type { CursorCodec, KeysetRequest, Page } from '@crm/platform';
import { KeysetPage } from '@crm/platform';
import type { Pool } from 'pg';
import { everyWordIn } from './text-search';

/** The sorts these lists offer; a leading `-` is descending. */
export type NameOrDateSort =
  'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';

/** Qualifies a column with the listed table's alias, when it has one. */
type Qualify = (column: string) => string;

/** The column behind each sort (given how to qualify one) and the type its cursor value is cast back to. */
const SORT_COLUMNS = {
  name: { column: (col: Qualify) => `lower(${col('name')})`, cast: 'text' },
  createdAt: { column: (col: Qualify) => col('created_at'), cast: 'timestamptz' },
  updatedAt: { column: (col: Qualify) => col('updated_at'), cast: 'timestamptz' },
} as const;

/** Where a list reads from. Column names are unqualified; `alias` qualifies them when joined. */
export interface KeysetListSource {
  /** What its cursors are made for, e.g. `segments` (the sort is appended). */
  readonly list: string;
  /** The SELECT list of one row. */
  readonly columns: string;
  /** The FROM clause, joins included. */
  readonly from: string;
  /** The listed table's alias (`t`) when `from` joins others; none otherwise. */
  readonly alias?: string;
  /** Its unique id column, the sort's tie-breaker, e.g. `segment_id`. */
  readonly idColumn: string;
  /** Its tenant column; `tenant` unless told. */
  readonly tenantColumn?: string;
}

export interface KeysetListRequest extends KeysetRequest {
  readonly sort?: NameOrDateSort;
  readonly q?: string;
}

/**
 * One page of `source` for `tenant`: rows whose `filters` columns equal the given values (an
 * undefined value filters nothing), whose name holds every word of `request.q`, in
 * `request.sort` order (default newest first). A cursor made under another sort is a 400.
 */
export async function keysetList<Row, Item>(
  pool: Pool,
  cursors: CursorCodec,
  source: KeysetListSource,
  tenant: string,
  request: KeysetListRequest,
  filters: Readonly<Record<string, unknown>>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const col: Qualify = (name) => (source.alias ? `${source.alias}.${name}` : name);
  const params: unknown[] = [tenant];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = [`${col(source.tenantColumn ?? 'tenant')} = $1`];
  for (const [column, value] of Object.entries(filters))
    if (value !== undefined) where.push(`${col(column)} = ${bind(value)}`);
  where.push(...everyWordIn(col('name'), request.q, bind));

  const sort = request.sort ?? '-createdAt';
  const descending = sort.startsWith('-');
  const sorted = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const column = sorted.column(col);
  const idColumn = col(source.idColumn);
  const keyset = new KeysetPage(
    cursors,
    { list: `${source.list}:${sort}`, column, cast: sorted.cast, idColumn, descending },
    request,
  );
  keyset.appendAfter(where, params);
  const direction = descending ? 'DESC' : 'ASC';
  const { rows } = await pool.query<Row & { sort_value: string; sort_id: string }>(
    `SELECT ${source.columns}, ${column}::text AS sort_value, ${idColumn}::text AS sort_id
       FROM ${source.from}
      WHERE ${where.join(' AND ')}
      ORDER BY ${column} ${direction}, ${idColumn} ${direction}
      LIMIT ${bind(keyset.fetchLimit)}`,
    params,
  );
  return keyset.page(rows, toItem, (last) => ({ value: last.sort_value, id: last.sort_id }));
}
