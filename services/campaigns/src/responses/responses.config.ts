/**
 * The response endpoints' variables (read at start-up; a wrong value stops the service naming it).
 * The tracking key ring is the sender's (`CAMPAIGNS_TRACKING_KEYS`, declared with the sender's
 * variables in campaigns.config.ts, a development key when unset), so every link the sender
 * signs verifies here and nothing else does.
 */
import { loadConfig, type Env } from '@crm/platform';
import type { TrackingKeyRing } from '../campaign/tracking-token';
import type { CampaignsConfig } from '../campaigns.config';
import { DEFAULT_MIN_HUMAN_CLICK_DELAY_MS } from './hit-classifier';
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS } from './webhook-signature';

export const RESPONSES_CONFIG = Symbol('RESPONSES_CONFIG');
export const WEBHOOK_SECRET_VARIABLE = 'CAMPAIGNS_WEBHOOK_SECRET';
export const MIN_WEBHOOK_SECRET_LENGTH = 32;

export const responsesConfigSpec = {
  [WEBHOOK_SECRET_VARIABLE]: {
    type: 'string',
    optional: true,
    minLength: MIN_WEBHOOK_SECRET_LENGTH,
    description:
      'shared secret of the bounce/complaint webhook (X-CRM-Signature t=,v1= HMAC-SHA256); unset: every webhook call is 401',
  },
  CAMPAIGNS_WEBHOOK_TOLERANCE_S: {
    type: 'int',
    min: 1,
    max: 3600,
    default: DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
    description: 'seconds a webhook signature time may be off the clock, either way',
  },
  CAMPAIGNS_MIN_HUMAN_CLICK_DELAY_MS: {
    type: 'int',
    min: 0,
    max: 3_600_000,
    default: DEFAULT_MIN_HUMAN_CLICK_DELAY_MS,
    description:
      'a click this soon after the message was sent is a link scanner: recorded, not counted in the rates',
  },
  CAMPAIGNS_PUBLIC_RATE_PER_S: {
    type: 'int',
    min: 1,
    default: 20,
    description: 'tracking and unsubscribe requests per second per client IP (token bucket refill)',
  },
  CAMPAIGNS_PUBLIC_BURST: {
    type: 'int',
    min: 1,
    default: 100,
    description: 'tracking and unsubscribe requests one client IP may make at once (bucket size)',
  },
  CAMPAIGNS_TRUST_FORWARDED_FOR: {
    type: 'bool',
    default: false,
    description:
      'take the client IP from the first X-Forwarded-For entry (only behind a proxy that sets it)',
  },
} as const;

export interface ResponsesConfig {
  /** The sender's ring: its current key signs, every key in it verifies. */
  readonly trackingKeys: TrackingKeyRing;
  readonly webhookSecret: string | undefined;
  readonly webhookToleranceSeconds: number;
  readonly minHumanClickDelayMs: number;
  readonly publicRatePerSecond: number;
  readonly publicBurst: number;
  readonly trustForwardedFor: boolean;
}

export function loadResponsesConfig(
  env: Env,
  service: { readonly sending: Pick<CampaignsConfig['sending'], 'trackingKeys'> },
): ResponsesConfig {
  const raw = loadConfig(responsesConfigSpec, env);
  return {
    trackingKeys: service.sending.trackingKeys,
    webhookSecret: raw[WEBHOOK_SECRET_VARIABLE],
    webhookToleranceSeconds: raw.CAMPAIGNS_WEBHOOK_TOLERANCE_S,
    minHumanClickDelayMs: raw.CAMPAIGNS_MIN_HUMAN_CLICK_DELAY_MS,
    publicRatePerSecond: raw.CAMPAIGNS_PUBLIC_RATE_PER_S,
    publicBurst: raw.CAMPAIGNS_PUBLIC_BURST,
    trustForwardedFor: raw.CAMPAIGNS_TRUST_FORWARDED_FOR,
  };
}
