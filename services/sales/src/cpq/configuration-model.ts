/**
 * The shape of a configurable product (CPQ): option groups such as paint colour or transmission,
 * options with price deltas per currency, and rules between options.
 */
export interface ProductOption {
  readonly optionId: string;
  readonly name: string;
  /** Price delta per currency in minor units (may be negative). An option with no deltas is free. */
  readonly priceDeltas: Readonly<Record<string, number>>;
  /** Chosen when the customer makes no choice in this group. */
  readonly isDefault?: boolean;
}

export interface OptionGroup {
  readonly groupId: string;
  readonly name: string;
  /** A choice must be made (explicitly or by a default). */
  readonly required: boolean;
  /** `single`: at most one option of the group; `multiple`: any number (extras, packs). */
  readonly selection: 'single' | 'multiple';
  readonly options: readonly ProductOption[];
}

export interface ConfigurationRule {
  readonly kind: 'requires' | 'excludes';
  readonly optionId: string;
  readonly targetOptionId: string;
}

export interface ConfigurationModel {
  readonly groups: readonly OptionGroup[];
  readonly rules: readonly ConfigurationRule[];
}

export const EMPTY_MODEL: ConfigurationModel = { groups: [], rules: [] };
