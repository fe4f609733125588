import { parseCalendarDate } from '@crm/values';
import { warrantyEndingSoon } from './warranty';

const day = (d: string) => parseCalendarDate(d);
const asset = {
  deliveredOn: day('2026-01-31'),
  coverage: [{ from: day('2026-01-31'), to: day('2028-01-30') }],
};

describe('warranty ending soon', () => {
  it('announces the end from 30 days before it to its last day, keyed by the end date', () => {
    expect(warrantyEndingSoon(asset, day('2027-12-30'))).toBeUndefined();
    expect(warrantyEndingSoon(asset, day('2027-12-31'))).toEqual({
      endsOn: '2028-01-30',
      daysLeft: 30,
    });
    expect(warrantyEndingSoon(asset, day('2028-01-30'))).toEqual({
      endsOn: '2028-01-30',
      daysLeft: 0,
    });
    expect(warrantyEndingSoon(asset, day('2028-01-31'))).toBeUndefined();
  });

  it('an extension that touches the cover moves the end; a retired asset is not announced', () => {
    const extended = {
      ...asset,
      coverage: [...asset.coverage, { from: day('2028-01-31'), to: day('2029-01-30') }],
    };
    expect(warrantyEndingSoon(extended, day('2028-01-10'))).toBeUndefined();
    expect(warrantyEndingSoon(extended, day('2029-01-01'))).toEqual({
      endsOn: '2029-01-30',
      daysLeft: 29,
    });
    expect(
      warrantyEndingSoon({ ...asset, retiredOn: day('2027-06-01') }, day('2028-01-10')),
    ).toBeUndefined();
  });
});
