import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event-store';

/**
 * Writes one event into the read model. Runs inside the batch transaction that also moves the
 * checkpoint: use `tx` for every write, never another connection, or a crash could leave the
 * write without the checkpoint (applied twice on restart) or the checkpoint without the write.
 */
export type ProjectionHandler = (event: RecordedEvent<any>, tx: PoolClient) => Promise<void>;

export interface Projection {
  /** Unique per database, e.g. `contacts.contact_list`; names the checkpoint row and the lock. */
  readonly name: string;
  /** Bump when the handlers or tables change: the runner then rebuilds from the start. */
  readonly version: number;
  /** Per event type; events of other types only move the checkpoint. */
  readonly handlers: Readonly<Record<string, ProjectionHandler>>;
  /** Creates the read-model tables; idempotent (runs each time a runner becomes active). */
  init(tx: PoolClient): Promise<void>;
  /** Empties (or drops) the read-model tables before a rebuild; `init` runs right after. */
  reset(tx: PoolClient): Promise<void>;
  /**
   * Read only these stream categories. Narrower reads, but then `waitForPosition` only
   * completes for positions of events in these categories.
   */
  readonly categories?: readonly string[];
}
