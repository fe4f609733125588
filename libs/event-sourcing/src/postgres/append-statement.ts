/**
 * An append is ONE SQL statement (one round trip, one implicit transaction), one per
 * expected-version mode so each has a simple plan. The stream row is written FIRST (the
 * optimistic check, whose row lock also serialises concurrent writers of one stream); the events
 * are inserted FROM that write's result, so if it matched no row (wrong expected version) no event
 * is inserted and the statement returns no row. Measured ~25-40% cheaper than the same logic in a
 * plpgsql function (no function layer, no RETURN QUERY tuplestore), measured while building it.
 *
 * Parameters: $1 tenant, $2 stream id, $3 number of events, then the events (one event: $4..$8 =
 * id, type, schema version, data, metadata; several: $4 = one jsonb array of
 * {id, type, schemaVersion, data, metadata}), then the exact expected version (exact mode only).
 */
import type { ExpectedVersion } from '../event-store';

/** Several events: one jsonb array parameter ($4), measured faster than parallel arrays + unnest. */
const EVENT_ARRAY = `(SELECT (x->>'id')::uuid, x->>'type', (x->>'schemaVersion')::integer, x->'data', x->'metadata', ord
    FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS j(x, ord))
  AS e(id, type, schema_version, data, metadata, ord)
  ORDER BY e.ord`;
/** One event (most appends): scalar parameters $4..$8, nothing to unpack. */
const SINGLE_EVENT = `(SELECT $4::uuid, $5::text, $6::integer, $7::jsonb, $8::jsonb, 1)
  AS e(id, type, schema_version, data, metadata, ord)`;

export type AppendMode = 'any' | 'no-stream' | 'exists' | 'exact';

export function appendMode(expected: ExpectedVersion): AppendMode {
  if (expected === 0) return 'no-stream';
  return typeof expected === 'number' ? 'exact' : expected;
}

/**
 * `single`: the one-event form (see SINGLE_EVENT); otherwise EVENT_ARRAY. `notifyChannelParam`
 * (e.g. `$10`): the statement also queues NOTIFY on that channel, delivered if and when the
 * caller's transaction commits (appends inside a caller's transaction need no round trip for it).
 */
export function appendStatement(
  schema: string,
  mode: AppendMode,
  single: boolean,
  notifyChannelParam?: string,
): string {
  const expectedVersion = single ? '$9' : '$5';
  const streamWrite = {
    any: `INSERT INTO ${schema}.streams AS st (tenant, stream_id, version) VALUES ($1, $2, $3)
          ON CONFLICT (tenant, stream_id) DO UPDATE SET version = st.version + $3
          RETURNING st.version`,
    'no-stream': `INSERT INTO ${schema}.streams (tenant, stream_id, version) VALUES ($1, $2, $3)
          ON CONFLICT (tenant, stream_id) DO NOTHING
          RETURNING version`,
    exists: `UPDATE ${schema}.streams st SET version = st.version + $3
          WHERE st.tenant = $1 AND st.stream_id = $2
          RETURNING st.version`,
    exact: `UPDATE ${schema}.streams st SET version = st.version + $3
          WHERE st.tenant = $1 AND st.stream_id = $2 AND st.version = ${expectedVersion}::bigint
          RETURNING st.version`,
  }[mode];
  return `WITH stream AS (${streamWrite}),
    inserted AS (
      INSERT INTO ${schema}.events (tenant, stream_id, stream_version, event_id, type, schema_version, data, metadata)
      SELECT $1, $2, stream.version - $3 + e.ord, e.id, e.type, e.schema_version, e.data, e.metadata
      FROM stream, ${single ? SINGLE_EVENT : EVENT_ARRAY}
      RETURNING global_position
    )
    SELECT stream.version AS next_version,
           pg_current_xact_id()::text AS commit_position,
           (SELECT max(global_position) FROM inserted) AS last_position
    FROM stream${notifyChannelParam ? `, pg_notify(${notifyChannelParam}::text, '')` : ''}`;
}
