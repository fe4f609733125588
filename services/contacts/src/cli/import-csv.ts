/**
 * Uploads a CSV file to the contacts import API as a stream, with a progress bar of rows
 * processed of rows in the file (counted first, the way the server parses them), their rate and
 * the time left, polled from GET /contacts/imports/{id}; then prints the report. Bytes sent say
 * nothing: the upload is done long before the server has processed the rows.
 *
 *   node -r @swc-node/register services/contacts/src/cli/import-csv.ts contacts.csv \
 *     [--url http://127.0.0.1:3001] [--token $TOKEN | env CRM_TOKEN] [--import-id id] [--dry-run]
 */
import { countRecords, parseImportCliArgs, uploadWithProgress } from '@crm/platform';
import path from 'node:path';

const USAGE =
  'usage: import-csv <file.csv> [--url http://127.0.0.1:3001] [--token <jwt>] [--import-id <id>] [--dry-run]';

export interface ImportCliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Returns the process exit code: 0 done, 1 failed, 2 usage. */
export async function runImportCli(
  argv: readonly string[],
  io: ImportCliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const args = parseImportCliArgs(argv, io.env, {
    defaultUrl: 'http://127.0.0.1:3001',
    fileRequired: 'a CSV file is required',
  });
  if ('usageError' in args) {
    io.stderr.write(`${args.usageError}\n${USAGE}\n`);
    return 2;
  }
  const { file, token } = args;
  const base = new URL(args.url);
  const importId =
    args.importId ??
    `${path.basename(file, path.extname(file)).replace(/[^A-Za-z0-9._-]/g, '-')}-${Date.now()}`;
  // A dry run is an import of its own under the same id: every URL names which one.
  const dryRun = args.dryRun ? '?dryRun=true' : '';
  const importUrl = new URL(`/contacts/imports/${encodeURIComponent(importId)}${dryRun}`, base);
  try {
    const expectedRows = await countRecords(file, 'csv');
    const response = await uploadWithProgress({
      file,
      url: importUrl,
      statusUrl: importUrl,
      headers: { authorization: `Bearer ${token}` },
      contentType: 'text/csv',
      expectedRows,
      label: 'import',
      rejectedOf: (s) => Number(s.rejected ?? 0),
      stdout: io.stdout,
    });
    const report = response.body as Record<string, unknown>;
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (response.status >= 400) return 1;
    if (Number(report.rejected) > 0)
      io.stdout.write(
        `rejected rows: GET ${new URL(`/contacts/imports/${importId}/rows?outcome=rejected${dryRun && '&dryRun=true'}`, base)}\n`,
      );
    return 0;
  } catch (error) {
    io.stderr.write(`import failed: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module)
  void runImportCli(process.argv.slice(2)).then((code) => process.exit(code));
