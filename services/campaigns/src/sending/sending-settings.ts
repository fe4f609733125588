/**
 * The sender's settings from the variables declared in campaigns.config.ts. A wrong value stops
 * start-up naming the variable. Without CAMPAIGNS_TRACKING_KEYS a fixed development key signs
 * tracking tokens (logged as a warning): fine under `npm start`, never for real recipients.
 */
import { ConfigError, type ConfigProblem } from '@crm/platform';
import {
  parseTrackingKeys,
  TRACKING_SECRET_VARIABLE,
  type TrackingKeyRing,
} from '../campaign/tracking-token';
import { parseQuietHours, isTimeZone, type QuietHours } from './quiet-hours';

export interface SendingSettings {
  readonly pollMs: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly inFlightGraceMs: number;
  /** 0: no cap. */
  readonly frequencyCap: number;
  readonly frequencyWindowDays: number;
  readonly quietHours: QuietHours | null;
  readonly defaultTimeZone: string;
  readonly abTestMaxWaitMs: number;
  /** No trailing slash. */
  readonly publicUrl: string;
  readonly trackingKeys: TrackingKeyRing;
  /** True when the development key signs (no CAMPAIGNS_TRACKING_KEYS). */
  readonly developmentTrackingKey: boolean;
}

interface SendingVariables {
  readonly CAMPAIGNS_SEND_POLL_MS: number;
  readonly CAMPAIGNS_SEND_BATCH_SIZE: number;
  readonly CAMPAIGNS_SEND_CONCURRENCY: number;
  readonly CAMPAIGNS_SEND_MAX_ATTEMPTS: number;
  readonly CAMPAIGNS_SEND_RETRY_BASE_MS: number;
  readonly CAMPAIGNS_IN_FLIGHT_GRACE_MS: number;
  readonly CAMPAIGNS_FREQUENCY_CAP: number;
  readonly CAMPAIGNS_FREQUENCY_WINDOW_DAYS: number;
  readonly CAMPAIGNS_QUIET_HOURS: string;
  readonly CAMPAIGNS_DEFAULT_TIME_ZONE: string;
  readonly CAMPAIGNS_AB_TEST_MAX_WAIT_MS: number;
  readonly CAMPAIGNS_PUBLIC_URL: string;
  readonly CAMPAIGNS_TRACKING_KEYS?: string;
}

/** Signs only under development: anyone reading the source can forge tokens signed by it. */
const DEVELOPMENT_TRACKING_KEYS = 'dev:development-only-tracking-key-do-not-use-in-production';

export function resolveSendingSettings(v: SendingVariables): SendingSettings {
  const problems: ConfigProblem[] = [];
  let quietHours: QuietHours | null = null;
  try {
    quietHours = parseQuietHours(v.CAMPAIGNS_QUIET_HOURS);
  } catch (error) {
    problems.push({ variable: 'CAMPAIGNS_QUIET_HOURS', message: (error as Error).message });
  }
  if (!isTimeZone(v.CAMPAIGNS_DEFAULT_TIME_ZONE))
    problems.push({ variable: 'CAMPAIGNS_DEFAULT_TIME_ZONE', message: 'is not an IANA time zone' });
  let trackingKeys: TrackingKeyRing | undefined;
  try {
    trackingKeys = parseTrackingKeys(v.CAMPAIGNS_TRACKING_KEYS ?? DEVELOPMENT_TRACKING_KEYS);
  } catch (error) {
    problems.push({ variable: TRACKING_SECRET_VARIABLE, message: (error as Error).message });
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    pollMs: v.CAMPAIGNS_SEND_POLL_MS,
    batchSize: v.CAMPAIGNS_SEND_BATCH_SIZE,
    concurrency: v.CAMPAIGNS_SEND_CONCURRENCY,
    maxAttempts: v.CAMPAIGNS_SEND_MAX_ATTEMPTS,
    retryBaseMs: v.CAMPAIGNS_SEND_RETRY_BASE_MS,
    inFlightGraceMs: v.CAMPAIGNS_IN_FLIGHT_GRACE_MS,
    frequencyCap: v.CAMPAIGNS_FREQUENCY_CAP,
    frequencyWindowDays: v.CAMPAIGNS_FREQUENCY_WINDOW_DAYS,
    quietHours,
    defaultTimeZone: v.CAMPAIGNS_DEFAULT_TIME_ZONE,
    abTestMaxWaitMs: v.CAMPAIGNS_AB_TEST_MAX_WAIT_MS,
    publicUrl: v.CAMPAIGNS_PUBLIC_URL.replace(/\/+$/, ''),
    trackingKeys: trackingKeys!,
    developmentTrackingKey: v.CAMPAIGNS_TRACKING_KEYS === undefined,
  };
}
