/**
 * One running instance per log reader name (the relay, the state publisher): a session-level
 * advisory lock on a dedicated connection. Replicas wait their turn; if the session breaks, the
 * lock is gone with it and another instance may already be reading, which `probe` tells.
 */
import type { Pool, PoolClient } from 'pg';
import { sleep } from '../backoff';

const ignoreSessionError = () => undefined;

export class LeadershipLost extends Error {}

export class AdvisoryLeadership {
  private held: PoolClient | undefined;

  constructor(
    private readonly pool: Pool,
    /** The reader's name (`contacts`, `contacts.state`): one lock each. */
    private readonly name: string,
  ) {}

  /** The lock session: parking and other leader-only writes go through it. */
  get session(): PoolClient {
    if (!this.held) throw new LeadershipLost(`${this.name} does not hold its lock`);
    return this.held;
  }

  get isHeld(): boolean {
    return this.held !== undefined;
  }

  /** Blocks until this instance holds the lock, polling every second, or `stopping()` says so. */
  async acquire(stopping: () => boolean): Promise<void> {
    while (!stopping() && !this.held) {
      const session = await this.pool.connect();
      // A broken session surfaces on its next query; the listener leaves with the session, or
      // a pooled client would collect one per attempt (a standby polls every second).
      session.on('error', ignoreSessionError);
      const { rows } = await session.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('crm-relay'), hashtext($1)) AS locked`,
        [this.name],
      );
      if (rows[0].locked) {
        this.held = session;
        return;
      }
      session.off('error', ignoreSessionError);
      session.release();
      await sleep(1000);
    }
  }

  async release(): Promise<void> {
    const session = this.held;
    this.held = undefined;
    if (!session) return;
    session.off('error', ignoreSessionError);
    try {
      await session.query(`SELECT pg_advisory_unlock(hashtext('crm-relay'), hashtext($1))`, [
        this.name,
      ]);
      session.release();
    } catch {
      session.release(true);
    }
  }

  /** Resolves if the lock session still answers; rejects with LeadershipLost otherwise. */
  probe(): Promise<void> {
    const probe = this.session.query('SELECT 1').then(
      () => undefined,
      (error: Error) => {
        throw new LeadershipLost(`${this.name} lost its lock session: ${error.message}`);
      },
    );
    probe.catch(() => undefined);
    return probe;
  }
}
