/**
 * The real contacts app on a fresh real PostgreSQL database, driven through HTTP (fastify
 * inject: the full Nest/Fastify stack, without a socket).
 */
import type { Clock, Role } from '@crm/platform';
import { startHttpTestApp } from '@crm/platform/testing';
import type { TestDatabase } from '@crm/testing';
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
  /** A sales manager's team claim (the subs they lead). */
  readonly team?: string[];
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
  const http = await startHttpTestApp(AppModule, {
    databasePrefix: 'contacts_e2e',
    jwtSecret: SECRET,
    defaultCaller: { sub: 'user-1' },
    env,
    clock: options.clock,
  });
  return {
    app: http.app,
    db: http.db,
    stopApp: http.stop,
    close: http.close,
    async call(options) {
      const as = options.anonymous
        ? null
        : { tenant: options.tenant, roles: options.roles, sub: options.sub, team: options.team };
      const res = await http.request(options.method ?? 'GET', options.url, {
        as,
        headers: options.headers,
        body: options.payload,
      });
      return { ...res, json: () => JSON.parse(res.body) };
    },
  };
}
