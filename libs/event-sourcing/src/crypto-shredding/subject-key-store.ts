/**
 * One AES key per data subject, kept outside the event log. Erasing a subject deletes the key
 * bytes and leaves a tombstone (`erased_at`), so:
 * - every copy of the log (replicas, backups of the events table) becomes unreadable for them;
 * - no new key is ever issued for an erased subject: writing their personal data again fails.
 *
 * Keys are not cached: an erase must take effect in every process at once, and one indexed
 * lookup per read batch is cheap.
 */
import type { Pool } from 'pg';
import { DomainError } from '../domain-error';
import { newSubjectKey } from './field-cipher';

export interface SubjectKeyStore {
  /** The subject's key, created on first use. Throws SubjectErasedError after erase. */
  keyFor(tenant: string, subjectId: string): Promise<Buffer>;
  /**
   * keyFor for many subjects at once (one round trip: bulk writes such as imports create their
   * keys together). Throws SubjectErasedError if any of them was erased.
   */
  keysFor(tenant: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Keys of the given subjects; erased and unknown subjects are absent from the map. */
  findKeys(tenant: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Deletes the key for good. Idempotent; also tombstones a subject that never had a key. */
  erase(tenant: string, subjectId: string): Promise<void>;
}

export class SubjectErasedError extends DomainError {
  constructor(
    readonly tenant: string,
    readonly subjectId: string,
  ) {
    super('SubjectErased', `Personal data of subject ${subjectId} was erased`, 'gone', {
      subjectId,
    });
  }
}

export interface PostgresSubjectKeyStoreOptions {
  /** Schema of the `subject_keys` table (default `public`); keep it apart from the events. */
  readonly schema?: string;
}

export class PostgresSubjectKeyStore implements SubjectKeyStore {
  private readonly schema: string;
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    options: PostgresSubjectKeyStoreOptions = {},
  ) {
    this.schema = options.schema ?? 'public';
    this.table = `${quoteIdent(this.schema)}.subject_keys`;
  }

  /** Creates the key table; idempotent. */
  async migrate(): Promise<void> {
    await this.pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        tenant text NOT NULL,
        subject_id text NOT NULL,
        key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        PRIMARY KEY (tenant, subject_id),
        CHECK ((key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async keyFor(tenant: string, subjectId: string): Promise<Buffer> {
    // Insert-or-read in one statement; concurrent first writers agree on the winner's key.
    const { rows } = await this.pool.query<{ key: Buffer | null }>(
      `WITH inserted AS (
         INSERT INTO ${this.table} (tenant, subject_id, key) VALUES ($1, $2, $3)
         ON CONFLICT (tenant, subject_id) DO NOTHING
         RETURNING key)
       SELECT key FROM inserted
       UNION ALL
       SELECT key FROM ${this.table} WHERE tenant = $1 AND subject_id = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [tenant, subjectId, newSubjectKey()],
    );
    const key = rows[0]?.key;
    if (key) return key;
    if (rows.length === 0) {
      // The competing insert is not visible to this statement's snapshot yet: read it now.
      const again = await this.pool.query<{ key: Buffer | null }>(
        `SELECT key FROM ${this.table} WHERE tenant = $1 AND subject_id = $2`,
        [tenant, subjectId],
      );
      if (again.rows[0]?.key) return again.rows[0].key;
    }
    throw new SubjectErasedError(tenant, subjectId);
  }

  async keysFor(tenant: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    // Sorted: two concurrent batches insert in the same order, so they never deadlock.
    const subjects = [...new Set(subjectIds)].sort();
    if (subjects.length === 0) return keys;
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer | null }>(
      `WITH inserted AS (
         INSERT INTO ${this.table} (tenant, subject_id, key)
         SELECT $1, s.subject_id, s.key FROM unnest($2::text[], $3::bytea[]) AS s(subject_id, key)
         ON CONFLICT (tenant, subject_id) DO NOTHING
         RETURNING subject_id, key)
       SELECT subject_id, key FROM inserted
       UNION ALL
       SELECT subject_id, key FROM ${this.table}
        WHERE tenant = $1 AND subject_id = ANY($2::text[])
          AND subject_id NOT IN (SELECT subject_id FROM inserted)`,
      [tenant, subjects, subjects.map(() => newSubjectKey())],
    );
    for (const row of rows) if (row.key) keys.set(row.subject_id, row.key);
    const erased = rows.find((row) => !row.key);
    if (erased) throw new SubjectErasedError(tenant, erased.subject_id);
    if (keys.size < subjects.length) {
      // A competing insert is not visible to this statement's snapshot yet: read those now.
      const missing = subjects.filter((subject) => !keys.has(subject));
      const again = await this.pool.query<{ subject_id: string; key: Buffer | null }>(
        `SELECT subject_id, key FROM ${this.table} WHERE tenant = $1 AND subject_id = ANY($2::text[])`,
        [tenant, missing],
      );
      for (const row of again.rows) if (row.key) keys.set(row.subject_id, row.key);
      const gone = missing.find((subject) => !keys.has(subject));
      if (gone) throw new SubjectErasedError(tenant, gone);
    }
    return keys;
  }

  async findKeys(tenant: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    if (subjectIds.length === 0) return keys;
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer }>(
      `SELECT subject_id, key FROM ${this.table}
        WHERE tenant = $1 AND subject_id = ANY($2::text[]) AND key IS NOT NULL`,
      [tenant, [...new Set(subjectIds)]],
    );
    for (const row of rows) keys.set(row.subject_id, row.key);
    return keys;
  }

  async erase(tenant: string, subjectId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (tenant, subject_id, key, erased_at) VALUES ($1, $2, NULL, now())
       ON CONFLICT (tenant, subject_id) DO UPDATE SET key = NULL, erased_at = COALESCE(${this.table}.erased_at, now())`,
      [tenant, subjectId],
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
