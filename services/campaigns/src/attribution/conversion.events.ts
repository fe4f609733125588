/**
 * What campaigns decided about one order, on its `conversion-<orderId>` stream: which campaign
 * message earned it (the attribution rule, attribution-rule.ts), and, if the order is later
 * cancelled or returned, that the credit is taken back. Ids, amounts and times only.
 */
import type { DomainEvent } from '@crm/event-sourcing';

export interface ConversionRef {
  readonly orderId: string;
  readonly contactId: string;
  readonly messageId: string;
  readonly campaignId: string;
  readonly variantId: string | null;
}

export type ConversionAttributed = DomainEvent<
  'ConversionAttributed',
  ConversionRef & {
    /** Which step of the rule matched: the last click, or else the last open. */
    rule: 'last-click' | 'last-open';
    /** When the credited response happened. */
    touchedAt: string;
    revenueMinor: number;
    currency: string | null;
    placedAt: string;
    at: string;
  }
>;

/** The order was cancelled or returned: it is no longer a sale, so no campaign earned it. */
export type ConversionReversed = DomainEvent<
  'ConversionReversed',
  ConversionRef & {
    reason: 'cancelled' | 'returned';
    revenueMinor: number;
    currency: string | null;
    at: string;
  }
>;

export type ConversionEvent = ConversionAttributed | ConversionReversed;
export const CONVERSION_EVENT_TYPES = ['ConversionAttributed', 'ConversionReversed'] as const;
