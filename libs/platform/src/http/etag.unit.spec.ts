import { ProblemException } from '../errors/problem';
import { formatETag, parseIfMatch } from './etag';

describe('If-Match / ETag', () => {
  it.each([
    ['"7"', 7],
    ['W/"7"', 7],
    [' "12" ', 12],
    ['"0"', 0],
  ])('%s -> %i', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('absent or * means no precondition', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it.each(['7', '"abc"', '"7", "8"', 'W/7', '"-1"'])('%s is a 400 problem', (header) => {
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

  it('formats a strong ETag that parses back', () => {
    expect(formatETag(42)).toBe('"42"');
    expect(parseIfMatch(formatETag(42))).toBe(42);
  });
});
