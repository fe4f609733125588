/**
 * Republish-state CLI: (re)publishes the current state of every aggregate of a service from its
 * event store on the state topics, with progress (see state/republish-state.ts for when):
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/messaging/src/cli/republish-state.ts \
 *     --service contacts --registry services/contacts/src/projections.registry.ts \
 *     --sources services/contacts/src/integration/contacts-state.ts#contactsStateSources \
 *     [--tenant <id>] [--aggregate <contact|state type>]...
 *
 * The registry's `openStore` decorates the log as the service does (crypto-shredding: an erased
 * person loads as a tombstone). Transport from the environment as in the services (KAFKA_BROKERS,
 * else the embedded log; within MESSAGING_NAMESPACE); the state topics are provisioned first.
 * Exit 0 all published, 1 some subject could not be (listed), 2 usage.
 */
import { parseArgs } from 'node:util';
import { findStateTopic, type StateTopicDefinition } from '@crm/contracts';
import type { RebuildCliRegistry } from '@crm/event-sourcing/cli';
import { Pool } from 'pg';
import { createTransport } from '../create-transport';
import { loadExport } from './load-export';
import { messagingConfigFromEnv, stateTopicSpecs, type MessagingConfig } from '../messaging-config';
import { namespacedTransport } from '../nest/namespaced-transport';
import { republishState } from '../state/republish-state';
import type { StateSource } from '../state/state-source';
import type { MessageTransport } from '../transport/message-transport';

const USAGE = `usage: republish-state --service <name> --registry <module.ts> --sources <module.ts>#<export>
              [--database-url <url>] [--tenant <id>] [--aggregate <kind or state type>]...`;

export interface RepublishStateCliContext {
  readonly service: string;
  readonly sources: readonly StateSource[];
  /** Default: the contracts' STATE_TOPICS (tests pass their own). */
  readonly stateTopics?: readonly StateTopicDefinition[];
  readonly openStore: RebuildCliRegistry['openStore'];
  /** Default: from the environment, within MESSAGING_NAMESPACE. */
  readonly transport?: () => MessageTransport;
  readonly config?: MessagingConfig;
  readonly topicName?: (publishedTopic: string) => string;
}

/** Returns the process exit code. */
export async function runRepublishStateCli(
  context: RepublishStateCliContext,
  argv: readonly string[] = process.argv.slice(2),
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      service: { type: 'string' },
      registry: { type: 'string' },
      sources: { type: 'string' },
      'database-url': { type: 'string' },
      tenant: { type: 'string' },
      aggregate: { type: 'string', multiple: true },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write(`DATABASE_URL (or --database-url) is required\n${USAGE}\n`);
    return 2;
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const config = context.config ?? messagingConfigFromEnv();
  const transport =
    context.transport?.() ??
    namespacedTransport(
      createTransport(config, { clientId: `crm-${context.service}-republish-state` }),
      config.namespace,
    );
  try {
    const lookup = (type: string) =>
      context.stateTopics ? context.stateTopics.find((d) => d.type === type) : findStateTopic(type);
    const topics = context.sources.map((s) => lookup(s.stateType)?.topic ?? s.stateType);
    const names = context.topicName ?? ((topic: string) => topic);
    await transport.provision(stateTopicSpecs(topics.map(names), config));
    const opened = await context.openStore(pool);
    try {
      const result = await republishState({
        store: opened.store,
        transport,
        sources: context.sources,
        stateTopics: context.stateTopics,
        source: `/crm/${context.service}`,
        tenant: values.tenant,
        aggregates: values.aggregate,
        topicName: context.topicName,
        progress: (p) =>
          out(
            p.phase === 'scanned'
              ? `scanned the log: ${p.done} subjects so far`
              : `published ${p.done}/${p.total} (${Math.round((100 * p.done) / Math.max(p.total, 1))}%), ${p.ratePerSecond}/s, ${p.tombstones} tombstones, ${p.invalid.length} invalid`,
          ),
      });
      for (const i of result.invalid)
        out(`not published ${i.stateType} ${i.tenant}/${i.subject}: ${i.problem}`);
      out(
        `done: ${result.values} states and ${result.tombstones} tombstones of ${result.total} subjects${values.tenant ? ` of tenant ${values.tenant}` : ''}`,
      );
      return result.invalid.length ? 1 : 0;
    } finally {
      await opened.close?.();
    }
  } catch (error) {
    process.stderr.write(`republish-state failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await transport.close();
    await pool.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: false,
    options: {
      service: { type: 'string' },
      registry: { type: 'string' },
      sources: { type: 'string' },
    },
  });
  let context: RepublishStateCliContext;
  try {
    if (typeof values.service !== 'string') throw new Error('--service <name> is required');
    const registry = loadExport<RebuildCliRegistry>(
      values.registry as string | undefined,
      'registry',
      'projectionRegistry',
    );
    context = {
      service: values.service,
      openStore: (pool) => registry.openStore(pool),
      sources: loadExport<StateSource[]>(values.sources as string | undefined, 'sources'),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.exit(await runRepublishStateCli(context));
}

if (require.main === module) void main();
