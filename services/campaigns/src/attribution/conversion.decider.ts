/**
 * One order's credit (stream `conversion-<orderId>`): attributed at most once, reversed at most
 * once, and only after it was attributed. A repeated command decides nothing, so a redelivered
 * order event changes nothing; an order no campaign earned has no stream at all.
 */
import type { Decider } from '@crm/event-sourcing';
import type { ConversionAttributed, ConversionEvent, ConversionRef } from './conversion.events';

export type ConversionCommand =
  | { type: 'AttributeConversion'; data: ConversionAttributed['data'] }
  | { type: 'ReverseConversion'; data: { reason: 'cancelled' | 'returned'; at: string } };

export interface ConversionState {
  readonly attributed: (ConversionRef & { revenueMinor: number; currency: string | null }) | null;
  readonly reversed: boolean;
}

export const conversionDecider: Decider<ConversionCommand, ConversionEvent, ConversionState> = {
  initialState: () => ({ attributed: null, reversed: false }),
  evolve(state, event) {
    switch (event.type) {
      case 'ConversionAttributed': {
        const { orderId, contactId, messageId, campaignId, variantId, revenueMinor, currency } =
          event.data;
        return {
          ...state,
          attributed: {
            orderId,
            contactId,
            messageId,
            campaignId,
            variantId,
            revenueMinor,
            currency,
          },
        };
      }
      case 'ConversionReversed':
        return { ...state, reversed: true };
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'AttributeConversion':
        return state.attributed ? [] : [{ type: 'ConversionAttributed', data: command.data }];
      case 'ReverseConversion':
        if (!state.attributed || state.reversed) return [];
        return [{ type: 'ConversionReversed', data: { ...state.attributed, ...command.data } }];
    }
  },
};
