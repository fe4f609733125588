/**
 * "One instance per projection": a session-level advisory lock held on a dedicated connection.
 * The batch transactions run on that same connection, so the lock and the right to write are
 * one thing: if the connection dies (process killed, pg_terminate_backend, network), PostgreSQL
 * releases the lock and rolls back the open batch at once, and the runner that held it cannot
 * commit anything afterwards. There is no window where two instances both write.
 */
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

export function projectionLockKey(name: string): bigint {
  return createHash('sha256').update(`projection:${name}`).digest().readBigInt64BE(0);
}

export interface HeldLock {
  readonly client: PoolClient;
  /** Backend pid of the lock connection (what pg_terminate_backend would target). */
  readonly pid: number;
  /** Resolves when the connection is lost: from then on this instance must stop writing. */
  readonly lost: Promise<Error>;
  /** Unlocks and closes the connection (it is never returned to the pool with session state). */
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** How often a standby instance retries. */
  readonly retryMs: number;
  /** Give up after this long (undefined = wait until `signal` aborts). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** Waits for the lock; resolves null if aborted or timed out. */
export async function acquireProjectionLock(
  pool: Pool,
  name: string,
  options: AcquireOptions,
): Promise<HeldLock | null> {
  const client = await pool.connect();
  let lostWith: ((error: Error) => void) | undefined;
  const lost = new Promise<Error>((resolve) => (lostWith = resolve));
  // Without a listener an 'error' on a checked-out client would crash the process.
  const onError = (error: Error) => lostWith?.(error);
  client.on('error', onError);
  const close = (broken?: Error) => {
    client.off('error', onError);
    client.release(broken ?? true);
  };

  const key = projectionLockKey(name).toString();
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  try {
    // Names the connection in pg_stat_activity, so an operator can see who runs what.
    await client.query(`SELECT set_config('application_name', $1, false)`, [
      `projection:${name}`.slice(0, 63),
    ]);
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [key],
      );
      if (rows[0].locked) {
        return {
          client,
          pid,
          lost,
          release: async () => {
            await client
              .query('SELECT pg_advisory_unlock($1::bigint)', [key])
              .catch(() => undefined);
            close();
          },
        };
      }
      if (options.signal?.aborted || Date.now() >= deadline) break;
      await sleep(Math.min(options.retryMs, deadline - Date.now()), options.signal);
      if (options.signal?.aborted) break;
    }
    close();
    return null;
  } catch (error) {
    close(error as Error);
    throw error;
  }
}

/** The backend currently holding a projection's lock, for "who is running it?" messages. */
export async function projectionLockHolder(
  pool: Pool,
  name: string,
): Promise<{ pid: number; applicationName: string; clientAddr: string | null } | null> {
  const key = projectionLockKey(name);
  // A bigint advisory key shows up in pg_locks as classid = high 32 bits, objid = low 32 bits.
  const { rows } = await pool.query<{
    pid: number;
    application_name: string;
    client_addr: string | null;
  }>(
    `SELECT l.pid, a.application_name, a.client_addr::text
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.database = (
          SELECT oid FROM pg_database WHERE datname = current_database())`,
    [((key >> 32n) & 0xffffffffn).toString(), (key & 0xffffffffn).toString()],
  );
  return rows[0]
    ? {
        pid: rows[0].pid,
        applicationName: rows[0].application_name,
        clientAddr: rows[0].client_addr,
      }
    : null;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
