import { DomainError, fold } from '@crm/event-sourcing';
import { deciderSpec } from '@crm/event-sourcing/testing';
import { parseCalendarDate } from '@crm/values';
import type { AssetCommand } from './asset.commands';
import { assetDecider } from './asset.decider';
import type { AssetEvent } from './asset.events';
import { warrantyOn } from './warranty';

const given = deciderSpec(assetDecider);
const stateAfter = (events: AssetEvent[]) => fold(assetDecider, events);
const day = (d: string) => parseCalendarDate(d);
const fieldOf = (field: string, code: string) => (e: unknown) =>
  e instanceof DomainError && e.code === code && e.details?.field === field;

const fromOrder: AssetCommand = {
  type: 'RegisterAsset',
  data: {
    assetId: 'a1',
    source: { kind: 'order', orderId: 'o1', lineId: 'l1', unit: 1 },
    productId: 'p-boiler',
    options: { power: '24kW', colour: 'white' },
    serialNumber: ' SN-1 ',
    owner: { contactId: 'k1', companyId: 'co1' },
    deliveredOn: '2026-01-31',
    warrantyMonths: 24,
  },
};
const registered: AssetEvent = {
  type: 'AssetRegistered',
  data: {
    assetId: 'a1',
    source: { kind: 'order', orderId: 'o1', lineId: 'l1', unit: 1 },
    productId: 'p-boiler',
    options: { colour: 'white', power: '24kW' },
    serialNumber: 'SN-1',
    owner: { contactId: 'k1', companyId: 'co1' },
    deliveredOn: day('2026-01-31'),
    warrantyMonths: 24,
  },
};
const extended: AssetEvent = {
  type: 'WarrantyExtended',
  data: {
    assetId: 'a1',
    contractId: 'sc1',
    months: 12,
    from: day('2028-01-31'),
    to: day('2029-01-30'),
  },
};
const reading = (value: number, readAt: string): AssetEvent => ({
  type: 'MeterReadingRecorded',
  data: { assetId: 'a1', unit: 'hours', value, readAt },
});
const read = (value: unknown, readAt: string): AssetCommand => ({
  type: 'RecordMeterReading',
  data: { unit: 'hours', value, readAt },
});

