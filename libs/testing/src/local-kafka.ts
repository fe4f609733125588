/**
 * Brokers run from deploy/kafka/kafka.sh (real Kafka jars, no Docker): the shared local broker
 * the global setup may start, and disposable brokers for tests that stop and restart Kafka.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const KAFKA_SCRIPT = path.join(REPO_ROOT, 'deploy/kafka/kafka.sh');
/** The local broker kafka.sh runs by default; KAFKA_PORT moves it, as it moves kafka.sh's. */
export const LOCAL_KAFKA_BROKER = `127.0.0.1:${process.env.KAFKA_PORT || 9092}`;
/** First run resolves the jars with Maven (~10 s on a good network); leave room for slow ones. */
const SCRIPT_TIMEOUT_MS = 5 * 60_000;

export type KafkaScriptCommand = 'start' | 'stop' | 'status';

/** Why a local broker cannot be run here, or undefined when it can. */
export function localKafkaUnavailableReason(): string | undefined {
  if (!existsSync(KAFKA_SCRIPT)) return `${path.relative(REPO_ROOT, KAFKA_SCRIPT)} is missing`;
  if (!onPath('java'))
    return 'java is not on PATH (a local broker needs Java 17+; Maven too for the first jar download)';
  return undefined;
}

export function runKafkaScript(
  command: KafkaScriptCommand,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [KAFKA_SCRIPT, command],
      { env, timeout: SCRIPT_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const tail = `${stderr}${stdout}`.trim().split('\n').slice(-15).join('\n');
        reject(
          new Error(
            `deploy/kafka/kafka.sh ${command} failed (${error.code ?? error.signal}):\n${tail}`,
          ),
        );
      },
    );
  });
}

export interface DisposableKafka {
  readonly brokers: string[];
  /** Storage, config, pid and log of this broker; removed by destroy(). */
  readonly dataDir: string;
  /** Stops the broker (SIGTERM, waits for exit); its data stays for start(). */
  stop(): Promise<void>;
  /** Starts it again on the same ports with the same data; resolves once clients can connect. */
  start(): Promise<void>;
  /** Stops it and deletes its data. Call it in afterAll: the broker outlives a crashed worker. */
  destroy(): Promise<void>;
}

/**
 * A second broker on free ports with its own data dir, for destructive tests (stop the broker
 * mid-test, start it again). Never touches the shared broker.
 */
export async function startDisposableKafka(): Promise<DisposableKafka> {
  const unavailable = localKafkaUnavailableReason();
  if (unavailable)
    throw new Error(`startDisposableKafka: cannot run a local Kafka broker: ${unavailable}`);
  const [port, controllerPort] = await freePorts(2);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crm-kafka-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_DATA_DIR: dataDir,
    KAFKA_HEAP_OPTS: process.env.KAFKA_HEAP_OPTS ?? '-Xms128m -Xmx512m',
  };
  delete env.KAFKA_PID_FILE;
  delete env.KAFKA_LOG_FILE;
  // Infrastructure keeps real time, like the shared broker and PostgreSQL: under a time-travel
  // run (libfaketime) the broker never became ready, and LogAppendTime keeps retention consistent.
  for (const name of Object.keys(env))
    if (name === 'LD_PRELOAD' || name.startsWith('FAKETIME')) delete env[name];
  const run = (command: KafkaScriptCommand) => runKafkaScript(command, env).then(() => undefined);
  try {
    await run('start');
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`startDisposableKafka: ${(error as Error).message}`);
  }
  return {
    brokers: [`127.0.0.1:${port}`],
    dataDir,
    start: () => run('start'),
    stop: () => run('stop'),
    destroy: async () => {
      await run('stop');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Ports the OS reports free right now, all distinct (held open together while asking). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => existsSync(path.join(dir, command)));
}
