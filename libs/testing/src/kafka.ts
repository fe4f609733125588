/**
 * Kafka for tests. The global setup decides once per run where the broker comes from and
 * publishes the result to the workers through environment variables.
 */
import net from 'node:net';
import { Kafka, logLevel } from 'kafkajs';

/** Comma-separated brokers the global setup resolved. */
export const KAFKA_BROKERS_VAR = 'CRM_TEST_KAFKA_BROKERS';
/** Why Kafka is unavailable in this run, when it is. */
export const KAFKA_UNAVAILABLE_VAR = 'CRM_TEST_KAFKA_UNAVAILABLE';

/** Brokers of the Kafka this test run resolved, or undefined when Kafka suites are skipped. */
export function testKafkaBrokers(): string[] | undefined {
  const brokers = parseBrokers(process.env[KAFKA_BROKERS_VAR]);
  return brokers.length ? brokers : undefined;
}

export function parseBrokers(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/**
 * True when a real Kafka client completes a metadata round trip with the brokers. A plain TCP
 * check first keeps the common "nothing listens there" case fast and quiet.
 */
export async function kafkaAnswers(brokers: string[], timeoutMs = 10_000): Promise<boolean> {
  if (!(await anyPortOpen(brokers, Math.min(timeoutMs, 2000)))) return false;
  const admin = new Kafka({
    clientId: 'crm-testing-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: timeoutMs,
    retry: { retries: 2, initialRetryTime: 200 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function anyPortOpen(brokers: string[], timeoutMs: number): Promise<boolean> {
  const results = await Promise.all(brokers.map((b) => portOpen(b, timeoutMs)));
  return results.some(Boolean);
}

export function portOpen(hostPort: string, timeoutMs = 1000): Promise<boolean> {
  const separator = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, separator).replace(/^\[|\]$/g, '');
  const port = Number(hostPort.slice(separator + 1));
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
