/**
 * The real contacts app on a fresh real PostgreSQL database, driven through HTTP (fastify
 * inject: the full Nest/Fastify stack, without a socket).
 */
import { mintDevToken, type Clock, type Role } from '@crm/platform';
import { startTestServiceApp } from '@crm/platform/testing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';

const SECRET = 'contacts-e2e-secret-0123456789abcdef-xyz';

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
  json<T = any>(): T;
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
  readonly tenant?: string;
  readonly roles?: Role[];
  readonly sub?: string;
  /** Send no Authorization header. */
  readonly anonymous?: boolean;
}

export interface ContactsTestApp {
  readonly app: NestFastifyApplication;
  readonly db: TestDatabase;
  call(options: CallOptions): Promise<HttpResponse>;
  /** Stops the app (its runners release their locks); the database stays until close(). */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

/** `clock`: pin the app's "now" (a ManualClock) for tests about dates; the machine's clock otherwise. */
export async function startContactsTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<ContactsTestApp> {
  const db = await createTestDatabase('contacts_e2e');
  const app = await startTestServiceApp(AppModule, {
    databaseUrl: db.url,
    jwtSecret: SECRET,
    env,
    clock: options.clock,
  });
  let stopped: Promise<void> | undefined;
  const stopApp = () => (stopped ??= app.close());
  return {
    stopApp,
    app,
    db,
    async call(options) {
      const token = options.anonymous
        ? undefined
        : await mintDevToken({
            tenant: options.tenant ?? 'tenant-a',
            roles: options.roles ?? ['sales-rep'],
            sub: options.sub ?? 'user-1',
            secret: SECRET,
          });
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: options.method ?? 'GET',
          url: options.url,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
          ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
        });
      return {
        statusCode: res.statusCode,
        headers: res.headers,
        body: res.body,
        json: () => JSON.parse(res.body),
      };
    },
    async close() {
      await stopApp();
      await db.drop();
    },
  };
}
