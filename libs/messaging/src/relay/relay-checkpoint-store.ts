import { START, type Position } from '@crm/event-sourcing';
import type { ClientBase, Pool } from 'pg';
import { assertIdentifier } from '../transport/embedded/embedded-log-schema';

/** Where a relay is in its service's global log: moved only after the broker acknowledged. */
export class RelayCheckpointStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${assertIdentifier(schema)}.relay_checkpoints`;
  }

  async load(relay: string): Promise<Position> {
    const { rows } = await this.pool.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position::text, prepare_position::text FROM ${this.table} WHERE relay = $1`,
      [relay],
    );
    if (!rows.length) return START;
    return { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) };
  }

  /**
   * The checkpoint row locked `FOR UPDATE` in `tx` (created at START if missing): what parking a
   * batch and retrying parked events both hold, so the two never interleave.
   */
  async lockForUpdate(tx: Pick<ClientBase, 'query'>, relay: string): Promise<Position> {
    await tx.query(
      `INSERT INTO ${this.table} (relay, commit_position, prepare_position) VALUES ($1, $2, $2)
       ON CONFLICT (relay) DO NOTHING`,
      [relay, START.commit.toString()],
    );
    const { rows } = await tx.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position::text, prepare_position::text FROM ${this.table}
        WHERE relay = $1 FOR UPDATE`,
      [relay],
    );
    return { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) };
  }

  async save(relay: string, position: Position, published: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (relay, commit_position, prepare_position, published, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (relay) DO UPDATE SET commit_position = EXCLUDED.commit_position,
         prepare_position = EXCLUDED.prepare_position,
         published = ${this.table}.published + EXCLUDED.published, updated_at = now()`,
      [relay, position.commit.toString(), position.prepare.toString(), published],
    );
  }
}
