import { containing, everyWordIn } from './text-search';

describe('containing', () => {
  it('matches the case-folded text anywhere', () => {
    expect(containing('Cars')).toBe('%cars%');
  });

  it('takes LIKE wildcards and the escape character literally', () => {
    expect(containing('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('everyWordIn', () => {
  function conditions(q: string | undefined) {
    const params: unknown[] = ['tenant-a'];
    const sql = everyWordIn('t.name', q, (value) => `$${params.push(value)}`);
    return { sql, params };
  }

  it('asks for each word, bound after the params so far', () => {
    expect(conditions('  car   30 ')).toEqual({
      sql: ['lower(t.name) LIKE $2', 'lower(t.name) LIKE $3'],
      params: ['tenant-a', '%car%', '%30%'],
    });
  });

  it('asks nothing for a blank or missing search', () => {
    expect(conditions('   ').sql).toEqual([]);
    expect(conditions(undefined).sql).toEqual([]);
  });
});
