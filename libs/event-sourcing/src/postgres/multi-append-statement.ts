/**
 * appendToStreams on PostgreSQL as ONE statement, whatever the number of streams and their
 * expected-version modes. Parameters: $1 the streams (jsonb array of {i, tenant, stream_id, n,
 * mode, expected}), $2 how many of them append events (n > 0), $3 how many only check (n = 0), $4
 * the events (jsonb array of {i, o, id, type, schemaVersion, data, metadata}: i the stream's index,
 * o the event's 1-based place in it), then optionally the NOTIFY channel.
 *
 * The stream rows are written first, in (tenant, stream_id) order so two multi-stream appends
 * never deadlock: one INSERT ... ON CONFLICT DO UPDATE whose WHERE holds each stream's check
 * (a row that fails it is not written and not returned). The events are inserted only when every
 * stream was written and every check-only stream passed; otherwise the final SELECT calls
 * multi_append_conflict(), which raises and so undoes the stream writes too: all or nothing.
 * Under READ COMMITTED the conflict arbiter re-reads a row another writer changed meanwhile, so
 * the checks see the newest committed version, as the one-stream append's UPDATE does.
 */
import { appendMode, type AppendMode } from './append-statement';
import type { ExpectedVersion } from '../event-store';

export interface StreamParam {
  readonly i: number;
  readonly tenant: string;
  readonly stream_id: string;
  readonly n: number;
  readonly mode: AppendMode;
  readonly expected: string | null;
}

export function streamParam(
  i: number,
  tenant: string,
  streamId: string,
  n: number,
  expected: ExpectedVersion,
): StreamParam {
  const mode = appendMode(expected);
  return {
    i,
    tenant,
    stream_id: streamId,
    n,
    mode,
    expected: mode === 'exact' ? String(expected) : null,
  };
}

/** Whether a stream at `version` (null: no stream) passes the request `r`'s check, in SQL. */
const CHECK = (version: string) => `(r.mode = 'any'
       OR (r.mode = 'no-stream' AND ${version} IS NULL)
       OR (r.mode = 'exists' AND ${version} IS NOT NULL)
       OR (r.mode = 'exact' AND ${version} = r.expected))`;

export function multiAppendStatement(schema: string, notifyChannelParam?: string): string {
  return `WITH req AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb)
        AS r(i int, tenant text, stream_id text, n bigint, mode text, expected bigint)
    ),
    stream AS (
      INSERT INTO ${schema}.streams AS st (tenant, stream_id, version)
      SELECT r.tenant, r.stream_id, r.n FROM req r
        LEFT JOIN ${schema}.streams s ON s.tenant = r.tenant AND s.stream_id = r.stream_id
       WHERE r.n > 0 AND (r.mode IN ('any', 'no-stream') OR s.stream_id IS NOT NULL)
       ORDER BY r.tenant, r.stream_id
      ON CONFLICT (tenant, stream_id) DO UPDATE SET version = st.version + EXCLUDED.version
       -- Uncorrelated IN lists (hashed once), not a scan of req per conflicting row.
       WHERE (st.tenant, st.stream_id) IN (SELECT tenant, stream_id FROM req WHERE mode IN ('any', 'exists'))
          OR (st.tenant, st.stream_id, st.version) IN (SELECT tenant, stream_id, expected FROM req WHERE mode = 'exact')
      RETURNING st.tenant, st.stream_id, st.version
    ),
    checked AS (
      SELECT r.i, s.version FROM req r
        LEFT JOIN ${schema}.streams s ON s.tenant = r.tenant AND s.stream_id = r.stream_id
       WHERE r.n = 0 AND ${CHECK('s.version')}
    ),
    verdict AS (
      SELECT (SELECT count(*) FROM stream) = $2::bigint AND (SELECT count(*) FROM checked) = $3::bigint AS ok
    ),
    inserted AS (
      INSERT INTO ${schema}.events (tenant, stream_id, stream_version, event_id, type, schema_version, data, metadata)
      SELECT r.tenant, r.stream_id, st.version - r.n + e.o, e.id, e.type, e.schema_version, e.data, e.metadata
        FROM verdict, req r
        JOIN stream st ON st.tenant = r.tenant AND st.stream_id = r.stream_id
        JOIN (SELECT (x->>'i')::int, (x->>'o')::bigint, (x->>'id')::uuid, x->>'type',
                     (x->>'schemaVersion')::integer, x->'data', x->'metadata'
                FROM jsonb_array_elements($4::jsonb) AS j(x))
          AS e(i, o, id, type, schema_version, data, metadata) ON e.i = r.i
       WHERE verdict.ok
       ORDER BY r.i, e.o
      RETURNING tenant, stream_id, global_position
    ),
    last AS (
      SELECT tenant, stream_id, max(global_position) AS position FROM inserted GROUP BY tenant, stream_id
    )
    SELECT r.i, coalesce(st.version, c.version, 0) AS next_version,
           pg_current_xact_id()::text AS commit_position, l.position AS last_position
      FROM verdict${notifyChannelParam ? `, pg_notify(${notifyChannelParam}::text, '')` : ''}, req r
      LEFT JOIN stream st ON st.tenant = r.tenant AND st.stream_id = r.stream_id
      LEFT JOIN checked c ON c.i = r.i
      LEFT JOIN last l ON l.tenant = r.tenant AND l.stream_id = r.stream_id
     WHERE verdict.ok OR ${schema}.multi_append_conflict()
     ORDER BY r.i`;
}
