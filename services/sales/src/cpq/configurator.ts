/**
 * Validates and prices a product configuration. Pure: the same model, choice, currency and base
 * price always give the same result, on the validate/price endpoints and when a quote line is
 * added. Every broken rule is reported (not only the first), so a configurator UI can show them all.
 */
import { parseCurrency, parseMinorUnits, sum } from '@crm/values';
import type {
  ConfigurationModel,
  ConfigurationRule,
  OptionGroup,
  ProductOption,
} from './configuration-model';
import { ConfigurationErrors } from './configuration.errors';

export type ViolationCode =
  | 'UnknownOption'
  | 'AtMostOnePerGroup'
  | 'GroupRequired'
  | 'Requires'
  | 'Excludes'
  | 'OptionNotPriced';

export interface RuleViolation {
  readonly code: ViolationCode;
  readonly message: string;
  readonly groupId?: string;
  readonly optionId?: string;
  readonly targetOptionId?: string;
}

export interface SelectedOption {
  readonly groupId: string;
  readonly optionId: string;
  readonly name: string;
  readonly priceDeltaMinor: number;
  /** Chosen by the group default, not by the customer. */
  readonly defaulted: boolean;
}

export interface PricedConfiguration {
  readonly valid: boolean;
  readonly violations: RuleViolation[];
  readonly currency: string;
  readonly basePriceMinor: number;
  readonly selections: SelectedOption[];
  /** Base price plus every selected option's delta (minor units). */
  readonly unitPriceMinor: number;
}

export function configure(
  model: ConfigurationModel,
  chosenOptionIds: readonly string[],
  currency: string,
  basePriceMinor: number,
): PricedConfiguration {
  parseCurrency(currency);
  parseMinorUnits(basePriceMinor, 'basePriceMinor');
  const violations: RuleViolation[] = [];
  const located = new Map<string, { group: OptionGroup; option: ProductOption }>();
  for (const group of model.groups)
    for (const option of group.options) located.set(option.optionId, { group, option });

  const chosen = [...new Set(chosenOptionIds)];
  for (const optionId of chosen.filter((id) => !located.has(id))) {
    violations.push({
      code: 'UnknownOption',
      optionId,
      message: `There is no option ${optionId} for this product`,
    });
  }
  const explicit = new Set(chosen.filter((id) => located.has(id)));

  // Defaults fill groups the customer left alone, unless an explicit choice excludes them.
  const excludedByChoice = (optionId: string) =>
    model.rules.some(
      (r) =>
        r.kind === 'excludes' &&
        ((explicit.has(r.optionId) && r.targetOptionId === optionId) ||
          (explicit.has(r.targetOptionId) && r.optionId === optionId)),
    );
  const defaulted = new Set<string>();
  for (const group of model.groups) {
    if (group.options.some((o) => explicit.has(o.optionId))) continue;
    for (const option of group.options)
      if (option.isDefault && !excludedByChoice(option.optionId)) defaulted.add(option.optionId);
  }
  const selected = new Set([...explicit, ...defaulted]);

  for (const group of model.groups) {
    const inGroup = group.options.filter((o) => selected.has(o.optionId));
    if (group.selection === 'single' && inGroup.length > 1) {
      violations.push({
        code: 'AtMostOnePerGroup',
        groupId: group.groupId,
        message: `Choose at most one ${group.name}: ${inGroup.map((o) => o.name).join(', ')}`,
      });
    }
    if (group.required && inGroup.length === 0) {
      violations.push({
        code: 'GroupRequired',
        groupId: group.groupId,
        message: `Choose a ${group.name}`,
      });
    }
  }
  for (const rule of model.rules) {
    const violation = checkRule(rule, selected, located);
    if (violation) violations.push(violation);
  }

  const selections: SelectedOption[] = [];
  for (const group of model.groups) {
    for (const option of group.options) {
      if (!selected.has(option.optionId)) continue;
      const deltas = Object.keys(option.priceDeltas);
      const delta = option.priceDeltas[currency];
      if (delta === undefined && deltas.length > 0) {
        violations.push({
          code: 'OptionNotPriced',
          optionId: option.optionId,
          message: `${option.name} has no price in ${currency}`,
        });
      }
      selections.push({
        groupId: group.groupId,
        optionId: option.optionId,
        name: option.name,
        priceDeltaMinor: delta ?? 0,
        defaulted: defaulted.has(option.optionId),
      });
    }
  }
  const unitPriceMinor = sum([basePriceMinor, ...selections.map((s) => s.priceDeltaMinor)]);
  if (unitPriceMinor < 0) throw ConfigurationErrors.negativePrice();
  return {
    valid: violations.length === 0,
    violations,
    currency,
    basePriceMinor,
    selections,
    unitPriceMinor,
  };
}

