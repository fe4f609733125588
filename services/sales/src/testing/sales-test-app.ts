/** The sales app on a fresh database, driven through HTTP (fastify inject) with dev tokens. */
import type { Clock } from '@crm/platform';
import {
  startJsonTestApp,
  type JsonHttpTestApp,
  type JsonTestResponse,
  type TestCaller,
} from '@crm/platform/testing';
import { AppModule } from '../app.module';

/** The secret the test app's tokens are signed with (a real contacts process beside it needs it too). */
export const SALES_TEST_JWT_SECRET = 'sales-e2e-secret-0123456789abcdef-xyz';

export type Caller = TestCaller;
export type HttpResult = JsonTestResponse;
/** stop() keeps the database (for tests that reopen or rebuild it); then `db.drop()`. */
export type SalesTestApp = JsonHttpTestApp;

/** `clock`: pin the app's "now" (a ManualClock) for tests about dates; the machine's clock otherwise. */
export function startSalesTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<SalesTestApp> {
  return startJsonTestApp(AppModule, {
    databasePrefix: 'sales_e2e',
    jwtSecret: SALES_TEST_JWT_SECRET,
    defaultCaller: { sub: 'rep-1' },
    env,
    clock: options.clock,
  });
}
