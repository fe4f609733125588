import { parseCalendarDate } from '@crm/values';
import {
  type AssetLife,
  countBy,
  DEFAULT_UPGRADE_RULE,
  type FailureRecord,
  mtbfDays,
  operatingDays,
  productReliability,
  repeatRepairs,
  upgradeSuggestion,
} from './reliability';

const day = (d: string) => parseCalendarDate(d);
const asOf = day('2027-01-01');
const a1: AssetLife = { assetId: 'a1', productId: 'boiler', deliveredOn: day('2026-01-01') };
const a2: AssetLife = { assetId: 'a2', productId: 'boiler', deliveredOn: day('2026-07-04') };
const a3: AssetLife = {
  assetId: 'a3',
  productId: 'pump',
  deliveredOn: day('2026-01-01'),
  retiredOn: day('2026-04-11'),
};
const fail = (
  caseId: string,
  assetId: string,
  on: string,
  repairCostMinor?: number,
): FailureRecord => ({
  caseId,
  assetId,
  productId: assetId === 'a3' ? 'pump' : 'boiler',
  on: day(on),
  ...(repairCostMinor !== undefined ? { repairCostMinor } : {}),
});
const failures = [
  fail('c1', 'a1', '2026-03-01', 10_000),
  fail('c2', 'a1', '2026-03-20', 15_000),
  fail('c3', 'a2', '2026-10-01'),
  fail('c4', 'a3', '2026-02-01'),
];

describe('reliability', () => {
  it('counts operating days to the given day or the retirement', () => {
    expect(operatingDays(a1, asOf)).toBe(365);
    expect(operatingDays(a2, asOf)).toBe(181);
    expect(operatingDays(a3, asOf)).toBe(100);
    expect(operatingDays(a2, day('2026-01-01'))).toBe(0);
  });

  it('counts failures per asset and per product', () => {
    expect(Object.fromEntries(countBy(failures, 'assetId'))).toEqual({ a1: 2, a2: 1, a3: 1 });
    expect(Object.fromEntries(countBy(failures, 'productId'))).toEqual({ boiler: 3, pump: 1 });
  });

  it('MTBF is operating days over failures, none without failures, and ignores failures after the day', () => {
    expect(mtbfDays([a1], failures, asOf)).toBe(182.5);
    expect(mtbfDays([a1, a2], failures, asOf)).toBe((365 + 181) / 3);
    expect(mtbfDays([a2], failures, day('2026-09-30'))).toBeUndefined();
    expect(mtbfDays([a1], failures, day('2026-03-10'))).toBe(68);
  });

  it('finds repairs that did not last', () => {
    expect(repeatRepairs(failures, 30)).toEqual([
      { assetId: 'a1', previousCaseId: 'c1', caseId: 'c2', daysApart: 19 },
    ]);
    expect(repeatRepairs(failures, 18)).toEqual([]);
  });

  it('reports per product, worst MTBF first', () => {
    expect(productReliability([a1, a2, a3], failures, asOf, 30)).toEqual([
      { productId: 'pump', assets: 1, failures: 1, mtbfDays: 100, repeatRepairs: 0 },
      { productId: 'boiler', assets: 2, failures: 3, mtbfDays: 182, repeatRepairs: 1 },
    ]);
  });

  it('suggests an upgrade at the failure threshold within the window, or when repairs cost half the price', () => {
    const rule = { ...DEFAULT_UPGRADE_RULE, maxFailures: 2 };
    expect(upgradeSuggestion(a1, failures, undefined, rule, asOf)).toEqual({
      suggest: true,
      reasons: ['failures'],
      recentFailures: 2,
      repairCostMinor: 25_000,
    });
    // A year on, the failures are out of the window.
    expect(upgradeSuggestion(a1, failures, undefined, rule, day('2027-03-20')).reasons).toEqual([]);
    expect(upgradeSuggestion(a1, failures, 50_000, DEFAULT_UPGRADE_RULE, asOf).reasons).toEqual([
      'repair_costs',
    ]);
    expect(upgradeSuggestion(a1, failures, 50_001, DEFAULT_UPGRADE_RULE, asOf).suggest).toBe(false);
    expect(
      upgradeSuggestion(
        a3,
        [...failures, fail('c5', 'a3', '2026-03-01'), fail('c6', 'a3', '2026-04-01')],
        undefined,
        DEFAULT_UPGRADE_RULE,
        asOf,
      ),
    ).toMatchObject({
      suggest: false,
      recentFailures: 3,
    });
  });
});
