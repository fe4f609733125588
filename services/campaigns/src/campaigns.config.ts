/**
 * The campaigns service's own environment variables, declared once (the platform's and
 * messaging's are declared in those libs). Read at start-up: a wrong value stops the service
 * naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';
import { resolveChannelSettings, type ChannelSettings } from './channels/channel-settings';
import { resolveSendingSettings, type SendingSettings } from './sending/sending-settings';

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
  CAMPAIGNS_SEND_POLL_MS: {
    type: 'int',
    min: 50,
    default: 2_000,
    description:
      'milliseconds between looks at sending campaigns, deferred retries and stale in-flight messages',
  },
  CAMPAIGNS_SEND_BATCH_SIZE: {
    type: 'int',
    min: 1,
    max: 5_000,
    default: 200,
    description: 'recipients per send batch (one ledger write and one outcome write per batch)',
  },
  CAMPAIGNS_SEND_CONCURRENCY: {
    type: 'int',
    min: 1,
    max: 500,
    default: 20,
    description:
      'provider calls of one batch in flight at once (the SMTP pool and the rate limit pace them further)',
  },
  CAMPAIGNS_SEND_MAX_ATTEMPTS: {
    type: 'int',
    min: 1,
    max: 20,
    default: 5,
    description: 'provider calls of a temporarily refused message before it is rejected for good',
  },
  CAMPAIGNS_SEND_RETRY_BASE_MS: {
    type: 'int',
    min: 10,
    default: 60_000,
    description: 'first retry delay of a temporarily refused message (doubled per attempt)',
  },
  CAMPAIGNS_IN_FLIGHT_GRACE_MS: {
    type: 'int',
    min: 100,
    default: 600_000,
    description:
      'milliseconds after which a message handed to the provider without an answer recorded (a crash mid-send) is reported unknown, never resent; keep it above SMTP_TIMEOUT_MS plus a batch',
  },
  CAMPAIGNS_FREQUENCY_CAP: {
    type: 'int',
    min: 0,
    default: 3,
    description: 'marketing messages per person per window across campaigns (0: no cap)',
  },
  CAMPAIGNS_FREQUENCY_WINDOW_DAYS: {
    type: 'int',
    min: 1,
    default: 7,
    description: 'the frequency cap window in days',
  },
  CAMPAIGNS_QUIET_HOURS: {
    type: 'string',
    default: '21:00-08:00',
    description:
      "HH:MM-HH:MM in the person's own time zone when nothing is sent (a message due then waits); none: no quiet hours",
  },
  CAMPAIGNS_DEFAULT_TIME_ZONE: {
    type: 'string',
    default: 'UTC',
    description: 'IANA zone for quiet hours of a person whose time zone is unknown',
  },
  CAMPAIGNS_AB_TEST_MAX_WAIT_MS: {
    type: 'int',
    min: 0,
    default: 86_400_000,
    description:
      'after the A/B test share is sent, how long to wait for a decision before the rest get the control (no winner)',
  },
  CAMPAIGNS_PUBLIC_URL: {
    type: 'url',
    protocols: ['http', 'https'],
    default: 'http://localhost:3003',
    description: 'where recipients reach the tracking and unsubscribe endpoints (/t/o, /t/c, /t/u)',
  },
  CAMPAIGNS_TRACKING_KEYS: {
    type: 'string',
    optional: true,
    description:
      'kid:secret[,kid:secret] signing tracking tokens (the first signs; secrets >= 32 characters); unset: a development key with a warning',
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
  /** The sender (sending/sending-settings.ts). */
  readonly sending: SendingSettings;
}

export function loadCampaignsConfig(env: Env): CampaignsConfig {
  const raw = loadConfig(campaignsConfigSpec, env);
  return {
    windowReevaluationMs: raw.CAMPAIGNS_WINDOW_REEVALUATION_MS,
    membershipPollMs: raw.CAMPAIGNS_MEMBERSHIP_POLL_MS,
    seedDemo: raw.CRM_SEED_DEMO,
    channels: resolveChannelSettings(raw),
    sending: resolveSendingSettings(raw),
  };
}

/** Provides CAMPAIGNS_CONFIG to the whole service; imported once, by the AppModule. */
export const CampaignsConfigModule = serviceConfigModule(CAMPAIGNS_CONFIG, loadCampaignsConfig);
