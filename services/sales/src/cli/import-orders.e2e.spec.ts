/**
 * The order import CLI against the real service over a real socket, with a seeded random
 * history of a few thousand rows (CSV, then the same orders as NDJSON: all duplicates). Prints
 * the rows per second the service imported.
 */
import { ManualClock, mintDevToken } from '@crm/platform';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { feedContacts } from '../testing/contacts-feed';
import {
  SALES_TEST_JWT_SECRET,
  startSalesTestApp,
  type SalesTestApp,
} from '../testing/sales-test-app';
import {
  csvRowsOf,
  orderHistory,
  orderHistoryCsv,
  orderHistoryNdjson,
} from '../orders/import/order-history-fixture';
import { runImportOrdersCli } from './import-orders';

const ORDERS = Number(process.env.SALES_IMPORT_TEST_ORDERS ?? 1_200);
const clock = new ManualClock('2026-06-15T12:00:00Z');
const contactIds = Array.from({ length: 50 }, (_, i) => `hist-c-${i}`);
const skus = ['HIST-A', 'HIST-B', 'HIST-C', 'HIST-D'];

describe('import-orders CLI (e2e over HTTP)', () => {
  let t: SalesTestApp;
  let dir: string;
  let url: string;
  let token: string;
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'sales-import-'));
    await feedContacts(t, { contacts: contactIds.map((contactId) => ({ contactId })) });
    const manager = { roles: ['sales-manager' as const], sub: 'boss' };
    for (const sku of skus)
      expect(
        (await t.request('POST', '/products', { as: manager, body: { sku, name: sku } })).status,
      ).toBe(201);
    token = await mintDevToken({
      tenant: 'tenant-a',
      roles: ['admin'],
      sub: 'importer',
      secret: SALES_TEST_JWT_SECRET,
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(file: string, importId: string) {
    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (c: Buffer) => (printed += c.toString()));
    const code = await runImportOrdersCli(
      [file, '--url', url, '--token', token, '--import-id', importId],
      {
        stdout,
        stderr: process.stderr,
        env: {},
      },
    );
    const report = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
    return { code, printed, report };
  }

  it(
    `imports ${ORDERS} seeded orders as CSV with a row progress bar, then as NDJSON: all duplicates`,
    async () => {
      const orders = orderHistory({
        seed: 42,
        orders: ORDERS,
        contactIds,
        skus,
        until: clock.now().toISOString(),
      });
      const rows = csvRowsOf(orders);
      const csvFile = path.join(dir, 'history.csv');
      await writeFile(csvFile, orderHistoryCsv(orders));

      // Elapsed wall time: the app's clock is pinned, so the report's times do not move.
      const csvStarted = performance.now();
      const csv = await run(csvFile, 'hist-csv');
      const csvMs = performance.now() - csvStarted;
      expect(csv.code).toBe(0);
      expect(csv.printed).toMatch(
        new RegExp(`orders \\[.*\\] ${rows}/${rows} rows \\| \\d+ rows/s`),
      );
      expect(csv.report).toMatchObject({
        status: 'completed',
        processed: rows,
        accepted: rows,
        rejected: 0,
      });

      const jsonFile = path.join(dir, 'history.ndjson');
      await writeFile(jsonFile, orderHistoryNdjson(orders));
      const started = performance.now();
      const json = await run(jsonFile, 'hist-json');
      const jsonMs = performance.now() - started;
      expect(json.report).toMatchObject({ processed: ORDERS, duplicate: ORDERS, accepted: 0 });

      const ofContact = await t.request('GET', `/contacts/${contactIds[0]}/orders?limit=100`, {
        as: { roles: ['sales-manager'], sub: 'boss' },
      });
      expect(ofContact.body.items.length).toBe(
        orders.filter((o) => o.contactId === contactIds[0]).length,
      );
      process.stdout.write(
        `[sales order import] CSV ${rows} rows (${ORDERS} orders) in ${csvMs.toFixed(0)} ms = ` +
          `${((rows * 1000) / csvMs).toFixed(0)} rows/s (${((ORDERS * 1000) / csvMs).toFixed(0)} orders/s); ` +
          `NDJSON re-import of ${ORDERS} orders (duplicates) in ${jsonMs.toFixed(0)} ms = ` +
          `${((ORDERS * 1000) / jsonMs).toFixed(0)} orders/s\n`,
      );
    },
    Math.max(120_000, ORDERS * 100),
  );
});