function checkRule(
  rule: ConfigurationRule,
  selected: Set<string>,
  located: Map<string, { option: ProductOption }>,
): RuleViolation | undefined {
  if (!selected.has(rule.optionId)) return undefined;
  const name = (id: string) => located.get(id)?.option.name ?? id;
  if (rule.kind === 'requires' && !selected.has(rule.targetOptionId)) {
    return {
      code: 'Requires',
      optionId: rule.optionId,
      targetOptionId: rule.targetOptionId,
      message: `${name(rule.optionId)} requires ${name(rule.targetOptionId)}`,
    };
  }
  if (rule.kind === 'excludes' && selected.has(rule.targetOptionId)) {
    return {
      code: 'Excludes',
      optionId: rule.optionId,
      targetOptionId: rule.targetOptionId,
      message: `${name(rule.optionId)} cannot be combined with ${name(rule.targetOptionId)}`,
    };
  }
  return undefined;
}

/** Checks a model is well formed before a product accepts it. */
export function validateModel(model: ConfigurationModel): ConfigurationModel {
  const invalid = ConfigurationErrors.invalidConfigurationModel;
  const groupIds = new Set<string>();
  const optionIds = new Set<string>();
  for (const group of model.groups) {
    if (!group.groupId || groupIds.has(group.groupId))
      throw invalid(`Group id "${group.groupId}" is missing or repeated`);
    groupIds.add(group.groupId);
    if (!group.name?.trim()) throw invalid(`Group ${group.groupId} needs a name`);
    if (group.selection !== 'single' && group.selection !== 'multiple')
      throw invalid(`Group ${group.groupId}: selection is single or multiple`);
    if (group.options.length === 0) throw invalid(`Group ${group.groupId} has no options`);
    for (const option of group.options) {
      if (!option.optionId || optionIds.has(option.optionId))
        throw invalid(`Option id "${option.optionId}" is missing or repeated`);
      optionIds.add(option.optionId);
      if (!option.name?.trim()) throw invalid(`Option ${option.optionId} needs a name`);
      for (const [currency, delta] of Object.entries(option.priceDeltas)) {
        parseCurrency(currency, `priceDeltas of ${option.optionId}`);
        parseMinorUnits(delta, `priceDeltas.${currency} of ${option.optionId}`, {
          allowNegative: true,
        });
      }
    }
    if (group.selection === 'single' && group.options.filter((o) => o.isDefault).length > 1) {
      throw invalid(`Group ${group.groupId} allows one option but has several defaults`, {
        groupId: group.groupId,
      });
    }
  }
  for (const rule of model.rules) {
    if (rule.kind !== 'requires' && rule.kind !== 'excludes')
      throw invalid('A rule is requires or excludes');
    if (!optionIds.has(rule.optionId) || !optionIds.has(rule.targetOptionId))
      throw invalid(
        `Rule ${rule.optionId} ${rule.kind} ${rule.targetOptionId} names an unknown option`,
      );
    if (rule.optionId === rule.targetOptionId)
      throw invalid(`Option ${rule.optionId} cannot ${rule.kind} itself`);
  }
  return model;
}
