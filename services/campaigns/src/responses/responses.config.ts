/**
 * The response endpoints' variables (read at start-up; a wrong value stops the service naming it).
 * The tracking key ring is the sender's (`CAMPAIGNS_TRACKING_KEYS`, declared with the sender's
 * variables in campaigns.config.ts, which signs with a development key when it is unset), so
 * every link the sender signs verifies here; only if the service config has no sender ring is
 * the variable parsed here, and unset then, nothing verifies (every link answers as forged).
 */
import { loadConfig, type Env } from '@crm/platform';
import {
  parseTrackingKeys,
  TRACKING_SECRET_VARIABLE,
  type TrackingKeyRing,
} from '../campaign/tracking-token';
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
  /** Undefined: no key configured, nothing verifies. */
  readonly trackingKeys: TrackingKeyRing | undefined;
  readonly webhookSecret: string | undefined;
  readonly webhookToleranceSeconds: number;
  readonly minHumanClickDelayMs: number;
  readonly publicRatePerSecond: number;
  readonly publicBurst: number;
  readonly trustForwardedFor: boolean;
}

/** What this module reads of the service config: the sender's key ring, when it has one. */
export interface SenderKeyRing {
  readonly sending?: { readonly trackingKeys?: TrackingKeyRing };
}

export function loadResponsesConfig(env: Env, service?: SenderKeyRing): ResponsesConfig {
  const raw = loadConfig(responsesConfigSpec, env);
  const own = env[TRACKING_SECRET_VARIABLE];
  return {
    trackingKeys: service?.sending?.trackingKeys ?? (own ? parseTrackingKeys(own) : undefined),
    webhookSecret: raw[WEBHOOK_SECRET_VARIABLE],
    webhookToleranceSeconds: raw.CAMPAIGNS_WEBHOOK_TOLERANCE_S,
    minHumanClickDelayMs: raw.CAMPAIGNS_MIN_HUMAN_CLICK_DELAY_MS,
    publicRatePerSecond: raw.CAMPAIGNS_PUBLIC_RATE_PER_S,
    publicBurst: raw.CAMPAIGNS_PUBLIC_BURST,
    trustForwardedFor: raw.CAMPAIGNS_TRUST_FORWARDED_FOR,
  };
}
