/**
 * The import CLI against the real service over a real socket, with a generated file large enough
 * to exercise streaming (several parser chunks, several report batches).
 */
import { mintDevToken } from '@crm/platform';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';
import { runImportCli } from './import-csv';

const ROWS = Number(process.env.CONTACTS_IMPORT_TEST_ROWS ?? 1_500);

describe('import CLI (e2e over HTTP)', () => {
  let t: ContactsTestApp;
  let dir: string;
  let url: string;
  beforeAll(async () => {
    t = await startContactsTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'contacts-import-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    `imports ${ROWS} rows with a progress bar and reports rejected rows`,
    async () => {
      const lines = ['email,given_name,family_name,lifecycle_stage,tags'];
      for (let i = 1; i <= ROWS; i++)
        lines.push(
          i % 500 === 0
            ? `broken-${i},Bad,Row,,`
            : `person${i}@bulk.example,Person,Number ${i},lead,bulk;batch-${i % 7}`,
        );
      const file = path.join(dir, 'bulk.csv');
      await writeFile(file, lines.join('\n'));
      const token = await mintDevToken({
        tenant: 'tenant-a',
        roles: ['admin'],
        sub: 'importer',
        secret: 'contacts-e2e-secret-0123456789abcdef-xyz',
      });
      const stdout = new PassThrough();
      let printed = '';
      stdout.on('data', (c: Buffer) => (printed += c.toString()));

      const code = await runImportCli(
        [file, '--url', url, '--token', token, '--import-id', 'bulk-1'],
        { stdout, stderr: process.stderr, env: {} },
      );
      expect(code).toBe(0);
      const rejected = Math.floor(ROWS / 500);
      expect(printed).toContain('import [');
      const report = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
      expect(report).toMatchObject({
        status: 'completed',
        processed: ROWS,
        created: ROWS - rejected,
        rejected,
      });
      expect((await t.call({ url: '/contacts?tag=bulk&limit=1' })).json().items).toHaveLength(1);
      process.stdout.write(
        `[contacts import] ${ROWS} rows in ${report.finishedAt ? Date.parse(report.finishedAt) - Date.parse(report.startedAt) : '?'} ms\n`,
      );
    },
    Math.max(60_000, ROWS * 50),
  );
});
