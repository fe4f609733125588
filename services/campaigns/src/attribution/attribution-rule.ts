/**
 * Which campaign message earned an order (pure). The rule, documented for marketers:
 *
 * 1. The person's last human click on a campaign message within `clickWindowDays` before the
 *    order (default 7) gets the credit;
 * 2. otherwise the last human open within `openWindowDays` (default 1);
 * 3. otherwise no campaign earned it.
 *
 * "Last" is last-touch: the newest qualifying response before the order wins, whatever the
 * campaign. Responses classified as machine traffic (link scanners, prefetching proxies, HEAD
 * requests) never earn an order, and neither does a response after the order was placed.
 */

export interface AttributionSettings {
  readonly clickWindowDays: number;
  readonly openWindowDays: number;
}

export const DEFAULT_ATTRIBUTION: AttributionSettings = { clickWindowDays: 7, openWindowDays: 1 };

export interface Touch {
  readonly messageId: string;
  readonly campaignId: string;
  readonly variantId: string | null;
  readonly kind: 'click' | 'open';
  readonly at: Date;
  /** false for machine traffic: kept for the record, never credited. */
  readonly human: boolean;
}

export interface Credit {
  readonly touch: Touch;
  /** Which step of the rule matched. */
  readonly rule: 'last-click' | 'last-open';
}

const DAY_MS = 86_400_000;

/** The touch that earns an order placed at `placedAt`, or undefined when none qualifies. */
export function attribute(
  touches: readonly Touch[],
  placedAt: Date,
  settings: AttributionSettings = DEFAULT_ATTRIBUTION,
): Credit | undefined {
  const placed = placedAt.getTime();
  const newestWithin = (kind: Touch['kind'], days: number): Touch | undefined => {
    let best: Touch | undefined;
    for (const touch of touches) {
      const at = touch.at.getTime();
      if (touch.kind !== kind || !touch.human || at > placed || at < placed - days * DAY_MS)
        continue;
      // Equal times: the lower message id, so the answer never depends on the input's order.
      if (
        !best ||
        at > best.at.getTime() ||
        (at === best.at.getTime() && touch.messageId < best.messageId)
      )
        best = touch;
    }
    return best;
  };
  const click = newestWithin('click', settings.clickWindowDays);
  if (click) return { touch: click, rule: 'last-click' };
  const open = newestWithin('open', settings.openWindowDays);
  return open ? { touch: open, rule: 'last-open' } : undefined;
}

/** Return on investment: (revenue - cost) / cost; null when the campaign cost nothing. */
export function returnOnInvestment(revenueMinor: number, costMinor: number): number | null {
  if (costMinor <= 0) return null;
  return (revenueMinor - costMinor) / costMinor;
}
