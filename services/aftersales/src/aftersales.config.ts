/**
 * The after-sales service's own environment variables, declared once (the platform's and
 * messaging's are declared in those libs). Read at start-up: a wrong value stops the service
 * naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';

export const AFTERSALES_CONFIG = Symbol('AFTERSALES_CONFIG');

export const aftersalesConfigSpec = {
  AFTERSALES_WATCH_POLL_MS: {
    type: 'int',
    min: 100,
    max: 3_600_000,
    default: 60_000,
    description:
      'how often the watcher looks for SLA breaches and warranties ending within 30 days (each announced once)',
  },
} as const;

export interface AftersalesConfig {
  readonly watchPollMs: number;
}

export function loadAftersalesConfig(env: Env): AftersalesConfig {
  const raw = loadConfig(aftersalesConfigSpec, env);
  return { watchPollMs: raw.AFTERSALES_WATCH_POLL_MS };
}

/** Provides AFTERSALES_CONFIG to the whole service; imported once, by the AppModule. */
export const AftersalesConfigModule = serviceConfigModule(AFTERSALES_CONFIG, loadAftersalesConfig);
