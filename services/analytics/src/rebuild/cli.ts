/**
 * `npm run analytics:rebuild`: stop every analytics instance first, then run it; start the
 * service again and it re-reads the topics into empty tables. Transport from the environment as
 * in the service (KAFKA_BROKERS, else the embedded log in MESSAGING_DATABASE_URL/DATABASE_URL,
 * within MESSAGING_NAMESPACE); DATABASE_URL is the analytics database.
 */
import { createTransport, messagingConfigFromEnv, namespacedTransport } from '@crm/messaging';
import { Pool } from 'pg';
import { rebuildAnalytics } from './rebuild-analytics';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('analytics:rebuild needs DATABASE_URL (the analytics database)\n');
    return 2;
  }
  const config = messagingConfigFromEnv();
  const transport = namespacedTransport(
    createTransport(config, { clientId: 'analytics-rebuild' }),
    config.namespace,
  );
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const result = await rebuildAnalytics({
      pool,
      transport,
      onTopic: (topic, forgotten) =>
        process.stdout.write(`  ${topic}: offsets reset, ${forgotten} inbox entries forgotten\n`),
    });
    process.stdout.write(
      `analytics tables emptied; ${result.forgotten} messages of ${result.topics.length} topics will be ` +
        `applied again when the service starts (${config.transport} transport)\n`,
    );
    return 0;
  } finally {
    await transport.close();
    await pool.end();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`analytics:rebuild failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
