/** The analytics app on a fresh database, driven through HTTP (fastify inject) with dev tokens. */
import type { Clock } from '@crm/platform';
import {
  startJsonTestApp,
  type JsonHttpTestApp,
  type JsonTestResponse,
  type TestCaller,
} from '@crm/platform/testing';
import { AppModule } from '../app.module';

export const ANALYTICS_TEST_JWT_SECRET = 'analytics-e2e-secret-0123456789abcdef-xyz';

export type Caller = TestCaller;
export type HttpResult = JsonTestResponse;
export type AnalyticsTestApp = JsonHttpTestApp;

/**
 * `clock`: pin the app's "now" (a ManualClock) for tests about dates. `databaseUrl`: reuse a
 * database (a restart over the same tables), instead of a fresh one.
 */
export function startAnalyticsTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<AnalyticsTestApp> {
  return startJsonTestApp(AppModule, {
    databasePrefix: 'analytics_e2e',
    jwtSecret: ANALYTICS_TEST_JWT_SECRET,
    defaultCaller: { sub: 'analyst-1', roles: ['analyst'] },
    env,
    clock: options.clock,
  });
}
