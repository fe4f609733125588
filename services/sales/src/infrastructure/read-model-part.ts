/**
 * The service keeps one projection (`sales.read_models`, one lock, one checkpoint) assembled from
 * a part per feature: each part owns its tables and the handlers that fill them.
 */
import type { Decider, DomainEvent, ProjectionHandler, RecordedEvent } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { SALES_SCHEMA } from './schema';
import { idOfStream } from './streams';

export interface ReadModelPart {
  /** Idempotent DDL (CREATE TABLE IF NOT EXISTS ...). */
  readonly ddl: string;
  /** Tables emptied before a rebuild. */
  readonly tables: readonly string[];
  readonly handlers: Readonly<Record<string, ProjectionHandler>>;
}

export const S = SALES_SCHEMA;

/**
 * A handler that folds the event into the aggregate's `state` column with the decider's own
 * evolve (so the read model can never disagree with the write model about what an event means),
 * then lets `write` upsert the query columns.
 */
export function foldInto<E extends DomainEvent, State>(
  table: string,
  idColumn: string,
  decider: Pick<Decider<unknown, E, State>, 'initialState' | 'evolve'>,
  write: (
    tx: PoolClient,
    row: { tenant: string; id: string; state: State; version: number; event: RecordedEvent },
  ) => Promise<void>,
): ProjectionHandler {
  return async (event, tx) => {
    const id = idOfStream(event.streamId);
    const { rows } = await tx.query<{ state: State }>(
      `SELECT state FROM ${S}.${table} WHERE tenant = $1 AND ${idColumn} = $2 FOR UPDATE`,
      [event.tenant, id],
    );
    const state = decider.evolve(rows[0]?.state ?? decider.initialState(), {
      type: event.type,
      data: event.data,
    } as E);
    await write(tx, { tenant: event.tenant, id, state, version: event.streamVersion, event });
  };
}

export function handlersFor(
  types: readonly string[],
  handler: ProjectionHandler,
): Record<string, ProjectionHandler> {
  return Object.fromEntries(types.map((type) => [type, handler]));
}
