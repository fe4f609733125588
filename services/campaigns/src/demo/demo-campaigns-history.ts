/**
 * What the demo's past campaigns did (pure, seeded): per recipient, when the message was sent
 * and whether and when it was opened, clicked, bounced or unsubscribed, at rates close to what
 * retail email sees (opens about 35-45 %, clicks about 8-14 % of sent, a per-cent of bounces).
 * A variant may do better than another (the A/B test then has something to find).
 */

export interface VariantRates {
  readonly open: number;
  readonly click: number;
}

export interface RecipientStory {
  readonly contactId: string;
  readonly variantId: string;
  readonly sentAt: Date;
  readonly openedAt?: Date;
  readonly clickedAt?: Date;
  readonly bouncedAt?: Date;
  readonly unsubscribedAt?: Date;
}

const HOUR = 3_600_000;

/** mulberry32: small, fast, seedable (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function campaignStories(
  seed: number,
  contactIds: readonly string[],
  launchedAt: Date,
  variants: Readonly<Record<string, VariantRates>>,
): RecipientStory[] {
  const next = seededRandom(seed);
  const ids = Object.keys(variants);
  return contactIds.map((contactId, i) => {
    const variantId = ids[i % ids.length];
    const rates = variants[variantId];
    // The sender paces itself: two messages a second.
    const sentAt = new Date(launchedAt.getTime() + i * 500);
    if (next() < 0.012)
      return { contactId, variantId, sentAt, bouncedAt: new Date(sentAt.getTime() + 60_000) };
    const opened = next() < rates.open;
    const openedAt = opened ? new Date(sentAt.getTime() + (0.2 + next() * 47) * HOUR) : undefined;
    // A click (always after an open here, and minutes after it: a person, not a link scanner).
    const clickedAt =
      openedAt && next() < rates.click / rates.open
        ? new Date(openedAt.getTime() + (1 + next() * 30) * 60_000)
        : undefined;
    const unsubscribedAt =
      openedAt && !clickedAt && next() < 0.02 ? new Date(openedAt.getTime() + 120_000) : undefined;
    return {
      contactId,
      variantId,
      sentAt,
      ...(openedAt ? { openedAt } : {}),
      ...(clickedAt ? { clickedAt } : {}),
      ...(unsubscribedAt ? { unsubscribedAt } : {}),
    };
  });
}
