/**
 * The attribution windows (the rule is in attribution-rule.ts). One setting for the whole
 * deployment today; per-tenant windows would be read where this token is injected.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';
import type { AttributionSettings } from './attribution-rule';

export const ATTRIBUTION_SETTINGS = Symbol('ATTRIBUTION_SETTINGS');

export const attributionConfigSpec = {
  CAMPAIGNS_ATTRIBUTION_CLICK_DAYS: {
    type: 'int',
    min: 0,
    max: 365,
    default: 7,
    description: 'an order is credited to the last campaign click within this many days before it',
  },
  CAMPAIGNS_ATTRIBUTION_OPEN_DAYS: {
    type: 'int',
    min: 0,
    max: 365,
    default: 1,
    description: 'else to the last campaign open within this many days before it',
  },
} as const;

export function loadAttributionSettings(env: Env): AttributionSettings {
  const c = loadConfig(attributionConfigSpec, env);
  return {
    clickWindowDays: c.CAMPAIGNS_ATTRIBUTION_CLICK_DAYS,
    openWindowDays: c.CAMPAIGNS_ATTRIBUTION_OPEN_DAYS,
  };
}

export const AttributionConfigModule = serviceConfigModule(
  ATTRIBUTION_SETTINGS,
  loadAttributionSettings,
);
