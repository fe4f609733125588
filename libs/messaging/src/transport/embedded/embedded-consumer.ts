/**
 * One member of a consumer group on the embedded log.
 *
 * Partition ownership is a session-level advisory lock per (group, topic, partition) held on this
 * member's dedicated connection: at most one member processes a partition (per-key order), and
 * a crashed member's partitions free themselves when its connection drops. Members heartbeat a
 * row in `group_members`; each takes a fair share (ceil(partitions / live members)) and gives
 * back extras between messages, which is the rebalance. The same connection LISTENs for the
 * NOTIFY a send issues, so an idle member wakes at once instead of waiting out its poll delay.
 */
import { randomUUID } from 'node:crypto';
import type { Notification, Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { MessagingLogger } from '../../logger';
import type { ConsumeOptions } from '../message-transport';

interface Tuning {
  readonly batchSize: number;
  readonly maxIdleMs: number;
  readonly memberTimeoutMs: number;
  readonly logger: MessagingLogger;
}

interface OwnedPartition {
  readonly topic: string;
  readonly partition: number;
  /** Next offset to process; loaded when the partition is acquired. */
  nextOffset: bigint | undefined;
}

interface MessageRow {
  offset: string;
  key: string | null;
  /** null: a tombstone. */
  value: Buffer | null;
  headers: Record<string, string>;
  created_at: Date;
}

const REBALANCE_EVERY_MS = 1000;
const ignoreSessionError = () => undefined;

export class EmbeddedConsumer {
  readonly ready: Promise<void>;
  readonly done: Promise<void>;
  private readonly memberId = randomUUID();
  private readonly owned = new Map<string, OwnedPartition>();
  private session: PoolClient | undefined;
  /** Settles when the last query issued through onSession has (see there). */
  private sessionTail: Promise<unknown> = Promise.resolve();
  private stopping = false;
  private wake: (() => void) | undefined;
  private pendingWake = false;
  private markReady!: () => void;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly channel: string,
    private readonly options: ConsumeOptions,
    private readonly tuning: Tuning,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.done = this.run();
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.openSession();
        await this.consumeUntilStopped();
      } catch (error) {
        // Lost connection or a failing handler: drop ownership (the locks go with the session),
        // wait, and come back; nothing was committed for the message that failed.
        failures += 1;
        this.tuning.logger.warn(
          { err: error, groupId: this.options.groupId },
          'embedded consumer error; retrying',
        );
        await this.closeSession(true);
        await this.sleep(Math.min(200 * 2 ** Math.min(failures, 5), 5000));
        continue;
      }
    }
    await this.closeSession(false);
  }

  private readonly onNotification = (n: Notification): void => {
    if (n.channel === this.channel && this.options.topics.includes(n.payload ?? '')) this.signal();
  };

  private async openSession(): Promise<void> {
    if (this.session) return;
    const session = await this.pool.connect();
    session.on('notification', this.onNotification);
    session.on('error', ignoreSessionError); // surfaced by the next query on it
    this.session = session;
    await session.query(`LISTEN ${this.channel}`);
  }

  private async closeSession(broken: boolean): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.owned.clear();
    if (!session) return;
    // The client goes back to the pool: it must not keep waking this consumer (or collect
    // listeners over reconnects).
    session.off('notification', this.onNotification);
    session.off('error', ignoreSessionError);
    if (broken) {
      session.release(true);
      return;
    }
    try {
      await session.query('SELECT pg_advisory_unlock_all()');
      await session.query(`UNLISTEN ${this.channel}`);
      await session.query(
        `DELETE FROM ${this.schema}.group_members WHERE group_id = $1 AND member_id = $2`,
        [this.options.groupId, this.memberId],
      );
      session.release();
    } catch {
      session.release(true);
    }
  }

  private async consumeUntilStopped(): Promise<void> {
    let lastRebalance = 0;
    let idleMs = 10;
    while (!this.stopping) {
      if (Date.now() - lastRebalance >= REBALANCE_EVERY_MS) {
        await this.rebalance();
        lastRebalance = Date.now();
        this.markReady();
      }
      this.pendingWake = false;
      let handled = 0;
      if (this.stopping) return;
      // Partitions are independent: drain them side by side (each one still strictly in order),
      // so one slow partition does not hold the others back and handler transactions overlap.
      // allSettled: the session is only closed (on a failure) once no drain still uses it.
      const results = await Promise.allSettled(
        [...this.owned.values()].map((owned) => this.drain(owned)),
      );
      for (const r of results) {
        if (r.status === 'rejected') throw r.reason;
        handled += r.value;
      }
      if (handled) {
        idleMs = 10;
      } else {
        await this.sleep(idleMs);
        idleMs = Math.min(idleMs * 2, this.tuning.maxIdleMs);
      }
    }
  }

  private async rebalance(): Promise<void> {
    const session = this.session!;
    const s = this.schema;
    const group = this.options.groupId;
    await session.query(
      `INSERT INTO ${s}.group_members (group_id, member_id, heartbeat_at) VALUES ($1, $2, clock_timestamp())
       ON CONFLICT (group_id, member_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at`,
      [group, this.memberId],
    );
    await session.query(
      `DELETE FROM ${s}.group_members
       WHERE group_id = $1 AND heartbeat_at < clock_timestamp() - $2 * interval '1 millisecond'`,
      [group, this.tuning.memberTimeoutMs],
    );
    const { rows: members } = await session.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${s}.group_members WHERE group_id = $1`,
      [group],
    );
    const { rows: partitions } = await session.query<{ topic: string; partition: number }>(
      `SELECT topic, partition FROM ${s}.topic_partitions WHERE topic = ANY($1::text[]) ORDER BY topic, partition`,
      [[...this.options.topics]],
    );
    const share = Math.ceil(partitions.length / Math.max(1, members[0].n));

    for (const [id, owned] of [...this.owned]) {
      if (this.owned.size <= share) break;
      await session.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
        group,
        lockName(owned),
      ]);
      this.owned.delete(id);
    }
    // Start the search at a member-specific point so newcomers do not all contend for partition 0.
    const offset = partitions.length
      ? parseInt(this.memberId.slice(0, 6), 16) % partitions.length
      : 0;
    for (let i = 0; i < partitions.length && this.owned.size < share; i += 1) {
      const candidate = partitions[(offset + i) % partitions.length];
      const id = lockName(candidate);
      if (this.owned.has(id)) continue;
      const { rows } = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
        [group, id],
      );
      if (rows[0].locked) this.owned.set(id, { ...candidate, nextOffset: undefined });
    }
  }

  /** Processes up to one batch of a partition; returns how many messages it handled. */
  private async drain(owned: OwnedPartition): Promise<number> {
    const s = this.schema;
    if (owned.nextOffset === undefined) owned.nextOffset = await this.committedOffset(owned);
    const { rows } = await this.onSession<MessageRow>(
      `SELECT "offset", key, value, headers, created_at FROM ${s}.messages
       WHERE topic = $1 AND partition = $2 AND "offset" >= $3 ORDER BY "offset" LIMIT $4`,
      [owned.topic, owned.partition, owned.nextOffset.toString(), this.tuning.batchSize],
    );
    let handled = 0;
    try {
      for (const row of rows) {
        if (this.stopping) break;
        await this.options.handle({
          topic: owned.topic,
          partition: owned.partition,
          offset: row.offset,
          key: row.key,
          value: row.value ?? Buffer.alloc(0),
          tombstone: row.value === null,
          headers: row.headers,
          timestamp: row.created_at,
        });
        owned.nextOffset = BigInt(row.offset) + 1n;
        handled += 1;
      }
    } finally {
      // One offset commit per batch, as Kafka does: a crash re-delivers at most this batch, and
      // the consumers' inbox makes that harmless. Committed even when a handler failed midway,
      // so the messages before it are not handled again.
      if (handled) await this.commit(owned);
    }
    return handled;
  }

  /**
   * A query on the lock session, after the ones already issued: the drains of several partitions
   * share this one connection (it holds their advisory locks, so a dead session cannot commit
   * offsets), and a pg client must not be given a query while another is running.
   */
  private onSession<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>> {
    const session = this.session!;
    const run = this.sessionTail.then(() => session.query<R>(text, values));
    this.sessionTail = run.catch(() => undefined);
    return run;
  }

  private async commit(owned: OwnedPartition): Promise<void> {
    await this.onSession(
      `INSERT INTO ${this.schema}.group_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset`,
      [this.options.groupId, owned.topic, owned.partition, owned.nextOffset!.toString()],
    );
  }

  private async committedOffset(owned: OwnedPartition): Promise<bigint> {
    const s = this.schema;
    const { rows } = await this.onSession<{ next_offset: string }>(
      `SELECT next_offset FROM ${s}.group_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3`,
      [this.options.groupId, owned.topic, owned.partition],
    );
    if (rows.length) return BigInt(rows[0].next_offset);
    if (this.options.fromBeginning ?? true) return 0n;
    const { rows: head } = await this.onSession<{ next_offset: string }>(
      `SELECT next_offset FROM ${s}.topic_partitions WHERE topic = $1 AND partition = $2`,
      [owned.topic, owned.partition],
    );
    return BigInt(head[0]?.next_offset ?? '0');
  }

  private signal(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

function lockName(p: { topic: string; partition: number }): string {
  return `${p.topic}/${p.partition}`;
}
