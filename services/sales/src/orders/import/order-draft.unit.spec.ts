import { checkCsvHeader, draftOfCsvRows, draftOfJson, RowRejection } from './order-draft';

const rejection = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof RowRejection)
      return { row: error.row, code: error.error.code, field: error.error.details?.field };
    throw error;
  }
  throw new Error('not rejected');
};

describe('order drafts', () => {
  const row = (n: number, cells: Record<string, string>) => ({ row: n, record: cells });
  const first = {
    external_order_id: 'E1',
    placed_at: '2019-03-04',
    contact_id: 'c1',
    currency: 'EUR',
    sku: 'WB-11',
    quantity: '2',
    unit_price: '19.90',
    status: 'returned',
    fulfilled_at: '2019-03-05',
    status_at: '2019-03-20T10:00:00+01:00',
  };

  it('reads an order from its CSV rows: dates as the day start in UTC, prices in minor units', () => {
    const draft = draftOfCsvRows([
      row(4, first),
      row(5, {
        external_order_id: 'E1',
        product_id: 'p2',
        quantity: '1',
        unit_price_minor: '500',
        options: 'red; big',
      }),
    ]);
    expect(draft).toMatchObject({
      externalId: 'E1',
      rows: [4, 5],
      placedAt: '2019-03-04T00:00:00.000Z',
      currency: 'EUR',
      taxRateBps: 0,
      outcome: {
        status: 'returned',
        fulfilledAt: '2019-03-05T00:00:00.000Z',
        returnedAt: '2019-03-20T09:00:00.000Z',
        reason: 'returned before the import',
      },
    });
    expect(draft.lines).toEqual([
      {
        row: 4,
        lineId: '1',
        product: { by: 'sku', value: 'WB-11' },
        optionIds: [],
        quantity: 2,
        unitPriceMinor: 1990,
        discountBps: 0,
      },
      {
        row: 5,
        lineId: '2',
        product: { by: 'id', value: 'p2' },
        optionIds: ['red', 'big'],
        quantity: 1,
        unitPriceMinor: 500,
        discountBps: 0,
      },
    ]);
  });

  it('names the row and column at fault', () => {
    expect(rejection(() => draftOfCsvRows([row(1, { ...first, quantity: 'two' })]))).toEqual({
      row: 1,
      code: 'NotANumber',
      field: 'quantity',
    });
    expect(
      rejection(() => draftOfCsvRows([row(1, first), row(2, { ...first, currency: 'USD' })])),
    ).toEqual({ row: 2, code: 'InconsistentOrderRow', field: 'currency' });
    expect(rejection(() => draftOfCsvRows([row(3, { ...first, unit_price_minor: '1' })]))).toEqual({
      row: 3,
      code: 'OneOfFields',
      field: 'unit_price',
    });
    expect(
      rejection(() => draftOfCsvRows([row(1, { ...first, placed_at: '2019-02-30' })])),
    ).toEqual({
      row: 1,
      code: 'InvalidDate',
      field: 'placed_at',
    });
    expect(rejection(() => draftOfCsvRows([row(1, { ...first, sku: 'A\u0000' })]))).toMatchObject({
      code: 'UnstorableImportCell',
      field: 'sku',
    });
  });

  it('reads a JSON order, naming members by their path', () => {
    const json = {
      externalId: 'J1',
      placedAt: '2020-01-01T00:00:00Z',
      companyId: 'co',
      currency: 'JPY',
      lines: [{ sku: 'X', quantity: 1, unitPrice: '1500' }],
    };
    expect(draftOfJson(7, json)).toMatchObject({
      rows: [7],
      lines: [{ unitPriceMinor: 1500 }],
      outcome: { status: 'placed' },
    });
    expect(
      rejection(() =>
        draftOfJson(7, { ...json, lines: [{ sku: 'X', quantity: 1.5, unitPrice: '1' }] }),
      ),
    ).toEqual({
      row: 7,
      code: 'NotANumber',
      field: 'lines[0].quantity',
    });
    expect(rejection(() => draftOfJson(8, [json]))).toMatchObject({ code: 'MalformedOrderRecord' });
  });

  it('refuses a header without the columns every row needs, or with unknown ones', () => {
    expect(
      checkCsvHeader([
        'External_Order_Id',
        'placed_at',
        'currency',
        'quantity',
        'sku',
        'unit_price',
      ]),
    ).toContain('external_order_id');
    expect(() =>
      checkCsvHeader(['external_order_id', 'placed_at', 'currency', 'quantity', 'unit_price']),
    ).toThrow(/product_id or sku/);
    expect(() =>
      checkCsvHeader([
        'external_order_id',
        'placed_at',
        'currency',
        'quantity',
        'sku',
        'unit_price',
        'colour',
      ]),
    ).toThrow(/colour/);
  });
});
