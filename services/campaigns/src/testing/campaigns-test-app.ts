/** The campaigns app on a fresh database, driven through HTTP (fastify inject) with dev tokens. */
import type { Clock } from '@crm/platform';
import {
  startJsonTestApp,
  type JsonHttpTestApp,
  type JsonTestResponse,
  type TestCaller,
} from '@crm/platform/testing';
import { AppModule } from '../app.module';

export const CAMPAIGNS_TEST_JWT_SECRET = 'campaigns-e2e-secret-0123456789abcdef-xyz';

export type Caller = TestCaller;
export type HttpResult = JsonTestResponse;
export type CampaignsTestApp = JsonHttpTestApp;

/** `clock`: pin the app's "now" (a ManualClock) for tests about dates; the machine's clock otherwise. */
export function startCampaignsTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<CampaignsTestApp> {
  return startJsonTestApp(AppModule, {
    databasePrefix: 'campaigns_e2e',
    jwtSecret: CAMPAIGNS_TEST_JWT_SECRET,
    defaultCaller: { sub: 'marketer-1', roles: ['marketer'] },
    env,
    clock: options.clock,
  });
}
