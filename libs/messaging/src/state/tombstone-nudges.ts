/**
 * Kafka compacts only closed segments, and a segment closes only when a message arrives after its
 * `segment.ms`. On a quiet state-topic partition an erased person's last value would therefore
 * stay beside its tombstone until some other record of that partition changes. So each tombstone
 * sent on Kafka is sent once more after the compaction lag (`messaging.state_tombstone_nudges`,
 * kept across restarts): that second tombstone closes the segment holding the value and the first
 * tombstone, which the cleaner then compacts. It carries nothing but the key.
 */
import { tolerateMissingTable } from '@crm/event-sourcing';
import type { ClientBase, Pool } from 'pg';
import type { OutgoingMessage } from '../transport/message-transport';
import { assertIdentifier } from '../transport/embedded/embedded-log-schema';
import { migrateUnderLock } from '../messaging-schema';

type Queryable = Pick<ClientBase, 'query'>;

export class StateTombstoneNudges {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.table = `${assertIdentifier(schema)}.state_tombstone_nudges`;
  }

  async migrate(): Promise<void> {
    await migrateUnderLock(
      this.pool,
      this.schema,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
        publisher text NOT NULL,
        topic text NOT NULL,
        key text NOT NULL,
        headers jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (publisher, topic, key)
      )`,
    );
  }

  /** A later tombstone of the same key replaces the earlier nudge (one per key is enough). */
  async schedule(
    db: Queryable,
    publisher: string,
    tombstones: readonly OutgoingMessage[],
    afterMs: number,
  ): Promise<void> {
    if (!tombstones.length) return;
    await db.query(
      `INSERT INTO ${this.table} (publisher, topic, key, headers, due_at)
       SELECT $1, t, k, h, clock_timestamp() + $5 * interval '1 millisecond'
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS u(t, k, h)
       ON CONFLICT (publisher, topic, key) DO UPDATE
         SET headers = EXCLUDED.headers, due_at = EXCLUDED.due_at`,
      [
        publisher,
        tombstones.map((m) => m.topic),
        tombstones.map((m) => m.key),
        tombstones.map((m) => JSON.stringify(m.headers)),
        afterMs,
      ],
    );
  }

  /** Tombstones due again, oldest first. */
  async due(publisher: string, limit = 500): Promise<OutgoingMessage[]> {
    return tolerateMissingTable([], async () => {
      const { rows } = await this.pool.query<{
        topic: string;
        key: string;
        headers: Record<string, string>;
      }>(
        `SELECT topic, key, headers FROM ${this.table}
          WHERE publisher = $1 AND due_at <= clock_timestamp() ORDER BY due_at LIMIT $2`,
        [publisher, limit],
      );
      return rows.map((r) => ({ topic: r.topic, key: r.key, value: null, headers: r.headers }));
    });
  }

  async done(publisher: string, sent: readonly OutgoingMessage[]): Promise<void> {
    if (!sent.length) return;
    await this.pool.query(
      `DELETE FROM ${this.table} n USING unnest($2::text[], $3::text[]) AS s(topic, key)
        WHERE n.publisher = $1 AND n.topic = s.topic AND n.key = s.key AND n.due_at <= clock_timestamp()`,
      [publisher, sent.map((m) => m.topic), sent.map((m) => m.key)],
    );
  }
}
