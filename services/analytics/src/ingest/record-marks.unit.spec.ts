/** The order rules between event topics and state topics (record-marks.ts), as pure predicates. */
import { eventApplies, stateApplies, type RecordMark } from './record-marks';

const mark = (m: Partial<RecordMark>): RecordMark => ({
  stateVersion: null,
  stateAt: null,
  factAt: null,
  gone: false,
  erased: false,
  mergedInto: null,
  ...m,
});
const t = (iso: string) => new Date(iso);

describe('record marks', () => {
  it('an event applies to an unknown record, and after the state only if newer than it', () => {
    expect(eventApplies(undefined, t('2026-01-01T00:00:00Z'))).toBe(true);
    const state = mark({ stateVersion: 3, stateAt: t('2026-01-02T00:00:00Z') });
    expect(eventApplies(state, t('2026-01-02T00:00:00Z'))).toBe(false);
    expect(eventApplies(state, t('2026-01-01T00:00:00Z'))).toBe(false);
    expect(eventApplies(state, t('2026-01-03T00:00:00Z'))).toBe(true);
  });

  it('a state applies unless older by version or by time than what was applied', () => {
    const m = mark({
      stateVersion: 3,
      stateAt: t('2026-01-02T00:00:00Z'),
      factAt: t('2026-01-04T00:00:00Z'),
    });
    expect(stateApplies(m, 2, t('2026-01-05T00:00:00Z'))).toBe(false);
    expect(stateApplies(m, 4, t('2026-01-03T00:00:00Z'))).toBe(false);
    expect(stateApplies(m, 4, t('2026-01-04T00:00:00Z'))).toBe(true);
    expect(stateApplies(m, 3, t('2026-01-05T00:00:00Z'))).toBe(true);
  });

  it('nothing applies to a record gone for good', () => {
    const gone = mark({ gone: true, erased: true });
    expect(eventApplies(gone, t('2030-01-01T00:00:00Z'))).toBe(false);
    expect(stateApplies(gone, 99, t('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
