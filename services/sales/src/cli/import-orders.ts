/**
 * Uploads an order history file (CSV, NDJSON or a JSON array) to the sales import API as a
 * stream, with a progress bar of rows processed of rows in the file (counted first, the way the
 * server reads them), their rate and the time left, then prints the report.
 *
 *   npm run sales:import-orders -- orders.csv [--url http://127.0.0.1:3002] \
 *     [--token $TOKEN | env CRM_TOKEN] [--import-id id] [--dry-run]
 */
import {
  countRecords,
  formatOfFile,
  parseImportCliArgs,
  uploadWithProgress,
  type BulkFileFormat,
} from '@crm/platform';
import path from 'node:path';

const USAGE =
  'usage: import-orders <orders.csv|.json|.ndjson> [--url http://127.0.0.1:3002] [--token <jwt>] [--import-id <id>] [--dry-run]';

export interface ImportOrdersIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

const CONTENT_TYPE: Record<BulkFileFormat, string> = {
  csv: 'text/csv',
  // Streamed by the server whether the file is NDJSON or one JSON array.
  json: 'application/x-ndjson',
};

/** Returns the process exit code: 0 done, 1 failed, 2 usage. */
export async function runImportOrdersCli(
  argv: readonly string[],
  io: ImportOrdersIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const args = parseImportCliArgs(argv, io.env, {
    defaultUrl: 'http://127.0.0.1:3002',
    fileRequired: 'a file is required',
  });
  if ('usageError' in args) {
    io.stderr.write(`${args.usageError}\n${USAGE}\n`);
    return 2;
  }
  const { file, token } = args;
  let format: BulkFileFormat;
  try {
    format = formatOfFile(file);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const base = new URL(args.url);
  // The default id is the file's name: the same file again replays its report.
  const importId =
    args.importId ??
    path
      .basename(file)
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .slice(0, 100);
  const dryRun = args.dryRun ? '?dryRun=true' : '';
  const at = (suffix = '') =>
    new URL(`/orders/imports/${encodeURIComponent(importId)}${suffix}${dryRun}`, base);
  try {
    const expectedRows = await countRecords(file, format);
    const answer = await uploadWithProgress({
      file,
      url: at(),
      statusUrl: at(),
      headers: { authorization: `Bearer ${token}` },
      contentType: CONTENT_TYPE[format],
      expectedRows,
      label: 'orders',
      rejectedOf: (s) => Number(s.rejected ?? 0) + Number(s.conflict ?? 0),
      stdout: io.stdout,
    });
    const report = answer.body as Record<string, unknown>;
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (answer.status >= 400) return 1;
    if (Number(report.rejected) > 0 || Number(report.conflict) > 0)
      io.stdout.write(
        `rows not imported: GET ${new URL(`/orders/imports/${encodeURIComponent(importId)}/rows?outcome=rejected${dryRun && '&dryRun=true'}`, base)} (and outcome=conflict)\n`,
      );
    return 0;
  } catch (error) {
    io.stderr.write(`import failed: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module)
  void runImportOrdersCli(process.argv.slice(2)).then((code) => process.exit(code));
