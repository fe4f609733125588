import { auditErrorEntries } from './error-catalogue-audit';

describe('auditErrorEntries', () => {
  it('passes codes declared once with a kind the edge maps', () => {
    expect(
      auditErrorEntries([
        { code: 'ThingNotFound', kind: 'not-found', catalogue: 'thing' },
        { code: 'ThingErased', kind: 'gone', catalogue: 'thing' },
      ]),
    ).toEqual([]);
  });

  it('names a code declared twice, even with the same kind', () => {
    expect(
      auditErrorEntries([
        { code: 'DuplicateReminder', kind: 'conflict', catalogue: 'activity' },
        { code: 'DuplicateReminder', kind: 'invalid', catalogue: 'reminder' },
      ]),
    ).toEqual(['DuplicateReminder is declared 2 times (activity: conflict, reminder: invalid)']);
  });

  it('names codes that share a problem type, kinds without a status and non-PascalCase codes', () => {
    expect(
      auditErrorEntries([
        { code: 'HTTPFailed', kind: 'conflict', catalogue: 'a' },
        { code: 'HttpFailed', kind: 'conflict', catalogue: 'b' },
        { code: 'Teapot', kind: 'teapot' as never, catalogue: 'c' },
        { code: 'lower_case', kind: 'invalid', catalogue: 'd' },
      ]),
    ).toEqual([
      'Teapot (c) has kind teapot, which maps to no status',
      'lower_case (d) is not a PascalCase code',
      'HTTPFailed and HttpFailed share the problem type /problems/http-failed',
    ]);
  });
});
