/**
 * The campaigns service's own environment variables, declared once (the platform's and
 * messaging's are declared in those libs). Read at start-up: a wrong value stops the service
 * naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';

export const CAMPAIGNS_CONFIG = Symbol('CAMPAIGNS_CONFIG');

export const campaignsConfigSpec = {
  CAMPAIGNS_WINDOW_REEVALUATION_MS: {
    type: 'int',
    min: 100,
    default: 60_000,
    description:
      'milliseconds between re-evaluations of segment conditions on time windows (within_last, anniversaries), which change with the clock and not with an event',
  },
  CAMPAIGNS_MEMBERSHIP_POLL_MS: {
    type: 'int',
    min: 50,
    default: 1_000,
    description:
      'milliseconds between looks at the audience change queue and at segments to (re-)evaluate, besides the wake-up by NOTIFY; bounds how late a missed notification is noticed',
  },
  CRM_SEED_DEMO: {
    type: 'bool',
    default: false,
    description: 'add a few live demo segments to tenant acme once the service is up',
  },
} as const;

export interface CampaignsConfig {
  readonly windowReevaluationMs: number;
  readonly membershipPollMs: number;
  readonly seedDemo: boolean;
}

export function loadCampaignsConfig(env: Env): CampaignsConfig {
  const raw = loadConfig(campaignsConfigSpec, env);
  return {
    windowReevaluationMs: raw.CAMPAIGNS_WINDOW_REEVALUATION_MS,
    membershipPollMs: raw.CAMPAIGNS_MEMBERSHIP_POLL_MS,
    seedDemo: raw.CRM_SEED_DEMO,
  };
}

/** Provides CAMPAIGNS_CONFIG to the whole service; imported once, by the AppModule. */
export const CampaignsConfigModule = serviceConfigModule(CAMPAIGNS_CONFIG, loadCampaignsConfig);
