/**
 * Rebuild CLI with a progress bar. A service exposes its projections as a registry module:
 *
 *   // services/contacts/src/projections.registry.ts
 *   export const projectionRegistry: RebuildCliRegistry = {
 *     schema: 'contacts',
 *     projections: [contactListProjection, timelineProjection],
 *     openStore: async (pool) => { const pg = await PostgresEventStore.open(pool, { schema: 'contacts' });
 *       return { store: withCryptoShredding(pg, keys, spec), logHead: postgresLogHead(pg) }; },
 *   };
 *
 * and runs
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/event-sourcing/src/projections/cli/rebuild.ts \
 *     --registry services/contacts/src/projections.registry.ts contacts.contact_list   (or --all, --list)
 *
 * or calls runRebuildCli(projectionRegistry) from its own script.
 */
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import type { EventStore } from '../../event-store';
import type { LogHead } from '../log-head';
import type { Projection } from '../projection';
import { rebuildProjection } from '../rebuild-projection';
import { registryFromArgs } from './load-registry';

export interface RebuildCliRegistry {
  readonly projections: readonly Projection[];
  /** Schema of the service's projection_checkpoints table. */
  readonly schema?: string;
  /** The store to replay from, decorated exactly like the service's runners use it. */
  openStore(
    pool: Pool,
  ): Promise<{ store: EventStore; logHead?: LogHead; close?: () => Promise<void> }>;
}

const USAGE = `usage: rebuild [--registry <module.ts>] [--database-url <url>] [--batch-size <n>]
               [--lock-timeout-ms <n>] (--all | --list | <projection-name>...)`;

/** Returns the process exit code. */
export async function runRebuildCli(
  registry: RebuildCliRegistry,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      registry: { type: 'string' },
      'database-url': { type: 'string' },
      'batch-size': { type: 'string' },
      'lock-timeout-ms': { type: 'string' },
      all: { type: 'boolean' },
      list: { type: 'boolean' },
    },
  });
  if (values.list) {
    for (const p of registry.projections)
      process.stdout.write(`${p.name} (version ${p.version})\n`);
    return 0;
  }
  const unknown = positionals.filter((name) => !registry.projections.some((p) => p.name === name));
  if (unknown.length || (!values.all && positionals.length === 0)) {
    process.stderr.write(
      `${unknown.length ? `unknown projection(s): ${unknown.join(', ')}\n` : ''}${USAGE}\n`,
    );
    return 2;
  }
  const selected = values.all
    ? registry.projections
    : registry.projections.filter((p) => positionals.includes(p.name));
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('DATABASE_URL (or --database-url) is required\n');
    return 2;
  }

  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const opened = await registry.openStore(pool);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    for (const projection of selected) {
      const bar = new SingleBar({
        format: `${projection.name} [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | ETA {eta}`,
        noTTYOutput: true,
        notTTYSchedule: 5_000,
        hideCursor: true,
        stream: process.stdout,
      });
      bar.start(0, 0, { rate: '-', eta: '-' });
      const result = await rebuildProjection({
        pool,
        store: opened.store,
        logHead: opened.logHead,
        projection,
        schema: registry.schema,
        batchSize: numberOption(values['batch-size'], 1_000),
        lockTimeoutMs: numberOption(values['lock-timeout-ms'], 30_000),
        signal: abort.signal,
        onProgress: (p) => {
          bar.setTotal(p.total);
          bar.update(p.done, {
            rate: Math.round(p.eventsPerSecond).toString(),
            eta: p.etaSeconds === null ? '-' : formatSeconds(p.etaSeconds),
          });
        },
      }).finally(() => bar.stop());
      if (abort.signal.aborted) {
        process.stderr.write(
          `${projection.name}: interrupted; it stays 'rebuilding' and its runner resumes it\n`,
        );
        return 130;
      }
      process.stdout.write(
        `${projection.name}: ${result.events} events in ${result.seconds.toFixed(1)} s\n`,
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`rebuild failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    await opened.close?.();
    await pool.end();
  }
}

function numberOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`expected a positive integer, got "${value}"`);
  return n;
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60
    ? `${s}s`
    : s < 3600
      ? `${Math.floor(s / 60)}m${s % 60}s`
      : `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}

async function main(): Promise<void> {
  process.exit(await runRebuildCli(registryFromArgs(process.argv.slice(2), USAGE)));
}

if (require.main === module) void main();
