/**
 * Uploads a CSV file to the contacts import API as a stream, with a progress bar (bytes sent and
 * rows processed, polled from GET /contacts/imports/{id}), then prints the report.
 *
 *   node -r @swc-node/register services/contacts/src/cli/import-csv.ts contacts.csv \
 *     [--url http://127.0.0.1:3001] [--token $TOKEN | env CRM_TOKEN] [--import-id id] [--dry-run]
 */
import { parseImportCliArgs } from '@crm/platform';
import { SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { Transform } from 'node:stream';

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
  const size = (await stat(file)).size;
  const bar = new SingleBar({
    format:
      'import [{bar}] {percentage}% | {value}/{total} bytes | {rows} rows, {rejected} rejected',
    stream: io.stdout,
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  bar.start(size, 0, { rows: 0, rejected: 0 });
  const headers = { authorization: `Bearer ${token}` };
  // A dry run is an import of its own under the same id: every URL names which one.
  const dryRun = args.dryRun ? '?dryRun=true' : '';
  const poller = setInterval(() => {
    void getJson(
      new URL(`/contacts/imports/${encodeURIComponent(importId)}${dryRun}`, base),
      headers,
    )
      .then(({ body }) =>
        bar.update({
          rows: (body as { processed?: number }).processed ?? 0,
          rejected: (body as { rejected?: number }).rejected ?? 0,
        }),
      )
      .catch(() => undefined);
  }, 1_000);
  try {
    let sent = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sent += chunk.length;
        bar.update(sent);
        callback(null, chunk);
      },
    });
    const url = new URL(`/contacts/imports/${encodeURIComponent(importId)}${dryRun}`, base);
    const response = await upload(
      url,
      { ...headers, 'content-type': 'text/csv' },
      createReadStream(file).pipe(counter),
    );
    const report = response.body as Record<string, unknown>;
    bar.update(size, { rows: report.processed ?? 0, rejected: report.rejected ?? 0 });
    bar.stop();
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (response.status >= 400) return 1;
    if (Number(report.rejected) > 0)
      io.stdout.write(
        `rejected rows: GET ${new URL(`/contacts/imports/${importId}/rows?outcome=rejected${dryRun && '&dryRun=true'}`, base)}\n`,
      );
    return 0;
  } catch (error) {
    bar.stop();
    io.stderr.write(`import failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    clearInterval(poller);
  }
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: NodeJS.ReadableStream,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: { raw: text } });
          }
        });
      },
    );
    req.on('error', reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

const upload = (url: URL, headers: Record<string, string>, body: NodeJS.ReadableStream) =>
  send(url, 'PUT', headers, body);
const getJson = (url: URL, headers: Record<string, string>) => send(url, 'GET', headers);

if (require.main === module)
  void runImportCli(process.argv.slice(2)).then((code) => process.exit(code));
