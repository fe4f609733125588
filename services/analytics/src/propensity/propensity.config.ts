/** The propensity feature's environment variables (read at start-up, a wrong value stops the service). */
import { loadConfig, type Env } from '@crm/platform';

export const PROPENSITY_CONFIG = Symbol('PROPENSITY_CONFIG');

export const propensityConfigSpec = {
  ANALYTICS_PROPENSITY_FAMILIES: {
    type: 'list',
    optional: true,
    description:
      'product families to model (comma-separated); unset: the tenant’s top ANALYTICS_PROPENSITY_TOP_FAMILIES by buyers',
  },
  ANALYTICS_PROPENSITY_TOP_FAMILIES: {
    type: 'int',
    min: 1,
    max: 50,
    default: 5,
    description: 'how many families (most distinct buyers first) get a model when none are named',
  },
  ANALYTICS_PROPENSITY_WINDOW_DAYS: {
    type: 'int',
    min: 1,
    max: 730,
    default: 90,
    description: 'outcome window: a score is P(buys the family in the next this many days)',
  },
  ANALYTICS_PROPENSITY_FIT_INTERVAL_MS: {
    type: 'int',
    min: 1000,
    max: 7 * 86_400_000,
    default: 6 * 3_600_000,
    description:
      'milliseconds between propensity fits per tenant; a fit older than twice this is reported stale',
  },
} as const;

export interface PropensityConfig {
  /** Empty: the top `topFamilies`. */
  readonly families: readonly string[];
  readonly topFamilies: number;
  readonly windowDays: number;
  readonly fitIntervalMs: number;
  /**
   * Ridge penalty on the standardised features: small enough to leave a well-determined model
   * near its glm estimate, large enough to keep it finite when a feature separates buyers
   * (common in CRM data: "holds family X" can be all buyers of Y) and one-hot levels are rare.
   */
  readonly l2: number;
}

export function loadPropensityConfig(env: Env): PropensityConfig {
  const c = loadConfig(propensityConfigSpec, env);
  return {
    families: c.ANALYTICS_PROPENSITY_FAMILIES ?? [],
    topFamilies: c.ANALYTICS_PROPENSITY_TOP_FAMILIES,
    windowDays: c.ANALYTICS_PROPENSITY_WINDOW_DAYS,
    fitIntervalMs: c.ANALYTICS_PROPENSITY_FIT_INTERVAL_MS,
    l2: 1,
  };
}
