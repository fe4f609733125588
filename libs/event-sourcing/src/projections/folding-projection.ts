/**
 * Read models that keep one row per aggregate. Each event is folded into the row's `state`
 * (jsonb) column with the aggregate's own `evolve`, so the read model can never disagree with
 * the write model about what an event means; the service then writes its query columns from
 * the folded state.
 *
 * The event lists are records keyed by every type of the aggregate's union: an event type added
 * to the union and not to the projection fails to compile instead of being silently skipped.
 */
import type { PoolClient } from 'pg';
import type { Decider, DomainEvent } from '../decider';
import { idOfStream, type RecordedEvent } from '../event-store';
import type { ProjectionHandler } from './projection';

/**
 * Every type of the union `E`: `true` takes the shared handler, a function is that type's own.
 */
export type EveryEventType<E extends DomainEvent> = {
  readonly [T in E['type']]: true | ProjectionHandler;
};

/**
 * `handler` for every event type of `E` (`handlersFor<OrderEvent>({ OrderPlaced: true, ... },
 * apply)`). Without the type argument no list is accepted: inferred from the keys, it would
 * check nothing.
 */
export function handlersFor<E extends DomainEvent = never>(
  types: [E] extends [never]
    ? 'name the event union: handlersFor<SomeEvent>(...)'
    : NoInfer<EveryEventType<E>>,
  handler: ProjectionHandler,
): Record<E['type'], ProjectionHandler> {
  return Object.fromEntries(
    Object.entries(types as EveryEventType<DomainEvent>).map(([type, own]) => [
      type,
      own === true ? handler : own,
    ]),
  ) as Record<E['type'], ProjectionHandler>;
}

export interface FoldedRow<State> {
  readonly tenant: string;
  /** The aggregate's id: its stream id without the category. */
  readonly id: string;
  /** The state after the event. */
  readonly state: State;
  /** The event's stream version: the row's version (ETag). */
  readonly version: number;
  readonly event: RecordedEvent;
}

export interface FoldingProjectionSpec<E extends DomainEvent, State> {
  /** Schema-qualified table with `tenant`, the id column and a jsonb `state` column. */
  readonly table: string;
  readonly idColumn: string;
  readonly decider: Pick<Decider<unknown, E, State>, 'initialState' | 'evolve'>;
  /** `true` folds the type into the row; a function handles it instead (e.g. erasure deletes the row). */
  readonly events: NoInfer<EveryEventType<E>>;
  /** The event as `evolve` sees it; default `{ type, data }` (e.g. blank erased personal fields here). */
  readonly toDomainEvent?: (event: RecordedEvent) => E;
  /** Upserts the row (its `state`, `version` and query columns) from the folded state. */
  readonly write: (tx: PoolClient, row: FoldedRow<State>) => Promise<void>;
}

/** The projection handlers that keep `spec.table` equal to each aggregate folded so far. */
export function foldingProjection<E extends DomainEvent, State>(
  spec: FoldingProjectionSpec<E, State>,
): Record<E['type'], ProjectionHandler> {
  const toDomainEvent =
    spec.toDomainEvent ?? ((e: RecordedEvent) => ({ type: e.type, data: e.data }) as E);
  const fold: ProjectionHandler = async (event, tx) => {
    const id = idOfStream(event.streamId);
    const { rows } = await tx.query<{ state: State }>(
      `SELECT state FROM ${spec.table} WHERE tenant = $1 AND ${spec.idColumn} = $2 FOR UPDATE`,
      [event.tenant, id],
    );
    const before = rows[0]?.state ?? spec.decider.initialState();
    const state = spec.decider.evolve(before, toDomainEvent(event));
    await spec.write(tx, { tenant: event.tenant, id, state, version: event.streamVersion, event });
  };
  return handlersFor<E>(spec.events as never, fold);
}
