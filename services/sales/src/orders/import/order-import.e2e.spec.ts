/**
 * Order history import through HTTP on real PostgreSQL: CSV and JSON (NDJSON and an array),
 * original dates kept, duplicates and conflicts per external id, rows naming unknown contacts
 * or products refused while the others import, a historic cancellation, dry runs, tenant
 * isolation (with a positive control) and the roles that may import.
 */
import { ManualClock } from '@crm/platform';
import { Client } from 'pg';
import { feedContacts } from '../../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../../testing/sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const otherTenant = { tenant: 'tenant-b', roles: ['admin' as const], sub: 'boss-b' };
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('order history import (e2e, real PostgreSQL)', () => {
  let t: SalesTestApp;
  let wallbox: string;
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, {
      contacts: [
        { contactId: 'c-ada', displayName: 'Ada' },
        { contactId: 'c-bob', displayName: 'Bob' },
        { contactId: 'c-bee', displayName: 'Bee', tenant: 'tenant-b' },
      ],
    });
    const product = await t.request('POST', '/products', {
      as: manager,
      body: { sku: 'WB-11', name: 'Wallbox 11 kW' },
    });
    expect(product.status).toBe(201);
    wallbox = product.body.id;
    expect(
      (
        await t.request('POST', '/products', {
          as: manager,
          body: { sku: 'CABLE-5', name: 'Cable 5 m' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.request('POST', '/products', {
          as: otherTenant,
          body: { sku: 'WB-11', name: 'Wallbox of tenant b' },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => t?.close());

  const upload = (id: string, body: string, type: string, as: object = manager, query = '') =>
    t.request('PUT', `/orders/imports/${id}${query}`, {
      as,
      body,
      headers: { 'content-type': type },
    });
  const rowsOf = async (id: string, query = '') =>
    (await t.request('GET', `/orders/imports/${id}/rows${query}`, { as: manager })).body.items as {
      row: number;
      outcome: string;
      orderId: string | null;
      externalId: string | null;
      reasons: { code: string; field?: string }[];
    }[];

  const csv = [
    'external_order_id,placed_at,contact_id,currency,tax_rate_bps,sku,product_id,quantity,unit_price,status,status_at,reason',
    // A two-line order of 2019, fulfilled a week later, at the prices paid then.
    'ERP-1,2019-03-04,c-ada,EUR,1900,WB-11,,1,899.00,fulfilled,2019-03-11T10:00:00+01:00,',
    'ERP-1,,,,,CABLE-5,,2,19.90,,,',
    // Cancelled in 2020.
    'ERP-2,2020-01-10T09:30:00Z,c-bob,EUR,0,CABLE-5,,1,21.00,cancelled,2020-01-12,out of stock',
    // An unknown product: the row is rejected, the others import.
    'ERP-3,2021-05-05,c-ada,EUR,0,NOPE-1,,1,5.00,placed,,',
    // An unknown contact.
    'ERP-4,2021-05-06,c-nobody,EUR,0,WB-11,,1,5.00,placed,,',
    // A date after the import.
    'ERP-5,2027-01-01,c-ada,EUR,0,WB-11,,1,5.00,placed,,',
  ].join('\n');

  it('imports CSV orders with their original dates and prices, rejecting bad rows by field', async () => {
    const res = await upload('history-1', csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'completed',
      dryRun: false,
      processed: 6,
      accepted: 3,
      duplicate: 0,
      conflict: 0,
      rejected: 3,
    });
    const rows = await rowsOf('history-1');
    // Paged like every sales list: { items, nextCursor }, the cursor passed back as `after`.
    const page = async (query: string) =>
      (await t.request('GET', `/orders/imports/history-1/rows${query}`, { as: manager })).body;
    const first = await page('?limit=2');
    expect([first.items.map((r: { row: number }) => r.row), first.nextCursor]).toEqual([
      [1, 2],
      '2',
    ]);
    const next = await page(`?limit=2&after=${first.nextCursor}`);
    expect(next.items.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    expect((await page(`?limit=100`)).nextCursor).toBeNull();
    expect(rows.map((r) => [r.row, r.outcome, r.externalId])).toEqual([
      [1, 'accepted', 'ERP-1'],
      [2, 'accepted', 'ERP-1'],
      [3, 'accepted', 'ERP-2'],
      [4, 'rejected', 'ERP-3'],
      [5, 'rejected', 'ERP-4'],
      [6, 'rejected', 'ERP-5'],
    ]);
    expect(rows[3].reasons[0]).toMatchObject({ code: 'UnknownImportedProduct', field: 'sku' });
    expect(rows[4].reasons[0]).toMatchObject({
      code: 'UnknownImportedCustomer',
      field: 'contact_id',
    });
    expect(rows[5].reasons[0]).toMatchObject({ code: 'ImportedOrderDate', field: 'placed_at' });

    const order = await t.request('GET', `/orders/${rows[0].orderId}`, { as: manager });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      source: 'import',
      externalId: 'ERP-1',
      status: 'fulfilled',
      contactId: 'c-ada',
      currency: 'EUR',
      placedAt: '2019-03-04T00:00:00.000Z',
    });
    expect(
      order.body.lines.map((l: { sku: string; unitPriceMinor: number; quantity: number }) => [
        l.sku,
        l.unitPriceMinor,
        l.quantity,
      ]),
    ).toEqual([
      ['WB-11', 89_900, 1],
      ['CABLE-5', 1_990, 2],
    ]);
    // 899.00 + 2 x 19.90 = 938.80, plus 19 % tax.
    expect(order.body.totals).toMatchObject({
      subtotalMinor: 93_880,
      taxMinor: 17_837,
      totalMinor: 111_717,
    });

    const cancelled = await t.request('GET', `/orders/${rows[2].orderId}`, { as: manager });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      placedAt: '2020-01-10T09:30:00.000Z',
    });
    // The transitions keep their original dates too (the read model's updatedAt is the last one).
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const { rows: read } = await db.query<{ updated_at: Date }>(
        `SELECT updated_at FROM sales.orders WHERE order_id = $1`,
        [rows[2].orderId],
      );
      expect(read[0].updated_at.toISOString()).toBe('2020-01-12T00:00:00.000Z');
    } finally {
      await db.end();
    }

    // The purchase history lists them by their original dates.
    const ofAda = await t.request('GET', '/contacts/c-ada/orders', { as: manager });
    expect(ofAda.body.items.map((o: { externalId: string }) => o.externalId)).toEqual(['ERP-1']);
  });

  it('is idempotent per import id and per external id: the same orders again are duplicates', async () => {
    const replay = await upload('history-1', csv, 'text/csv');
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replay']).toBe('true');
    expect(replay.body).toMatchObject({ accepted: 3, rejected: 3 });

    const reused = await upload('history-1', `${csv}\n`, 'text/csv');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ errors: [{ field: 'importId' }] });

    const again = await upload('history-2', csv, 'text/csv');
    expect(again.body).toMatchObject({ accepted: 0, duplicate: 3, conflict: 0, rejected: 3 });
    const orders = await t.request('GET', '/orders?contactId=c-ada', { as: manager });
    expect(orders.body.items).toHaveLength(1);
  });

  it('reports the same external id with other content as a conflict and changes nothing', async () => {
    const changed = csv.replace('1,899.00,fulfilled', '1,799.00,fulfilled');
    const res = await upload('history-3', changed, 'text/csv');
    expect(res.body).toMatchObject({ accepted: 0, duplicate: 1, conflict: 2, rejected: 3 });
    const rows = await rowsOf('history-3', '?outcome=conflict');
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
    expect(rows[0].reasons[0]).toMatchObject({
      code: 'ImportedOrderConflict',
      field: 'external_order_id',
    });
    const order = await t.request('GET', `/orders/${rows[0].orderId}`, { as: manager });
    expect(order.body.lines[0].unitPriceMinor).toBe(89_900);
  });

  it('imports NDJSON and JSON arrays; the same order as JSON is a duplicate of its CSV import', async () => {
    const asJson = {
      externalId: 'ERP-1',
      placedAt: '2019-03-04',
      contactId: 'c-ada',
      currency: 'EUR',
      taxRateBps: 1900,
      status: 'fulfilled',
      statusAt: '2019-03-11T09:00:00Z',
      lines: [
        { sku: 'WB-11', quantity: 1, unitPrice: '899.00' },
        { productId: undefined, sku: 'CABLE-5', quantity: 2, unitPriceMinor: 1990 },
      ],
    };
    const returned = {
      externalId: 'SHOP-7',
      placedAt: '2018-11-30T15:00:00+01:00',
      contactId: 'c-bob',
      currency: 'EUR',
      status: 'returned',
      fulfilledAt: '2018-12-03',
      statusAt: '2018-12-20',
      reason: 'did not fit',
      lines: [{ productId: wallbox, quantity: 1, unitPrice: 950 }],
    };
    const ndjson = [
      JSON.stringify(asJson),
      '{"externalId": "broken"',
      JSON.stringify(returned),
    ].join('\n');
    const res = await upload('json-1', ndjson, 'application/x-ndjson');
    expect(res.body).toMatchObject({ processed: 3, accepted: 1, duplicate: 1, rejected: 1 });
    const rows = await rowsOf('json-1');
    expect(rows[1]).toMatchObject({
      outcome: 'rejected',
      reasons: [{ code: 'MalformedOrderRecord', field: 'body' }],
    });
    const order = await t.request('GET', `/orders/${rows[2].orderId}`, { as: manager });
    expect(order.body).toMatchObject({
      status: 'returned',
      placedAt: '2018-11-30T14:00:00.000Z',
      externalId: 'SHOP-7',
    });

    const array = JSON.stringify([
      { ...returned, externalId: 'SHOP-8' },
      {
        ...returned,
        externalId: 'SHOP-9',
        lines: [{ productId: wallbox, quantity: 0, unitPrice: '1' }],
      },
    ]);
    const streamed = await upload('json-2', array, 'application/x-ndjson');
    expect(streamed.body).toMatchObject({ processed: 2, accepted: 1, rejected: 1 });
    expect((await rowsOf('json-2'))[1].reasons[0]).toMatchObject({ field: 'lines[0].quantity' });
    const parsed = await upload('json-3', array, 'application/json');
    expect(parsed.body).toMatchObject({ processed: 2, duplicate: 1, rejected: 1 });
  });

  it('a dry run decides every order and appends nothing', async () => {
    const file = [
      'external_order_id,placed_at,contact_id,currency,sku,quantity,unit_price',
      'DRY-1,2022-02-02,c-ada,EUR,WB-11,1,10.00',
      'DRY-1,2022-02-02,c-ada,EUR,WB-11,1,10.00',
    ].join('\n');
    const dry = await upload('dry-1', file, 'text/csv', manager, '?dryRun=true');
    expect(dry.body).toMatchObject({ dryRun: true, accepted: 2 });
    const orders = await t.request('GET', '/orders?contactId=c-ada', { as: manager });
    expect(orders.body.items.map((o: { externalId: string }) => o.externalId)).toEqual(['ERP-1']);
    // The id is still free for the real import.
    expect((await upload('dry-1', file, 'text/csv')).body).toMatchObject({
      dryRun: false,
      accepted: 2,
    });
  });

  it("keeps tenants apart: another tenant's contact is unknown, its own imports (positive control)", async () => {
    const file = [
      'external_order_id,placed_at,contact_id,currency,sku,quantity,unit_price',
      'ERP-1,2019-03-04,c-ada,EUR,WB-11,1,899.00',
      'ERP-1,2019-03-04,c-bee,EUR,WB-11,1,899.00',
    ].join('\n');
    // Two orders of one id in one file: the first refused (rows 1-2 are one order), so the
    // second file has the two customers as separate orders instead.
    const separate = file.replace('ERP-1,2019-03-04,c-bee', 'B-1,2019-03-04,c-bee');
    const res = await upload('b-1', separate, 'text/csv', otherTenant);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1 });
    const rows = (await t.request('GET', '/orders/imports/b-1/rows', { as: otherTenant })).body
      .items as {
      outcome: string;
      orderId: string;
      reasons: { field?: string }[];
    }[];
    expect(rows[0]).toMatchObject({ outcome: 'rejected', reasons: [{ field: 'contact_id' }] });
    expect(rows[1].outcome).toBe('accepted');
    // Tenant b's WB-11 is its own product, and its order is invisible to tenant a.
    const own = await t.request('GET', `/orders/${rows[1].orderId}`, { as: otherTenant });
    expect(own.body.lines[0].name).toBe('Wallbox of tenant b');
    expect((await t.request('GET', `/orders/${rows[1].orderId}`, { as: manager })).status).toBe(
      404,
    );
    // Tenant a's import is not tenant b's.
    expect((await t.request('GET', '/orders/imports/history-1', { as: otherTenant })).status).toBe(
      404,
    );
    // The same external id in another tenant is another order, not a duplicate.
    const same = await upload(
      'b-2',
      file.replace('c-ada', 'c-bee').split('\n').slice(0, 2).join('\n'),
      'text/csv',
      otherTenant,
    );
    expect(same.body).toMatchObject({ accepted: 1, duplicate: 0 });
  });

  it('only admins and sales managers import; bad headers and ids are problems naming the field', async () => {
    const rep = await upload('rep-1', csv, 'text/csv', { roles: ['sales-rep'], sub: 'rep' });
    expect(rep.status).toBe(403);
    const header = await upload(
      'bad-header',
      'external_order_id,placed_at\nX,2020-01-01',
      'text/csv',
    );
    expect(header.status).toBe(422);
    expect(header.body.errors[0].field).toBe('header');
    const badId = await upload('bad id!', csv, 'text/csv');
    expect(badId.status).toBe(400);
    const xml = await upload('xml-1', '<orders/>', 'application/xml');
    expect(xml.status).toBe(415);
    const unknown = await t.request('GET', '/orders/imports/nope', { as: manager });
    expect(unknown.status).toBe(404);
  });
});
