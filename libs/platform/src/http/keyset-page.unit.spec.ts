import { ProblemException } from '../errors/problem';
import { DEFAULT_PAGE_LIMIT } from '../event-sourcing/pagination-query.dto';
import { KeysetPage, type KeysetOrder } from './keyset-page';
import { CursorCodec } from './signed-cursor';

const codec = new CursorCodec('a-test-cursor-secret-of-32-chars!');
const newestFirst: KeysetOrder = {
  list: 'things:-created',
  column: 't.created_at',
  cast: 'timestamptz',
  idColumn: 't.thing_id',
  descending: true,
};
const byName: KeysetOrder = {
  list: 'things:name',
  column: 'lower(name)',
  idColumn: 'thing_id',
  descending: false,
};
const cursor = { value: '2026-03-01 10:00:00+00', id: 'thing-7' };

interface Row {
  id: string;
  sort: string;
}
const rows: Row[] = ['a', 'b', 'c'].map((id) => ({ id, sort: `sort-${id}` }));
const cursorOf = (row: Row) => ({ value: row.sort, id: row.id });

describe('KeysetPage', () => {
  it('has no cursor and no condition on the first page, and fetches one row more', () => {
    const first = new KeysetPage(codec, newestFirst, { limit: 2 });
    expect(first.cursor).toBeUndefined();
    expect(first.after(3)).toBeUndefined();
    expect(first.fetchLimit).toBe(3);
  });

  it('resumes below the cursor when descending, casting its value, from the next free parameter', () => {
    const next = new KeysetPage(codec, newestFirst, {
      limit: 2,
      cursor: codec.encode(newestFirst.list, cursor),
    });
    expect(next.cursor).toEqual(cursor);
    expect(next.after(4)).toEqual({
      sql: '(t.created_at, t.thing_id) < ($4::timestamptz, $5)',
      params: [cursor.value, cursor.id],
    });
  });

  it('resumes above the cursor when ascending, without a cast when none is given', () => {
    const next = new KeysetPage(codec, byName, { cursor: codec.encode(byName.list, cursor) });
    expect(next.after(2)).toEqual({
      sql: '(lower(name), thing_id) > ($2, $3)',
      params: [cursor.value, cursor.id],
    });
  });

  it('appends the condition to a query, numbered after the params bound so far', () => {
    const where = ['tenant = $1', 'kind = $2'];
    const params: unknown[] = ['t1', 'call'];
    new KeysetPage(codec, byName, { cursor: codec.encode(byName.list, cursor) }).appendAfter(
      where,
      params,
    );
    expect(where).toEqual(['tenant = $1', 'kind = $2', '(lower(name), thing_id) > ($3, $4)']);
    expect(params).toEqual(['t1', 'call', cursor.value, cursor.id]);
  });

  it('pages by the default page limit when the request names none', () => {
    expect(new KeysetPage(codec, byName, {}).fetchLimit).toBe(DEFAULT_PAGE_LIMIT + 1);
  });

  it('refuses a cursor made for another sort with a 400 naming cursor', () => {
    const foreign = codec.encode(byName.list, cursor);
    expect.assertions(1);
    try {
      new KeysetPage(codec, newestFirst, { cursor: foreign });
    } catch (error) {
      expect((error as ProblemException).getResponse()).toMatchObject({
        status: 400,
        errors: [{ field: 'cursor' }],
      });
    }
  });

  it('cuts the extra row and points the next cursor at the last row of the page', () => {
    const page = new KeysetPage(codec, newestFirst, { limit: 2 }).page(rows, (r) => r.id, cursorOf);
    expect(page.items).toEqual(['a', 'b']);
    expect(codec.decode(newestFirst.list, page.nextCursor!)).toEqual({ value: 'sort-b', id: 'b' });
  });

  it('has no next cursor when no further row came back (the last page, or an empty one)', () => {
    const keyset = new KeysetPage(codec, newestFirst, { limit: 3 });
    expect(keyset.page(rows, (r) => r.id, cursorOf)).toEqual({
      items: ['a', 'b', 'c'],
      nextCursor: null,
    });
    expect(keyset.page([], (r: Row) => r.id, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
