/**
 * The campaigns service's own environment variables, declared once (the platform's and
 * messaging's are declared in those libs). Read at start-up: a wrong value stops the service
 * naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';
import { resolveChannelSettings, type ChannelSettings } from './channels/channel-settings';

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
  CAMPAIGNS_EMAIL_CHANNEL: {
    type: 'enum',
    values: ['capture', 'smtp'],
    optional: true,
    description:
      'where email goes: capture (stored, GET /outbox) or smtp; unset: smtp when SMTP_URL is set, else capture',
  },
  SMTP_URL: {
    type: 'url',
    protocols: ['smtp', 'smtps'],
    optional: true,
    description:
      'smtp://[user:password@]host:port (STARTTLS when offered) or smtps:// (TLS from the start)',
  },
  SMTP_USER: { type: 'string', optional: true, description: 'SMTP login, if not in SMTP_URL' },
  SMTP_PASSWORD: { type: 'string', optional: true, description: 'with SMTP_USER' },
  SMTP_POOL_SIZE: {
    type: 'int',
    min: 1,
    max: 100,
    default: 5,
    description: 'SMTP connections kept open and used in parallel',
  },
  SMTP_TIMEOUT_MS: {
    type: 'int',
    min: 100,
    default: 30_000,
    description:
      'milliseconds without an answer from the SMTP server before a message is given up (its outcome is unknown once its data was sent)',
  },
  CAMPAIGNS_EMAIL_RATE_PER_S: {
    type: 'int',
    min: 1,
    default: 50,
    description: 'emails started per second at most (whatever the channel)',
  },
  CAMPAIGNS_EMAIL_FROM: {
    type: 'string',
    default: 'CRM Campaigns <campaigns@example.com>',
    description: 'the From of campaign emails: an address or "Name <address>"',
  },
  CAMPAIGNS_EMAIL_ENVELOPE_FROM: {
    type: 'string',
    optional: true,
    description: "the SMTP envelope sender (where bounces go); default: the From's address",
  },
  CAMPAIGNS_SMS_CHANNEL: {
    type: 'enum',
    values: ['capture', 'http'],
    optional: true,
    description:
      'where SMS go: capture (stored, GET /outbox) or http; unset: http when SMS_PROVIDER_URL is set, else capture',
  },
  SMS_PROVIDER_URL: {
    type: 'url',
    protocols: ['http', 'https'],
    optional: true,
    description:
      "the provider's endpoint that takes one message as JSON (POST); user:password@ in it means Basic auth",
  },
  SMS_PROVIDER_TOKEN: {
    type: 'string',
    optional: true,
    description: 'Bearer token for SMS_PROVIDER_URL (instead of credentials in the URL)',
  },
  SMS_PROVIDER_TIMEOUT_MS: {
    type: 'int',
    min: 100,
    default: 10_000,
    description: 'milliseconds to wait for the SMS provider (its outcome is unknown once sent)',
  },
  CAMPAIGNS_SMS_RATE_PER_S: {
    type: 'int',
    min: 1,
    default: 10,
    description: 'SMS started per second at most (whatever the channel)',
  },
  CAMPAIGNS_SMS_FROM: {
    type: 'string',
    default: 'CRM',
    description: 'the sender id or number of SMS that do not name their own',
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
  /** Email and SMS channels (channels/channel-settings.ts says how they are chosen). */
  readonly channels: ChannelSettings;
}

export function loadCampaignsConfig(env: Env): CampaignsConfig {
  const raw = loadConfig(campaignsConfigSpec, env);
  return {
    windowReevaluationMs: raw.CAMPAIGNS_WINDOW_REEVALUATION_MS,
    membershipPollMs: raw.CAMPAIGNS_MEMBERSHIP_POLL_MS,
    seedDemo: raw.CRM_SEED_DEMO,
    channels: resolveChannelSettings(raw),
  };
}

/** Provides CAMPAIGNS_CONFIG to the whole service; imported once, by the AppModule. */
export const CampaignsConfigModule = serviceConfigModule(CAMPAIGNS_CONFIG, loadCampaignsConfig);
