/**
 * One keyset (cursor) page of a list query: the signed cursor decoded for its list and sort, the
 * `(column, id) > / < (value, id)` condition that resumes after it, one row more than the page
 * (so the next page's existence is known without a count) and `{ items, nextCursor }`. The query
 * keeps its own filters, SELECT and ORDER BY; this only owns the parts every list repeated.
 */
import { DEFAULT_PAGE_LIMIT } from '../event-sourcing/pagination-query.dto';
import type { CursorCodec, KeysetCursor } from './signed-cursor';

/** How a list is ordered: the sort column, its tie-breaking id column and the direction. */
export interface KeysetOrder {
  /** What the cursor is made for (route and sort, e.g. `contacts:-created`): see CursorCodec. */
  readonly list: string;
  /** SQL expression of the sort column, e.g. `lower(display_name)` or `a.created_at`. */
  readonly column: string;
  /** SQL type the cursor's text value is cast back to (`timestamptz`); none compares as is. */
  readonly cast?: string;
  /** The unique id column that orders rows with equal sort values, e.g. `contact_id`. */
  readonly idColumn: string;
  readonly descending: boolean;
}

/** A WHERE fragment with the values its `$n` placeholders stand for, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * A list small and bounded enough to answer whole (a tenant's pipelines, an assignee's due tasks)
 * in the shape every list has, so a client pages every list the same way.
 */
export function wholePage<Item>(items: Item[]): Page<Item> {
  return { items, nextCursor: null };
}

/** What a list request asks for: the page size (default DEFAULT_PAGE_LIMIT) and the cursor. */
export interface KeysetRequest {
  readonly limit?: number;
  readonly cursor?: string;
}

export class KeysetPage {
  /** Where the previous page ended; `undefined` for the first page. */
  readonly cursor: KeysetCursor | undefined;
  readonly limit: number;

  /** Decodes the cursor for `order.list`: a 400 naming `cursor` for one this list did not issue. */
  constructor(
    private readonly codec: CursorCodec,
    private readonly order: KeysetOrder,
    request: KeysetRequest,
  ) {
    this.cursor = codec.decode(order.list, request.cursor);
    this.limit = request.limit ?? DEFAULT_PAGE_LIMIT;
  }

  /** The LIMIT to fetch: one row more than the page tells whether another page follows. */
  get fetchLimit(): number {
    return this.limit + 1;
  }

  /** The condition for rows after the cursor, numbered from `nextParam`; none on the first page. */
  after(nextParam: number): SqlFragment | undefined {
    if (!this.cursor) return undefined;
    const { column, cast, idColumn, descending } = this.order;
    const value = `$${nextParam}${cast ? `::${cast}` : ''}`;
    return {
      sql: `(${column}, ${idColumn}) ${descending ? '<' : '>'} (${value}, $${nextParam + 1})`,
      params: [this.cursor.value, this.cursor.id],
    };
  }

  /** Adds `after` to a query's AND-ed conditions, numbered after the params bound so far. */
  appendAfter(where: string[], params: unknown[]): void {
    const after = this.after(params.length + 1);
    if (!after) return;
    where.push(after.sql);
    params.push(...after.params);
  }

  /**
   * The page from rows fetched with `fetchLimit`; the next cursor (from the page's last row, as
   * `cursorOf` reads its sort value as text and its id) only when a further row came back.
   */
  page<Row, Item>(
    rows: readonly Row[],
    toItem: (row: Row) => Item,
    cursorOf: (row: Row) => KeysetCursor,
  ): Page<Item> {
    const page = rows.slice(0, this.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toItem(row)),
      nextCursor:
        rows.length > this.limit && last !== undefined
          ? this.codec.encode(this.order.list, cursorOf(last))
          : null,
    };
  }
}
