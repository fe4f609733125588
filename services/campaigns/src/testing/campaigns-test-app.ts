/** The campaigns app on a fresh database, driven through HTTP (fastify inject) with dev tokens. */
import type { Clock } from '@crm/platform';
import { startHttpTestApp, type TestCaller } from '@crm/platform/testing';
import type { TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';

export const CAMPAIGNS_TEST_JWT_SECRET = 'campaigns-e2e-secret-0123456789abcdef-xyz';

export type Caller = TestCaller;

export interface HttpResult {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface CampaignsTestApp {
  readonly app: NestFastifyApplication;
  readonly db: TestDatabase;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { body?: unknown; as?: Caller | null; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  /** Stops the app but keeps its database (for tests that reopen it); then `db.drop()`. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** `clock`: pin the app's "now" (a ManualClock) for tests about dates; the machine's clock otherwise. */
export async function startCampaignsTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<CampaignsTestApp> {
  const http = await startHttpTestApp(AppModule, {
    databasePrefix: 'campaigns_e2e',
    jwtSecret: CAMPAIGNS_TEST_JWT_SECRET,
    defaultCaller: { sub: 'marketer-1', roles: ['marketer'] },
    env,
    clock: options.clock,
  });
  return {
    app: http.app,
    db: http.db,
    stop: http.stop,
    close: http.close,
    async request(method, url, options = {}) {
      const res = await http.request(method, url, options);
      return {
        status: res.statusCode,
        body: res.body ? JSON.parse(res.body) : undefined,
        headers: res.headers as HttpResult['headers'],
      };
    },
  };
}
