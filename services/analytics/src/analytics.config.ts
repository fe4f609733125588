/**
 * The analytics service's own environment variables, declared once (the platform's and
 * messaging's are declared in those libs). Read at start-up: a wrong value stops the service
 * naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';

export const ANALYTICS_CONFIG = Symbol('ANALYTICS_CONFIG');

export const analyticsConfigSpec = {
  ANALYTICS_CONVERSION_WINDOW_DAYS: {
    type: 'int',
    min: 1,
    max: 365,
    default: 30,
    description:
      'days after a campaign message in which an order of its recipient counts as its conversion (campaign_results)',
  },
} as const;

export interface AnalyticsConfig {
  readonly conversionWindowDays: number;
}

export function loadAnalyticsConfig(env: Env): AnalyticsConfig {
  const raw = loadConfig(analyticsConfigSpec, env);
  return { conversionWindowDays: raw.ANALYTICS_CONVERSION_WINDOW_DAYS };
}

/** Provides ANALYTICS_CONFIG to the whole service; imported once, by the AppModule. */
export const AnalyticsConfigModule = serviceConfigModule(ANALYTICS_CONFIG, loadAnalyticsConfig);
