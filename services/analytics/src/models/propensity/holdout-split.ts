/**
 * A deterministic train/holdout split for the propensity models. Each id is assigned by a hash of
 * (seed, id) fed through mulberry32, so a customer's side depends on nothing else: not on the
 * order rows arrive in, nor on who else is in the tenant, and a refit with the same seed keeps
 * last time's holdout customers out of training.
 */

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state PRNG with period 2^32. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string, 32 bits. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) fixed by the seed and the id. */
export function uniformFor(id: string, seed: number): number {
  return mulberry32(fnv1a(`${seed >>> 0}:${id}`))();
}

export interface HoldoutSplit {
  /** Indices into the ids given, in their order. */
  readonly train: number[];
  readonly holdout: number[];
  readonly seed: number;
  readonly holdoutFraction: number;
}

/** Puts each id in the holdout with probability `holdoutFraction` (default 0.2). */
export function holdoutSplit(
  ids: readonly string[],
  options: { readonly seed: number; readonly holdoutFraction?: number },
): HoldoutSplit {
  const holdoutFraction = Math.min(1, Math.max(0, options.holdoutFraction ?? 0.2));
  const train: number[] = [];
  const holdout: number[] = [];
  ids.forEach((id, i) =>
    (uniformFor(id, options.seed) < holdoutFraction ? holdout : train).push(i),
  );
  return { train, holdout, seed: options.seed, holdoutFraction };
}
