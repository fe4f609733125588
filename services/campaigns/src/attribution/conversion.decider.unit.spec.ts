import { fold } from '@crm/event-sourcing';
import { conversionDecider, type ConversionCommand } from './conversion.decider';
import type { ConversionAttributed, ConversionEvent } from './conversion.events';

const attributed: ConversionAttributed['data'] = {
  orderId: 'o1',
  contactId: 'p1',
  messageId: 'm1',
  campaignId: 'c1',
  variantId: 'a',
  rule: 'last-click',
  touchedAt: '2030-01-01T10:00:00.000Z',
  revenueMinor: 12_500,
  currency: 'EUR',
  placedAt: '2030-01-02T10:00:00.000Z',
  at: '2030-01-02T10:00:01.000Z',
};

const given = (...events: ConversionEvent[]) => ({
  when: (command: ConversionCommand) =>
    conversionDecider.decide(command, fold(conversionDecider, events)),
});

describe('conversion decider', () => {
  it('attributes an order once: a redelivered order decides nothing', () => {
    expect(given().when({ type: 'AttributeConversion', data: attributed })).toEqual([
      { type: 'ConversionAttributed', data: attributed },
    ]);
    expect(
      given({ type: 'ConversionAttributed', data: attributed }).when({
        type: 'AttributeConversion',
        data: { ...attributed, campaignId: 'c2' },
      }),
    ).toEqual([]);
  });

  it('reverses an attributed order once, carrying what it takes back', () => {
    const reverse: ConversionCommand = {
      type: 'ReverseConversion',
      data: { reason: 'returned', at: '2030-01-09T00:00:00.000Z' },
    };
    const reversed = given({ type: 'ConversionAttributed', data: attributed }).when(reverse);
    expect(reversed).toEqual([
      {
        type: 'ConversionReversed',
        data: {
          orderId: 'o1',
          contactId: 'p1',
          messageId: 'm1',
          campaignId: 'c1',
          variantId: 'a',
          revenueMinor: 12_500,
          currency: 'EUR',
          reason: 'returned',
          at: '2030-01-09T00:00:00.000Z',
        },
      },
    ]);
    expect(
      given({ type: 'ConversionAttributed', data: attributed }, ...reversed).when(reverse),
    ).toEqual([]);
  });

  it('has nothing to reverse for an order no campaign earned', () => {
    expect(
      given().when({ type: 'ReverseConversion', data: { reason: 'cancelled', at: attributed.at } }),
    ).toEqual([]);
  });
});
