import { formatDuration, rowRate } from './upload-progress';

describe('row progress', () => {
  it('gives the rate over the run and the time left at that pace', () => {
    expect(rowRate(500, 2000, 10_000)).toEqual({ rate: 50, etaSeconds: 30 });
    expect(rowRate(0, 2000, 10_000)).toEqual({ rate: 0, etaSeconds: undefined });
    expect(rowRate(2500, 2000, 10_000).etaSeconds).toBe(0);
  });

  it('prints durations as m:ss or h:mm:ss, ? when unknown', () => {
    expect(formatDuration(undefined)).toBe('?');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
