/** The customer-value feature's environment variables (read at start-up, a wrong value stops the service). */
import { loadConfig, type Env } from '@crm/platform';

export const CUSTOMER_VALUE_CONFIG = Symbol('CUSTOMER_VALUE_CONFIG');

export const customerValueConfigSpec = {
  ANALYTICS_FIT_INTERVAL_MS: {
    type: 'int',
    min: 1000,
    max: 7 * 86_400_000,
    default: 6 * 3_600_000,
    description:
      'milliseconds between lifetime-value fits per tenant; a fit older than twice this is reported stale',
  },
} as const;

export interface CustomerValueConfig {
  readonly fitIntervalMs: number;
}

export function loadCustomerValueConfig(env: Env): CustomerValueConfig {
  return { fitIntervalMs: loadConfig(customerValueConfigSpec, env).ANALYTICS_FIT_INTERVAL_MS };
}
