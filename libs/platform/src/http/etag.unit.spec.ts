import { ProblemException } from '../errors/problem';
import {
  entityTagMatches,
  expectedVersionFor,
  formatETag,
  ifMatchPrecondition,
  parseIfMatch,
} from './etag';

describe('If-Match / ETag', () => {
  it.each([
    ['"7"', [7]],
    [' "12" ', [12]],
    ['"0"', [0]],
    ['"3", "4"', [3, 4]],
    ['"3",W/"4" ,"5"', [3, 5]],
    ['"3",,', [3]],
    // Well formed entity tags that no version of ours has, or weak ones: they match nothing.
    ['W/"7"', []],
    ['"abc"', []],
    ['"-1"', []],
  ])('%s names the strong versions %j', (header, versions) => {
    expect(parseIfMatch(header)).toEqual(versions);
  });

  it('joins repeated header fields into one list', () => {
    expect(parseIfMatch(['"1"', '"2"'])).toEqual([1, 2]);
  });

  it('absent means no precondition, * means any current version', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
    expect(parseIfMatch('*')).toBe('*');
  });

  it.each(['7', 'W/7', 'v3', '"7" "8"', ',', '*, "7"'])('%s is a 400 problem', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ProblemException);
    try {
      parseIfMatch(header);
    } catch (error) {
      expect((error as ProblemException).problem).toMatchObject({
        status: 400,
        type: '/problems/invalid-if-match',
      });
    }
  });

  it('compares strongly: a weak tag never matches, * matches any existing version', () => {
    expect(entityTagMatches(parseIfMatch('W/"3"')!, 3)).toBe(false);
    expect(entityTagMatches(parseIfMatch('"3", "4"')!, 4)).toBe(true);
    expect(entityTagMatches(parseIfMatch('"3", "4"')!, 5)).toBe(false);
    expect(entityTagMatches('*', 1)).toBe(true);
    expect(entityTagMatches('*', 0)).toBe(false);
  });

  it('formats a strong ETag that parses back', () => {
    expect(formatETag(42)).toBe('"42"');
    expect(parseIfMatch(formatETag(42))).toEqual([42]);
  });
});

describe('If-Match as a command precondition', () => {
  const precondition = (header: string) => ifMatchPrecondition(parseIfMatch(header));
  const status = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as ProblemException).problem.status;
    }
    return 'no error';
  };

  it('one version is the expected version to append with', () => {
    expect(precondition('"3"')).toEqual({ expectedVersion: 3 });
    expect(precondition('"3", "3"')).toEqual({ expectedVersion: 3 });
    expect(expectedVersionFor(precondition('"3"'), 9)).toBe(3);
    expect(ifMatchPrecondition(undefined)).toEqual({});
  });

  it('a list holds when it names the current version, which is then appended with', () => {
    expect(expectedVersionFor(precondition('"3", "4"'), 4)).toBe(4);
    expect(status(() => expectedVersionFor(precondition('"3", "4"'), 5))).toBe(412);
  });

  it('weak tags only are 412, whatever the version', () => {
    expect(precondition('W/"3"')).toEqual({ ifMatch: [] });
    expect(status(() => expectedVersionFor(precondition('W/"3"'), 3))).toBe(412);
  });

  it('* holds for an existing resource (no expected version), 412 for a missing one', () => {
    expect(expectedVersionFor(precondition('*'), 2)).toBeUndefined();
    expect(status(() => expectedVersionFor(precondition('*'), 0))).toBe(412);
  });
});
