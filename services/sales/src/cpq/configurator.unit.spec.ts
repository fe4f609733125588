import { DomainError } from '@crm/event-sourcing';
import { CAR_BASE_PRICE_EUR, carModel } from './car.fixture';
import type { ConfigurationModel } from './configuration-model';
import { configure, validateModel } from './configurator';

const codes = (ids: string[], currency = 'EUR') =>
  configure(carModel, ids, currency, CAR_BASE_PRICE_EUR).violations.map((v) => v.code);

describe('CPQ configurator', () => {
  it('fills every group from its default and prices the base car', () => {
    const result = configure(carModel, [], 'EUR', CAR_BASE_PRICE_EUR);
    expect(result.valid).toBe(true);
    expect(result.selections.map((s) => [s.optionId, s.defaulted])).toEqual([
      ['paint-white', true],
      ['trim-cloth', true],
      ['gear-manual', true],
    ]);
    expect(result.unitPriceMinor).toBe(3_000_000);
  });

  it('adds each option delta in the quote currency, negative deltas included', () => {
    const result = configure(
      carModel,
      ['paint-red', 'trim-leather', 'gear-auto', 'sport-pack', 'eco-discount'],
      'EUR',
      CAR_BASE_PRICE_EUR,
    );
    expect(result.violations).toEqual([]);
    // 30 000.00 + 800.00 + 2 500.00 + 2 000.00 + 3 000.00 - 500.00
    expect(result.unitPriceMinor).toBe(3_780_000);
    expect(result.selections.every((s) => !s.defaulted)).toBe(true);
  });

  it('an explicit choice replaces the group default', () => {
    const result = configure(carModel, ['paint-black'], 'EUR', CAR_BASE_PRICE_EUR);
    expect(result.selections.filter((s) => s.groupId === 'paint').map((s) => s.optionId)).toEqual([
      'paint-black',
    ]);
  });

  it('at most one option per single-choice group', () => {
    const result = configure(carModel, ['paint-red', 'paint-black'], 'EUR', CAR_BASE_PRICE_EUR);
    expect(result.valid).toBe(false);
    expect(result.violations).toEqual([
      expect.objectContaining({ code: 'AtMostOnePerGroup', groupId: 'paint' }),
    ]);
  });

  it('a multiple-choice group takes several options', () => {
    expect(codes(['tow-hitch', 'eco-discount'])).toEqual([]);
  });

  it('requires: the sport pack needs the automatic gearbox', () => {
    const result = configure(carModel, ['sport-pack', 'trim-leather'], 'EUR', CAR_BASE_PRICE_EUR);
    expect(result.violations).toEqual([
      {
        code: 'Requires',
        optionId: 'sport-pack',
        targetOptionId: 'gear-auto',
        message: 'Sport pack requires Automatic',
      },
    ]);
  });

  it('a default is not applied when an explicit choice excludes it; the group is then unfilled', () => {
    const result = configure(carModel, ['sport-pack', 'gear-auto'], 'EUR', CAR_BASE_PRICE_EUR);
    expect(result.selections.map((s) => s.optionId)).not.toContain('trim-cloth');
    expect(result.violations.map((v) => [v.code, v.groupId])).toEqual([
      ['GroupRequired', 'interior'],
    ]);
  });

  it('excludes: the tow hitch cannot be combined with the sport pack, and every broken rule is reported', () => {
    expect(codes(['tow-hitch', 'sport-pack', 'trim-cloth'])).toEqual([
      'Requires',
      'Excludes',
      'Excludes',
    ]);
  });

  it('reports an explicit choice that breaks an exclusion with a default-free group', () => {
    expect(codes(['sport-pack', 'gear-auto', 'trim-leather'])).toEqual([]);
  });

  it('reports unknown options', () => {
    expect(configure(carModel, ['paint-gold'], 'EUR', CAR_BASE_PRICE_EUR).violations).toEqual([
      expect.objectContaining({ code: 'UnknownOption', optionId: 'paint-gold' }),
    ]);
  });

  it('an option with prices but none in the quote currency cannot be priced', () => {
    expect(codes(['tow-hitch'], 'USD')).toEqual(['OptionNotPriced']);
    // Free options (no deltas at all) are fine in any currency.
    expect(configure(carModel, [], 'USD', 3_300_000).unitPriceMinor).toBe(3_300_000);
  });

  it('rejects a bad currency or a fractional base price', () => {
    expect(() => configure(carModel, [], 'eur', 1)).toThrow(DomainError);
    expect(() => configure(carModel, [], 'EUR', 10.5)).toThrow(DomainError);
  });

  it('refuses a configuration whose price falls below zero', () => {
    expect(() => configure(carModel, ['eco-discount'], 'EUR', 10_000)).toThrow(
      expect.objectContaining({ code: 'NegativePrice' }),
    );
  });

  describe('model validation', () => {
    const bad = (change: (m: any) => void) => {
      const model = structuredClone(carModel) as any;
      change(model);
      return () => validateModel(model as ConfigurationModel);
    };
    it('accepts the car', () => expect(validateModel(carModel)).toBe(carModel));
    it.each([
      ['repeated option ids', (m: any) => (m.groups[1].options[0].optionId = 'paint-red')],
      ['repeated group ids', (m: any) => (m.groups[1].groupId = 'paint')],
      ['two defaults in a single group', (m: any) => (m.groups[0].options[1].isDefault = true)],
      [
        'a rule naming an unknown option',
        (m: any) =>
          m.rules.push({ kind: 'requires', optionId: 'paint-red', targetOptionId: 'nope' }),
      ],
      [
        'a self rule',
        (m: any) =>
          m.rules.push({ kind: 'excludes', optionId: 'paint-red', targetOptionId: 'paint-red' }),
      ],
      ['a fractional delta', (m: any) => (m.groups[0].options[1].priceDeltas.EUR = 0.5)],
      ['a bad currency', (m: any) => (m.groups[0].options[1].priceDeltas.eur = 1)],
      ['an empty group', (m: any) => (m.groups[0].options = [])],
    ])('rejects %s', (_, change) => {
      expect(bad(change)).toThrow(
        expect.objectContaining({
          code: expect.stringMatching(/InvalidConfigurationModel|InvalidAmount|InvalidCurrency/),
        }),
      );
    });
  });
});
