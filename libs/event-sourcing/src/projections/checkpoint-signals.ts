/**
 * Wakes whoever waits on a projection's checkpoint (read-your-writes, the read-model gate) as
 * soon as it moves, instead of letting them poll the checkpoint table:
 * - in this process, the runner that committed a batch calls `checkpointMoved` after COMMIT;
 * - across replicas, every checkpoint save sends `NOTIFY <channel of the schema>, '<projection>'`
 *   inside the batch transaction (PostgreSQL delivers it at commit, never for a rollback), and
 *   one LISTEN connection per pool (so per process) turns it into the same in-process signal.
 * A signal only says "look again": waiters re-read the row, so a duplicate costs one query and
 * a lost notification (listener reconnecting) is caught by the waiters' slow fallback poll.
 */
import { EventEmitter } from 'node:events';
import { Client, type Pool } from 'pg';

/** The NOTIFY channel of a schema's checkpoints (identifiers stop at 63 bytes). */
export function checkpointChannel(schema: string): string {
  return `projection_checkpoints_${schema}`.slice(0, 63);
}

const moved = new EventEmitter();
// Every in-flight command waits on each of its projections: many listeners is normal.
moved.setMaxListeners(0);

function key(schema: string, projection: string): string {
  return `${schema}.${projection}`;
}

/** Tells this process's waiters that `projection`'s checkpoint changed (after a commit). */
export function checkpointMoved(schema: string, projection: string): void {
  moved.emit(key(schema, projection));
}

/**
 * A wake-up flag on one projection, armed before the first read so that a commit landing
 * between a read and the wait is not missed.
 */
export interface CheckpointWatch {
  /** Resolves at the next signal (at once if one came since the last call) or after `ms`. */
  next(ms: number): Promise<void>;
  close(): void;
}

export function watchCheckpoint(
  schema: string,
  projection: string,
  pool?: Pool,
): CheckpointWatch {
  if (pool) listenerFor(pool).listen(schema);
  const event = key(schema, projection);
  let signalled = false;
  let wake: (() => void) | undefined;
  const onMoved = () => {
    signalled = true;
    wake?.();
  };
  moved.on(event, onMoved);
  return {
    next(ms) {
      if (signalled) {
        signalled = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        wake = done;
        function done() {
          clearTimeout(timer);
          wake = undefined;
          signalled = false;
          resolve();
        }
      });
    },
    close() {
      moved.off(event, onMoved);
      wake?.();
    },
  };
}

/** Subscribes to every signal of a schema (any projection); returns the unsubscribe. */
export function onAnyCheckpointMoved(
  schema: string,
  projections: readonly string[],
  listener: (projection: string) => void,
  pool?: Pool,
): () => void {
  if (pool) listenerFor(pool).listen(schema);
  const handlers = projections.map((name) => {
    const handler = () => listener(name);
    moved.on(key(schema, name), handler);
    return [key(schema, name), handler] as const;
  });
  return () => handlers.forEach(([event, handler]) => moved.off(event, handler));
}

/** Closes the pool's LISTEN connection (app shutdown); the next watch opens it again. */
export async function stopCheckpointListener(pool: Pool): Promise<void> {
  const listener = listeners.get(pool);
  listeners.delete(pool);
  await listener?.close();
}

const listeners = new WeakMap<Pool, CheckpointListener>();

function listenerFor(pool: Pool): CheckpointListener {
  let listener = listeners.get(pool);
  if (!listener) listeners.set(pool, (listener = new CheckpointListener(pool)));
  return listener;
}

/** One dedicated connection (outside the pool: it never returns to it) that LISTENs. */
class CheckpointListener {
  private readonly schemas = new Set<string>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  listen(schema: string): void {
    if (this.closed) return;
    if (this.schemas.has(schema) && (this.client || this.connecting)) return;
    this.schemas.add(schema);
    if (this.client) void this.subscribe(this.client, schema);
    else this.connecting ??= this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.pool.options);
    const lost = () => {
      // Waiters fall back to polling; the next watch reconnects.
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      const schema = [...this.schemas].find((s) => checkpointChannel(s) === message.channel);
      if (schema && message.payload) checkpointMoved(schema, message.payload);
    });
    try {
      await client.connect();
      // A waiting request must not keep a process (or a test run) alive.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      for (const schema of this.schemas) await this.subscribe(client, schema);
      if (this.closed) await client.end();
      else this.client = client;
    } catch {
      await client.end().catch(() => undefined);
    } finally {
      this.connecting = undefined;
    }
  }

  private async subscribe(client: Client, schema: string): Promise<void> {
    await client.query(`LISTEN "${checkpointChannel(schema)}"`).catch(() => undefined);
  }
}
