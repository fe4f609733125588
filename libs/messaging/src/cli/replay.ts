/**
 * Replay CLI. Stop the consumer's instances first (Kafka refuses to move offsets of an active
 * group), then:
 *   node -r @swc-node/register libs/messaging/src/cli/replay.ts \
 *     --consumer sales --topic crm.contacts.v1 --from 2026-11-01T00:00:00Z [--reprocess]
 * Transport from the environment as in the services (KAFKA_BROKERS, else the embedded log in
 * MESSAGING_DATABASE_URL/DATABASE_URL, within MESSAGING_NAMESPACE); --reprocess also needs
 * DATABASE_URL (the consumer's DB). Consumer and topic are the plain names, as in the inbox.
 */
import { Pool } from 'pg';
import { createTransport } from '../create-transport';
import { messagingConfigFromEnv } from '../messaging-config';
import { namespacedTransport } from '../nest/namespaced-transport';
import { parseReplayArguments, replay } from '../replay';

async function main(): Promise<number> {
  let args;
  try {
    args = parseReplayArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const config = messagingConfigFromEnv();
  const transport = namespacedTransport(
    createTransport(config, { clientId: 'crm-replay' }),
    config.namespace,
  );
  const pool =
    args.reprocess && process.env.DATABASE_URL
      ? new Pool({ connectionString: process.env.DATABASE_URL })
      : undefined;
  try {
    const { forgotten } = await replay({ transport, pool, ...args });
    const from = args.from === 'earliest' ? 'the beginning' : args.from.toISOString();
    process.stdout.write(
      `consumer ${args.consumer} will re-read ${args.topic} from ${from} (${config.transport} transport)` +
        (args.reprocess
          ? `; ${forgotten} inbox entries forgotten, those events will be applied again`
          : '') +
        '\n',
    );
    return 0;
  } finally {
    await transport.close();
    await pool?.end();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`replay failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
