import { periodStarts } from './service-kpis.chart';

describe('periodStarts (the chart axis of the service KPIs)', () => {
  it('starts weeks on Monday, months on the 1st, quarters on Jan/Apr/Jul/Oct, up to `to`', () => {
    // 2025-01-01 was a Wednesday.
    expect(periodStarts('2025-01-01', '2025-01-13', 'week')).toEqual([
      '2024-12-30',
      '2025-01-06',
      '2025-01-13',
    ]);
    expect(periodStarts('2025-01-31', '2025-03-01', 'month')).toEqual([
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
    ]);
    expect(periodStarts('2025-05-20', '2025-10-01', 'quarter')).toEqual([
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
  });
});
