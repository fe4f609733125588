/**
 * Read-your-writes that could not be met, carried from the command path to the HTTP answer. The
 * append is the truth, so the command still succeeds; the `Read-Your-Writes` header tells the
 * client that a query right after it may not show the change yet:
 *   pending  the read models had not applied the write when the wait ran out (they will)
 *   stale    a read model parked an event of this record: its view of it stays frozen until
 *            an operator retries the parked events (it will not catch up by itself)
 * AggregateCommands reports into the request's slot; ReadModelReadyInterceptor opens the slot
 * for each HTTP request and turns it into the header. A controller that shapes its body by it
 * reads `readYourWrites` from AggregateCommands.execute's result (or currentReadYourWrites()).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type ReadYourWrites = 'visible' | 'pending' | 'stale';

export const READ_YOUR_WRITES_HEADER = 'read-your-writes';

interface Slot {
  outcome?: Exclude<ReadYourWrites, 'visible'>;
}

const slots = new AsyncLocalStorage<Slot>();

/** Runs `fn` with a fresh slot, which `fn` reads once the work it started is done. */
export function collectReadYourWrites<T>(fn: (slot: Readonly<Slot>) => T): T {
  const slot: Slot = {};
  return slots.run(slot, () => fn(slot));
}

/** What the request's commands reported so far (`visible`: nothing; undefined: no request). */
export function currentReadYourWrites(): ReadYourWrites | undefined {
  const slot = slots.getStore();
  return slot && (slot.outcome ?? 'visible');
}

/** Several commands in one request: the worst outcome wins (stale over pending). */
export function reportReadYourWrites(outcome: ReadYourWrites): void {
  const slot = slots.getStore();
  if (!slot || outcome === 'visible' || slot.outcome === 'stale') return;
  slot.outcome = outcome;
}
