/**
 * Subjects the state publisher could not publish (`<messaging schema>.state_parked_subjects`): a
 * value that fails its state schema, or a load that fails for good. Recorded instead of stopping
 * the publisher, so every other subject keeps being published. Unlike the relay's parked events
 * nothing is held behind one: a state is a snapshot, so the next valid state of the subject (its
 * next event, or `republish-state`) supersedes it and clears the row.
 */
import { MAX_PARKED_MESSAGE, tolerateMissingTable } from '@crm/event-sourcing';
import type { ClientBase, Pool } from 'pg';
import { assertIdentifier } from '../transport/embedded/embedded-log-schema';
import { migrateUnderLock } from '../messaging-schema';

type Queryable = Pick<ClientBase, 'query'>;

export interface ParkedSubject {
  readonly stateType: string;
  readonly tenant: string;
  readonly subject: string;
  readonly errorMessage: string;
  readonly parkedAt: Date;
  readonly attempts: number;
}

export interface StateParkedSummary {
  readonly parked: number;
  readonly oldest: Pick<ParkedSubject, 'stateType' | 'parkedAt'> | null;
}

interface Row {
  state_type: string;
  tenant: string;
  subject: string;
  error_message: string;
  parked_at: Date;
  attempts: number;
}

export class StateParkedSubjects {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.table = `${assertIdentifier(schema)}.state_parked_subjects`;
  }

  async migrate(): Promise<void> {
    await migrateUnderLock(
      this.pool,
      this.schema,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
        publisher text NOT NULL,
        state_type text NOT NULL,
        tenant text NOT NULL,
        subject text NOT NULL,
        error_message text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 1,
        PRIMARY KEY (publisher, state_type, tenant, subject)
      )`,
    );
  }

  /** A subject parked again keeps its first parked_at and counts the attempt. */
  async park(
    db: Queryable,
    publisher: string,
    entries: readonly { stateType: string; tenant: string; subject: string; message: string }[],
  ): Promise<void> {
    if (!entries.length) return;
    await db.query(
      `INSERT INTO ${this.table} (publisher, state_type, tenant, subject, error_message)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (publisher, state_type, tenant, subject) DO UPDATE
         SET error_message = EXCLUDED.error_message, attempts = ${this.table}.attempts + 1`,
      [
        publisher,
        entries.map((e) => e.stateType),
        entries.map((e) => e.tenant),
        entries.map((e) => e.subject),
        entries.map((e) => e.message.slice(0, MAX_PARKED_MESSAGE)),
      ],
    );
  }

  /** Published since: no longer parked. */
  async clear(
    db: Queryable,
    publisher: string,
    entries: readonly { stateType: string; tenant: string; subject: string }[],
  ): Promise<void> {
    if (!entries.length) return;
    await db.query(
      `DELETE FROM ${this.table} p USING unnest($2::text[], $3::text[], $4::text[]) AS c(t, tenant, subject)
       WHERE p.publisher = $1 AND p.state_type = c.t AND p.tenant = c.tenant AND p.subject = c.subject`,
      [
        publisher,
        entries.map((e) => e.stateType),
        entries.map((e) => e.tenant),
        entries.map((e) => e.subject),
      ],
    );
  }

  async list(publisher: string, limit = 10_000): Promise<ParkedSubject[]> {
    return tolerateMissingTable([], async () => {
      const { rows } = await this.pool.query<Row>(
        `SELECT * FROM ${this.table} WHERE publisher = $1 ORDER BY parked_at LIMIT $2`,
        [publisher, limit],
      );
      return rows.map((r) => ({
        stateType: r.state_type,
        tenant: r.tenant,
        subject: r.subject,
        errorMessage: r.error_message,
        parkedAt: r.parked_at,
        attempts: r.attempts,
      }));
    });
  }

  async summary(publisher: string): Promise<StateParkedSummary> {
    const rows = await tolerateMissingTable([] as (Row & { n: string })[], () =>
      this.pool
        .query<Row & { n: string }>(
          `SELECT *, count(*) OVER () AS n FROM ${this.table} WHERE publisher = $1
            ORDER BY parked_at LIMIT 1`,
          [publisher],
        )
        .then((r) => r.rows),
    );
    if (!rows.length) return { parked: 0, oldest: null };
    return {
      parked: Number(rows[0].n),
      oldest: { stateType: rows[0].state_type, parkedAt: rows[0].parked_at },
    };
  }
}