describe('Asset decider', () => {
  it('registers a unit of a fulfilled order line, options sorted; by hand too; once', () => {
    given([]).when(fromOrder).then([registered]);
    given([registered]).when(fromOrder).thenThrows('AssetAlreadyRegistered');
    given([])
      .when({
        ...fromOrder,
        data: {
          ...fromOrder.data,
          source: { kind: 'manual' },
          options: undefined,
          serialNumber: undefined,
        },
      })
      .thenState((s) => expect(s).toMatchObject({ source: { kind: 'manual' }, options: {} }));
  });

  it('names the bad field of a registration', () => {
    const bad = (patch: Record<string, unknown>) =>
      ({ ...fromOrder, data: { ...fromOrder.data, ...patch } }) as AssetCommand;
    given([])
      .when(bad({ deliveredOn: '2026-02-30' }))
      .thenThrows(fieldOf('deliveredOn', 'InvalidDate'));
    given([])
      .when(bad({ warrantyMonths: -1 }))
      .thenThrows(fieldOf('warrantyMonths', 'InvalidWarrantyMonths'));
    given([])
      .when(bad({ warrantyMonths: '24' }))
      .thenThrows(fieldOf('warrantyMonths', 'InvalidWarrantyMonths'));
    given([])
      .when(bad({ options: { power: 24 } }))
      .thenThrows(fieldOf('options', 'InvalidOptions'));
    given([])
      .when(bad({ serialNumber: 'x'.repeat(101) }))
      .thenThrows(fieldOf('serialNumber', 'TextTooLong'));
  });

  it('transfers to another owner, keeping the earlier one; the same owner again changes nothing', () => {
    const transfer = (contactId: string, on = '2026-06-01'): AssetCommand => ({
      type: 'TransferAsset',
      data: { to: { contactId }, on },
    });
    given([registered])
      .when(transfer('k2'))
      .then([
        {
          type: 'AssetTransferred',
          data: {
            assetId: 'a1',
            from: { contactId: 'k1', companyId: 'co1' },
            to: { contactId: 'k2' },
            on: day('2026-06-01'),
          },
        },
      ]);
    given([registered])
      .when(transfer('k2'))
      .thenState((s) =>
        expect(s.previousOwners).toEqual([
          { contactId: 'k1', companyId: 'co1', until: '2026-06-01' },
        ]),
      );
    given([registered])
      .when({
        type: 'TransferAsset',
        data: { to: { contactId: 'k1', companyId: 'co1' }, on: '2026-06-01' },
      })
      .thenNothingHappened();
    given([registered])
      .when(transfer('k2', '2026-01-30'))
      .thenThrows(fieldOf('on', 'BeforeDelivery'));
  });

  it('retires for good: nothing changes a retired asset, retiring again is a no-op', () => {
    const retired: AssetEvent = {
      type: 'AssetRetired',
      data: { assetId: 'a1', on: day('2027-03-01'), reason: 'Replaced' },
    };
    given([registered])
      .when({ type: 'RetireAsset', data: { on: '2027-03-01', reason: ' Replaced ' } })
      .then([retired]);
    given([registered, retired])
      .when({ type: 'RetireAsset', data: { on: '2027-04-01', reason: 'x' } })
      .thenNothingHappened();
    given([registered, retired]).when(read(1, '2027-03-02T00:00:00Z')).thenThrows('AssetRetired');
    given([])
      .when({ type: 'RetireAsset', data: { on: '2027-03-01', reason: 'x' } })
      .thenThrows('AssetNotFound');
    expect(warrantyOn(stateAfter([registered, retired]), day('2027-03-01'))).toEqual({
      status: 'retired',
    });
  });

  it('warranty: months from delivery, the last day before the same date later; status on a given day', () => {
    const asset = stateAfter([registered]);
    // 24 months from 31 January 2026: the same date would be 31 January 2028, so cover ends on the 30th.
    expect(warrantyOn(asset, day('2026-01-30'))).toEqual({ status: 'not_yet_delivered' });
    expect(warrantyOn(asset, day('2026-01-31'))).toEqual({
      status: 'in_warranty',
      endsOn: '2028-01-30',
    });
    expect(warrantyOn(asset, day('2028-01-30'))).toEqual({
      status: 'in_warranty',
      endsOn: '2028-01-30',
    });
    expect(warrantyOn(asset, day('2028-01-31'))).toEqual({
      status: 'expired',
      endsOn: '2028-01-30',
    });
    const none = stateAfter([
      { ...registered, data: { ...registered.data, warrantyMonths: 0 } } as AssetEvent,
    ]);
    expect(warrantyOn(none, day('2026-03-01'))).toEqual({ status: 'none' });
  });

  it('refuses a cover that would end after 9999-12-31, naming the field (found by the e2e fuzzer)', () => {
    const late = (deliveredOn: string, warrantyMonths: number): AssetCommand =>
      ({
        ...fromOrder,
        data: { ...fromOrder.data, deliveredOn, warrantyMonths },
      }) as AssetCommand;
    given([])
      .when(late('9999-12-31', 1))
      .thenThrows(fieldOf('warrantyMonths', 'CoverBeyondCalendar'));
    given([])
      .when(late('9999-01-01', 240))
      .thenThrows(fieldOf('warrantyMonths', 'CoverBeyondCalendar'));
    // Within the calendar it is fine: 12 months from 9998-12-31 end on 9999-12-30.
    given([])
      .when(late('9998-12-31', 12))
      .then([
        {
          ...registered,
          data: { ...registered.data, deliveredOn: day('9998-12-31'), warrantyMonths: 12 },
        },
      ]);
    const extendLate: AssetCommand = {
      type: 'ExtendWarranty',
      data: { contractId: 'sc9', months: 1, startsOn: '9999-12-31' },
    };
    given([registered]).when(extendLate).thenThrows(fieldOf('months', 'CoverBeyondCalendar'));
  });

  it('a service contract extends the warranty from its end, or from its sale day after a gap', () => {
    const extend = (contractId: string, startsOn: string, months: unknown = 12): AssetCommand => ({
      type: 'ExtendWarranty',
      data: { contractId, months, startsOn },
    });
    given([registered]).when(extend('sc1', '2027-05-01')).then([extended]);
    given([registered, extended]).when(extend('sc1', '2027-05-01')).thenNothingHappened();
    const asset = stateAfter([registered, extended]);
    expect(warrantyOn(asset, day('2026-06-01'))).toEqual({
      status: 'in_warranty',
      endsOn: '2029-01-30',
    });
    expect(warrantyOn(asset, day('2029-01-31'))).toEqual({
      status: 'expired',
      endsOn: '2029-01-30',
    });
    // Sold after the cover lapsed: covered from the sale day, the lapse stays uncovered.
    given([registered])
      .when(extend('sc2', '2028-06-15', 6))
      .then([
        {
          type: 'WarrantyExtended',
          data: {
            assetId: 'a1',
            contractId: 'sc2',
            months: 6,
            from: day('2028-06-15'),
            to: day('2028-12-14'),
          },
        },
      ]);
    const lapsed = stateAfter([
      registered,
      {
        type: 'WarrantyExtended',
        data: {
          assetId: 'a1',
          contractId: 'sc2',
          months: 6,
          from: day('2028-06-15'),
          to: day('2028-12-14'),
        },
      },
    ]);
    expect(warrantyOn(lapsed, day('2028-03-01'))).toEqual({
      status: 'expired',
      endsOn: '2028-01-30',
    });
    expect(warrantyOn(lapsed, day('2028-07-01'))).toEqual({
      status: 'in_warranty',
      endsOn: '2028-12-14',
    });
    given([registered])
      .when(extend('sc3', '2027-01-01', 0))
      .thenThrows(fieldOf('months', 'InvalidWarrantyMonths'));
    given([registered]).when(extend('sc3', 'soon')).thenThrows(fieldOf('startsOn', 'InvalidDate'));
  });

  it('meter readings only count up; a back-filled one must fit between its neighbours', () => {
    const history = [
      registered,
      reading(100, '2026-03-01T00:00:00.000Z'),
      reading(300, '2026-05-01T00:00:00.000Z'),
    ];
    given(history)
      .when(read(350, '2026-06-01T00:00:00+02:00'))
      .then([reading(350, '2026-05-31T22:00:00.000Z')]);
    given(history)
      .when(read(200, '2026-04-01T00:00:00Z'))
      .then([reading(200, '2026-04-01T00:00:00.000Z')]);
    given(history)
      .when(read(99, '2026-04-01T00:00:00Z'))
      .thenThrows(
        (e) =>
          e instanceof DomainError &&
          e.code === 'ReadingBelowEarlier' &&
          e.details?.previous === 100 &&
          e.details?.field === 'value',
      );
    given(history).when(read(301, '2026-04-01T00:00:00Z')).thenThrows('ReadingAboveLater');
    given(history).when(read(299, '2026-06-01T00:00:00Z')).thenThrows('ReadingBelowEarlier');
    given(history).when(read(300, '2026-05-01T00:00:00Z')).thenNothingHappened();
    given(history).when(read(301, '2026-05-01T00:00:00Z')).thenThrows('ConflictingReading');
    given(history)
      .when(read(-1, '2026-06-01T00:00:00Z'))
      .thenThrows(fieldOf('value', 'InvalidMeterValue'));
    given(history)
      .when(read(Number.NaN, '2026-06-01T00:00:00Z'))
      .thenThrows(fieldOf('value', 'InvalidMeterValue'));
    given(history).when(read(400, '2026-06-01')).thenThrows(fieldOf('readAt', 'InvalidInstant'));
    given(history)
      .when(read(1, '2026-01-01T00:00:00Z'))
      .thenThrows(fieldOf('readAt', 'BeforeDelivery'));
    given(history)
      .when({
        type: 'RecordMeterReading',
        data: { unit: 'miles', value: 1, readAt: '2026-06-01T00:00:00Z' },
      })
      .thenThrows(fieldOf('unit', 'NotAllowedValue'));
    const state = stateAfter([
      registered,
      reading(300, '2026-05-01T00:00:00.000Z'),
      reading(100, '2026-03-01T00:00:00.000Z'),
    ]);
    expect(state.readings.hours?.map((r) => r.value)).toEqual([100, 300]);
  });
});
