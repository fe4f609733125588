/**
 * The basket fit's thresholds (read at start-up, a wrong value stops the service). The interval
 * is ANALYTICS_FIT_INTERVAL_MS, the one knob for how often every model is refitted.
 */
import { ConfigError, loadConfig, type Env } from '@crm/platform';
import { loadCustomerValueConfig } from '../customer-value/customer-value.config';

export const BASKET_CONFIG = Symbol('BASKET_CONFIG');

export const basketConfigSpec = {
  ANALYTICS_BASKET_MIN_SUPPORT: {
    type: 'string',
    default: '0.01',
    description: 'smallest share of baskets (0..1] a stored rule holds in (X and y together)',
  },
  ANALYTICS_BASKET_MIN_CONFIDENCE: {
    type: 'string',
    default: '0.2',
    description: 'smallest confidence P(y | X) [0..1] of a stored rule',
  },
  ANALYTICS_BASKET_MIN_LIFT: {
    type: 'string',
    default: '1',
    description: 'smallest lift of a stored rule (1: X does not lower the chance of y)',
  },
  ANALYTICS_BASKET_MAX_LENGTH: {
    type: 'int',
    min: 2,
    max: 10,
    default: 4,
    description: 'most items in a rule (antecedent plus consequent)',
  },
  ANALYTICS_BASKET_MIN_BASKETS: {
    type: 'int',
    min: 1,
    max: 1_000_000,
    default: 30,
    description:
      'fewest standing orders a tenant needs for rules (fewer: the fit says insufficient data)',
  },
  ANALYTICS_BASKET_OFFERS: {
    type: 'int',
    min: 1,
    max: 50,
    default: 5,
    description: 'next best offers kept and published per customer',
  },
} as const;

export interface BasketThresholds {
  readonly minSupport: number;
  readonly minConfidence: number;
  readonly minLift: number;
  readonly maxLength: number;
}

export interface BasketConfig {
  readonly fitIntervalMs: number;
  readonly thresholds: BasketThresholds;
  readonly minBaskets: number;
  readonly offersPerCustomer: number;
}

function ratio(variable: string, raw: string, low: number, high: number, lowOpen: boolean): number {
  const value = Number(raw);
  const ok = Number.isFinite(value) && (lowOpen ? value > low : value >= low) && value <= high;
  if (!ok) {
    const range = `${lowOpen ? '(' : '['}${low}, ${high}]`;
    throw new ConfigError([{ variable, message: `must be a number in ${range} (got "${raw}")` }]);
  }
  return value;
}

export function loadBasketConfig(env: Env): BasketConfig {
  const c = loadConfig(basketConfigSpec, env);
  return {
    fitIntervalMs: loadCustomerValueConfig(env).fitIntervalMs,
    thresholds: {
      minSupport: ratio('ANALYTICS_BASKET_MIN_SUPPORT', c.ANALYTICS_BASKET_MIN_SUPPORT, 0, 1, true),
      minConfidence: ratio(
        'ANALYTICS_BASKET_MIN_CONFIDENCE',
        c.ANALYTICS_BASKET_MIN_CONFIDENCE,
        0,
        1,
        false,
      ),
      minLift: ratio('ANALYTICS_BASKET_MIN_LIFT', c.ANALYTICS_BASKET_MIN_LIFT, 0, 1e6, false),
      maxLength: c.ANALYTICS_BASKET_MAX_LENGTH,
    },
    minBaskets: c.ANALYTICS_BASKET_MIN_BASKETS,
    offersPerCustomer: c.ANALYTICS_BASKET_OFFERS,
  };
}
