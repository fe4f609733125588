import { viewAfterWrite } from './command-answer';

describe('viewAfterWrite', () => {
  const view = { id: 'lead-1', version: 3, name: 'Ada' };

  it('is the view once the read model shows the write (or a later one)', () => {
    expect(viewAfterWrite(view, { id: 'lead-1', version: 3 })).toBe(view);
    expect(viewAfterWrite(view, { id: 'lead-1', version: 2 })).toBe(view);
  });

  it('is only the write id and version while the read model lags it', () => {
    expect(viewAfterWrite(view, { id: 'lead-1', version: 4 })).toEqual({
      id: 'lead-1',
      version: 4,
    });
    expect(viewAfterWrite(undefined, { id: 'lead-1', version: 1 })).toEqual({
      id: 'lead-1',
      version: 1,
    });
  });
});
