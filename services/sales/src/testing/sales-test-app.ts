/** The sales app on a fresh database, driven through HTTP (fastify inject) with dev tokens. */
import { mintDevToken, type Clock, type Role } from '@crm/platform';
import { startTestServiceApp } from '@crm/platform/testing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';

const SECRET = 'sales-e2e-secret-0123456789abcdef-xyz';

export interface Caller {
  readonly tenant?: string;
  readonly roles?: Role[];
  readonly sub?: string;
}

export interface HttpResult {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface SalesTestApp {
  readonly app: NestFastifyApplication;
  readonly db: TestDatabase;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { body?: unknown; as?: Caller; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  /** Stops the app but keeps its database (for tests that reopen or rebuild it); then `db.drop()`. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** `clock`: pin the app's "now" (a ManualClock) for tests about dates; the machine's clock otherwise. */
export async function startSalesTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<SalesTestApp> {
  const db = await createTestDatabase('sales_e2e');
  const app = await startTestServiceApp(AppModule, {
    databaseUrl: db.url,
    jwtSecret: SECRET,
    env,
    clock: options.clock,
  });
  const tokens = new Map<string, Promise<string>>();
  const token = (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) {
      tokens.set(
        key,
        mintDevToken({
          tenant: caller.tenant ?? 'tenant-a',
          roles: caller.roles ?? ['sales-rep'],
          sub: caller.sub ?? 'rep-1',
          secret: SECRET,
        }),
      );
    }
    return tokens.get(key)!;
  };
  const api: SalesTestApp = {
    app,
    db,
    async request(method, url, options = {}) {
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method,
          url,
          headers: { authorization: `Bearer ${await token(options.as ?? {})}`, ...options.headers },
          ...(options.body !== undefined ? { payload: options.body as object } : {}),
        });
      return {
        status: res.statusCode,
        body: res.body ? JSON.parse(res.body) : undefined,
        headers: res.headers as HttpResult['headers'],
      };
    },
    async stop() {
      await app.close();
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
  return api;
}
