/**
 * Relay parked-events CLI: lists the events a relay parked (invalid mapping, or held behind one
 * of their stream) and retries them once the mapper is fixed:
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/messaging/src/cli/relay-parked.ts \
 *     --relay contacts --registry services/contacts/src/projections.registry.ts \
 *     --mapper services/contacts/src/integration/contacts-integration.mapper.ts#contactsIntegrationMapper \
 *     list | retry (--all | <event-id>...)
 *
 * The registry module is the projections' one: its `openStore` decorates the log exactly as the
 * service does (crypto-shredding, upcasters), which is what the relay reads. The transport comes
 * from the environment as in the services (KAFKA_BROKERS, else the embedded log; within
 * MESSAGING_NAMESPACE). A retry may run while the service runs (retry-relay-parked.ts says why it
 * cannot race the relay).
 */
import { parseArgs } from 'node:util';
import { parkedListColumns } from '@crm/event-sourcing';
import type { RebuildCliRegistry } from '@crm/event-sourcing/cli';
import { Pool } from 'pg';
import { createTransport } from '../create-transport';
import { loadExport } from './load-export';
import { messagingConfigFromEnv } from '../messaging-config';
import { DEFAULT_MESSAGING_SCHEMA } from '../messaging-schema';
import { namespacedTransport } from '../nest/namespaced-transport';
import type { IntegrationEventMapper } from '../relay/integration-event-mapper';
import { RelayParkedEvents } from '../relay/relay-parked-events';
import { retryRelayParkedEvents } from '../relay/retry-relay-parked';
import type { MessageTransport } from '../transport/message-transport';

const USAGE = `usage: relay-parked --relay <name> --registry <module.ts> --mapper <module.ts>#<export>
              [--database-url <url>] (list | retry (--all | <event-id>...))`;

export interface RelayParkedCliContext {
  readonly relay: string;
  readonly mapper: IntegrationEventMapper;
  /** The store the relay reads, decorated as the service decorates it. */
  readonly openStore: RebuildCliRegistry['openStore'];
  /** Default `/crm/<relay>`, as MessagingModule names it. */
  readonly source?: string;
  /** Default: from the environment, within MESSAGING_NAMESPACE. */
  readonly transport?: () => MessageTransport;
  readonly schema?: string;
  /** Topic actually written for a published topic (tests isolate runs), as RelayOptions. */
  readonly topicName?: (publishedTopic: string) => string;
}

/** Returns the process exit code: 0 done, 1 something still fails, 2 usage. */
export async function runRelayParkedCli(
  context: RelayParkedCliContext,
  argv: readonly string[] = process.argv.slice(2),
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      relay: { type: 'string' },
      registry: { type: 'string' },
      mapper: { type: 'string' },
      'database-url': { type: 'string' },
      all: { type: 'boolean' },
    },
  });
  const [command, ...eventIds] = positionals;
  const usage = (problem: string) => (process.stderr.write(`${problem}\n${USAGE}\n`), 2);
  if (command !== 'list' && command !== 'retry') return usage(`unknown command: ${command ?? ''}`);
  if (command === 'retry' && !values.all && !eventIds.length)
    return usage('retry needs --all or event ids');
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) return usage('DATABASE_URL (or --database-url) is required');

  const { relay } = context;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const parked = new RelayParkedEvents(pool, context.schema ?? DEFAULT_MESSAGING_SCHEMA);
    const listed = await parked.list(relay, { eventIds: eventIds.length ? eventIds : undefined });
    if (command === 'list') {
      if (!listed.length) out('no parked events');
      for (const e of listed) {
        out(
          [
            e.relay,
            ...parkedListColumns(e),
            e.blockedBy ? `behind ${e.blockedBy}` : e.errorMessage,
          ].join('  '),
        );
      }
      return 0;
    }

    const missing = eventIds.filter((id) => !listed.some((e) => e.eventId === id));
    for (const id of missing) out(`not parked: ${id}`);
    if (!listed.length) {
      if (!missing.length) out('no parked events');
      return missing.length ? 1 : 0;
    }
    const opened = await context.openStore(pool);
    const transport = context.transport?.() ?? transportFromEnv();
    let failed = missing.length > 0;
    try {
      const results = await retryRelayParkedEvents({
        pool,
        store: opened.store,
        transport,
        relay,
        source: context.source ?? `/crm/${relay}`,
        mapper: context.mapper,
        schema: context.schema,
        topicName: context.topicName,
        eventIds: eventIds.length ? eventIds : undefined,
      });
      for (const r of results) {
        const stream = `${relay} ${r.tenant}/${r.streamId}`;
        if (r.ok) out(`published ${stream}: ${r.eventIds.length} event(s), no longer held`);
        else out(`still held ${stream}: ${r.error}`);
        failed ||= !r.ok;
      }
    } finally {
      await transport.close();
      await opened.close?.();
    }
    return failed ? 1 : 0;
  } catch (error) {
    process.stderr.write(`relay-parked ${command} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

function transportFromEnv(): MessageTransport {
  const config = messagingConfigFromEnv();
  return namespacedTransport(
    createTransport(config, { clientId: 'crm-relay-parked' }),
    config.namespace,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: false,
    options: {
      relay: { type: 'string' },
      registry: { type: 'string' },
      mapper: { type: 'string' },
    },
  });
  let context: RelayParkedCliContext;
  try {
    if (typeof values.relay !== 'string') throw new Error('--relay <name> is required');
    const registry = loadExport<RebuildCliRegistry>(
      values.registry as string | undefined,
      'registry',
      'projectionRegistry',
    );
    context = {
      relay: values.relay,
      openStore: (pool) => registry.openStore(pool),
      mapper: loadExport<IntegrationEventMapper>(values.mapper as string | undefined, 'mapper'),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.exit(await runRelayParkedCli(context));
}

if (require.main === module) void main();
