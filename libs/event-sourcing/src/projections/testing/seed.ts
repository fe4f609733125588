import type { EventStore, Position } from '../../event-store';
import { amountAdded } from './tally-projection';

export interface Seeded {
  readonly last: Position;
  /** What the tally read model must contain afterwards, computed from the input. */
  readonly expectedTotals: Array<{ stream_id: string; events: number; total: number }>;
}

/** Appends `count` AmountAdded events round-robin over `streams` streams, in appends of `perAppend`. */
export async function seedAmounts(
  store: EventStore,
  options: { count: number; streams: number; prefix: string; perAppend?: number },
): Promise<Seeded> {
  const perAppend = options.perAppend ?? 50;
  const totals = new Map<string, { events: number; total: number }>();
  let last: Position | undefined;
  for (let start = 0; start < options.count; start += perAppend * options.streams) {
    for (let s = 0; s < options.streams; s++) {
      const streamId = `tally-${options.prefix}${s}`;
      const amounts: number[] = [];
      for (
        let i = start + s * perAppend;
        i < Math.min(start + (s + 1) * perAppend, options.count);
        i++
      ) {
        amounts.push((i % 7) + 1);
      }
      if (!amounts.length) continue;
      const result = await store.append({ tenant: 'acme', id: streamId }, amounts.map(amountAdded));
      last = result.lastPosition;
      const t = totals.get(streamId) ?? { events: 0, total: 0 };
      totals.set(streamId, {
        events: t.events + amounts.length,
        total: t.total + amounts.reduce((a, b) => a + b, 0),
      });
    }
  }
  return {
    last: last!,
    expectedTotals: [...totals]
      .map(([stream_id, t]) => ({ stream_id, ...t }))
      .sort((a, b) => (a.stream_id < b.stream_id ? -1 : 1)),
  };
}
