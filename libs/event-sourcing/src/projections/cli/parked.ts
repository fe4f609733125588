/**
 * Parked-events CLI: lists the events projections parked and retries them once the cause is
 * fixed. Same registry module as the rebuild CLI (see rebuild.ts):
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/event-sourcing/src/projections/cli/parked.ts \
 *     --registry services/contacts/src/projections.registry.ts list [--projection <name>]
 *   ... retry --all | --projection <name> | <event-id>...
 *
 * A retry may run while the service runs (retry-parked.ts says why it cannot race the runner).
 */
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { ParkedEvents, parkedListColumns } from '../parked-events';
import { retryParkedEvents } from '../retry-parked';
import { registryFromArgs } from './load-registry';
import type { RebuildCliRegistry } from './rebuild';

const USAGE = `usage: parked [--registry <module.ts>] [--database-url <url>] list [--projection <name>]
       parked [--registry <module.ts>] [--database-url <url>] retry (--all | --projection <name> | <event-id>...)`;

/** Returns the process exit code: 0 done, 1 something still fails, 2 usage. */
export async function runParkedCli(
  registry: RebuildCliRegistry,
  argv: readonly string[] = process.argv.slice(2),
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      registry: { type: 'string' },
      'database-url': { type: 'string' },
      projection: { type: 'string' },
      all: { type: 'boolean' },
    },
  });
  const [command, ...eventIds] = positionals;
  const usage = (problem: string) => (process.stderr.write(`${problem}\n${USAGE}\n`), 2);
  if (command !== 'list' && command !== 'retry') return usage(`unknown command: ${command ?? ''}`);
  if (values.projection && !registry.projections.some((p) => p.name === values.projection))
    return usage(`unknown projection: ${values.projection}`);
  if (command === 'retry' && !values.all && !values.projection && !eventIds.length)
    return usage('retry needs --all, --projection <name> or event ids');
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) return usage('DATABASE_URL (or --database-url) is required');

  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const parked = new ParkedEvents(pool, registry.schema);
    const names = new Set(registry.projections.map((p) => p.name));
    const listed = (
      await parked.list({
        projection: values.projection,
        eventIds: eventIds.length ? eventIds : undefined,
      })
    ).filter((e) => names.has(e.projection));
    if (command === 'list') {
      if (!listed.length) out('no parked events');
      for (const e of listed) {
        out(
          [
            e.projection,
            ...parkedListColumns(e),
            e.blockedBy ? `behind ${e.blockedBy}` : `${e.sqlState ?? '-'} ${e.errorMessage}`,
          ].join('  '),
        );
      }
      return 0;
    }

    const missing = eventIds.filter((id) => !listed.some((e) => e.eventId === id));
    for (const id of missing) out(`not parked: ${id}`);
    const opened = await registry.openStore(pool);
    let failed = missing.length > 0;
    try {
      for (const projection of registry.projections) {
        if (!listed.some((e) => e.projection === projection.name)) continue;
        const results = await retryParkedEvents({
          pool,
          store: opened.store,
          projection,
          schema: registry.schema,
          eventIds: eventIds.length ? eventIds : undefined,
        });
        for (const r of results) {
          const stream = `${projection.name} ${r.tenant}/${r.streamId}`;
          if (r.ok) out(`applied ${stream}: ${r.eventIds.length} event(s), no longer stale`);
          else out(`still failing ${stream}: ${r.error}`);
          failed ||= !r.ok;
        }
      }
    } finally {
      await opened.close?.();
    }
    if (!listed.length && !missing.length) out('no parked events');
    return failed ? 1 : 0;
  } catch (error) {
    process.stderr.write(`parked ${command} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  process.exit(await runParkedCli(registryFromArgs(process.argv.slice(2), USAGE)));
}

if (require.main === module) void main();
