/**
 * The import CLIs' upload: streams a file to an import endpoint and shows a bar of rows
 * processed of rows expected, with the rate and the time left, from the import's own progress
 * (GET of the import, polled), not bytes sent: the server is what takes the time.
 */
import { SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

export function sendHttp(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: NodeJS.ReadableStream,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
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

/** Rows per second over the whole run and the seconds left at that pace ('?' before any row). */
export function rowRate(
  processed: number,
  expected: number,
  elapsedMs: number,
): { rate: number; etaSeconds: number | undefined } {
  const rate = elapsedMs > 0 ? (processed * 1000) / elapsedMs : 0;
  const left = Math.max(0, expected - processed);
  return { rate, etaSeconds: rate > 0 ? left / rate : undefined };
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export interface UploadWithProgress {
  readonly file: string;
  /** Where the file goes (PUT). */
  readonly url: URL;
  /** The import's GET: answers `{ processed, ... }` while it runs. */
  readonly statusUrl: URL;
  readonly headers: Record<string, string>;
  readonly contentType: string;
  readonly expectedRows: number;
  /** A word or two before the bar ("orders"), and a counter the bar shows beside the rows. */
  readonly label: string;
  readonly rejectedOf: (status: Record<string, unknown>) => number;
  readonly stdout: NodeJS.WritableStream;
  readonly pollEveryMs?: number;
  /** Elapsed time (a rate, not business time): performance.now by default. */
  readonly elapsedMs?: () => number;
}

export async function uploadWithProgress(options: UploadWithProgress): Promise<HttpAnswer> {
  const elapsed = options.elapsedMs ?? (() => performance.now());
  const startedAt = elapsed();
  const bar = new SingleBar({
    format: `${options.label} [{bar}] {value}/{total} rows | {rate} rows/s | ETA {left} | {rejected} rejected`,
    stream: options.stdout,
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  const show = (processed: number, rejected: number) => {
    const { rate, etaSeconds } = rowRate(processed, options.expectedRows, elapsed() - startedAt);
    bar.update(Math.min(processed, options.expectedRows), {
      rate: rate.toFixed(0),
      // Not `eta`: cli-progress fills that token itself, from its own (bytes-era) estimate.
      left: formatDuration(etaSeconds),
      rejected,
    });
  };
  bar.start(options.expectedRows, 0, { rate: '0', left: '?', rejected: 0 });
  const poller = setInterval(() => {
    void sendHttp(options.statusUrl, 'GET', options.headers)
      .then(({ status, body }) => {
        if (status !== 200) return;
        const b = body as Record<string, unknown>;
        show(Number(b.processed ?? 0), options.rejectedOf(b));
      })
      .catch(() => undefined);
  }, options.pollEveryMs ?? 500);
  try {
    const answer = await sendHttp(
      options.url,
      'PUT',
      { ...options.headers, 'content-type': options.contentType },
      createReadStream(options.file),
    );
    const b = answer.body as Record<string, unknown>;
    if (answer.status < 400) show(Number(b.processed ?? 0), options.rejectedOf(b));
    return answer;
  } finally {
    clearInterval(poller);
    bar.stop();
  }
}
