import type { EventStore } from '../event-store';
import { type Upcaster, UpcasterChain } from './upcasters';

/**
 * An EventStore whose every read path (readStream, readAll, subscribe) returns upcasted events.
 * Appends (one stream or several) pass through untouched.
 */
export function withUpcasters(
  store: EventStore,
  upcasters: readonly Upcaster[] | UpcasterChain,
): EventStore {
  const chain = upcasters instanceof UpcasterChain ? upcasters : new UpcasterChain(upcasters);
  return {
    append: (stream, events, expected) => store.append(stream, events, expected),
    appendToStreams: (appends) => store.appendToStreams(appends),
    atomicMultiStreamAppend: store.atomicMultiStreamAppend,
    readStream: async (stream, options) => {
      const result = await store.readStream(stream, options);
      return { ...result, events: chain.applyAll(result.events) };
    },
    readAll: async (options) => {
      const result = await store.readAll(options);
      return { ...result, events: chain.applyAll(result.events) };
    },
    subscribe: (options, handler) =>
      store.subscribe(options, (events) => handler(chain.applyAll(events))),
    close: () => store.close(),
  };
}
