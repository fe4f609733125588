/**
 * The demand fit's interval: the same ANALYTICS_FIT_INTERVAL_MS as the lifetime-value fit (one
 * knob for "how often models are refitted"), read with the customer-value spec.
 */
import type { Env } from '@crm/platform';
import { loadCustomerValueConfig } from '../customer-value/customer-value.config';

export const DEMAND_CONFIG = Symbol('DEMAND_CONFIG');

export interface DemandConfig {
  readonly fitIntervalMs: number;
}

export function loadDemandConfig(env: Env): DemandConfig {
  return { fitIntervalMs: loadCustomerValueConfig(env).fitIntervalMs };
}
