import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CursorPageQuery, OffsetPageQuery, PageLimitQuery } from './pagination-query.dto';

/** Query strings arrive as strings: transform as the validation pipe does, then validate. */
function invalidFields<T extends object>(type: new () => T, query: Record<string, string>) {
  return validateSync(plainToInstance(type, query)).map((error) => error.property);
}

describe('pagination query DTOs', () => {
  it('accepts a limit from 1 to 200 and no limit at all', () => {
    expect(invalidFields(PageLimitQuery, {})).toEqual([]);
    expect(invalidFields(PageLimitQuery, { limit: '1' })).toEqual([]);
    expect(invalidFields(PageLimitQuery, { limit: '200' })).toEqual([]);
    expect(plainToInstance(PageLimitQuery, { limit: '25' }).limit).toBe(25);
  });

  it.each(['0', '201', '1.5', 'ten'])('rejects limit=%s', (limit) => {
    expect(invalidFields(PageLimitQuery, { limit })).toEqual(['limit']);
  });

  it('bounds the cursor and keeps the limit rules in subclasses', () => {
    expect(invalidFields(CursorPageQuery, { cursor: 'abc', limit: '10' })).toEqual([]);
    expect(invalidFields(CursorPageQuery, { cursor: 'x'.repeat(1001) })).toEqual(['cursor']);
    expect(invalidFields(CursorPageQuery, { limit: '500' })).toEqual(['limit']);
  });

  it('accepts an offset from 0', () => {
    expect(invalidFields(OffsetPageQuery, { offset: '0' })).toEqual([]);
    expect(invalidFields(OffsetPageQuery, { offset: '-1' })).toEqual(['offset']);
    expect(plainToInstance(OffsetPageQuery, { offset: '40' }).offset).toBe(40);
  });
});
