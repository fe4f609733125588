/** The after-sales app on a fresh database, driven through HTTP (fastify inject) with dev tokens. */
import type { Clock } from '@crm/platform';
import { startJsonTestApp, type JsonHttpTestApp } from '@crm/platform/testing';
import { AppModule } from '../app.module';

export const AFTERSALES_TEST_JWT_SECRET = 'aftersales-e2e-secret-0123456789abcdef-xyz';

export type AftersalesTestApp = JsonHttpTestApp;

/** `clock`: pin the app's "now" (a ManualClock); the watcher only runs when a test calls it. */
export function startAftersalesTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<AftersalesTestApp> {
  return startJsonTestApp(AppModule, {
    databasePrefix: 'aftersales_e2e',
    jwtSecret: AFTERSALES_TEST_JWT_SECRET,
    defaultCaller: { sub: 'agent-1', roles: ['sales-rep'] },
    env: { AFTERSALES_WATCH_POLL_MS: '3600000', ...env },
    clock: options.clock,
  });
}
