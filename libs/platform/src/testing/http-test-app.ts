/**
 * A service's real app on a fresh test database, with requests made as a caller: each service's
 * e2e test app (`startContactsTestApp`, `startSalesTestApp`) is this plus the shape its specs use.
 */
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '../auth/dev-token';
import type { Role } from '../auth/user';
import type { Clock } from '../clock/clock';
import { startTestServiceApp } from './start-test-service-app';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who a request is made as; what is left out comes from the app's default caller. */
export interface TestCaller {
  readonly tenant?: string;
  readonly roles?: Role[];
  readonly sub?: string;
  /** A sales manager's team claim (the subs they lead); none unless given. */
  readonly team?: string[];
}

export interface TestRequestOptions {
  /** `null`: no Authorization header at all. */
  readonly as?: TestCaller | null;
  /** Sent after the Authorization header, so they may replace it. */
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface TestResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
}

export interface HttpTestApp {
  readonly app: NestFastifyApplication;
  readonly db: TestDatabase;
  request(method: HttpMethod, url: string, options?: TestRequestOptions): Promise<TestResponse>;
  /** Stops the app (its runners release their locks); the database stays until close(). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface HttpTestAppOptions {
  /** Prefix of the test database's name, e.g. `sales_e2e`. */
  readonly databasePrefix: string;
  /** HS256 secret the app verifies and the request tokens are signed with. */
  readonly jwtSecret: string;
  /** Fills what a request's caller leaves out; tenant-a, sales-rep, user-1 otherwise. */
  readonly defaultCaller?: TestCaller;
  readonly env?: Record<string, string>;
  /** Pin the app's "now" (a ManualClock) for tests about dates; the machine's clock otherwise. */
  readonly clock?: Clock;
}

export async function startHttpTestApp(
  appModule: Type<unknown> | DynamicModule,
  options: HttpTestAppOptions,
): Promise<HttpTestApp> {
  const db = await createTestDatabase(options.databasePrefix);
  let app: NestFastifyApplication;
  try {
    app = await startTestServiceApp(appModule, {
      databaseUrl: db.url,
      jwtSecret: options.jwtSecret,
      env: options.env,
      clock: options.clock,
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const fallback = options.defaultCaller ?? {};
  const caller = (as: TestCaller) => ({
    tenant: as.tenant ?? fallback.tenant ?? 'tenant-a',
    roles: as.roles ?? fallback.roles ?? (['sales-rep'] as Role[]),
    sub: as.sub ?? fallback.sub ?? 'user-1',
    ...(as.team ? { team: as.team } : {}),
  });
  // One token per caller: minting signs (HMAC), and a spec makes hundreds of requests.
  const tokens = new Map<string, Promise<string>>();
  const token = (as: TestCaller) => {
    const claims = caller(as);
    const key = JSON.stringify(claims);
    if (!tokens.has(key)) tokens.set(key, mintDevToken({ ...claims, secret: options.jwtSecret }));
    return tokens.get(key)!;
  };
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= app.close());
  return {
    app,
    db,
    stop,
    async request(method, url, request = {}) {
      const authorization =
        request.as === null ? {} : { authorization: `Bearer ${await token(request.as ?? {})}` };
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method,
          url,
          headers: { ...authorization, ...request.headers },
          ...(request.body !== undefined ? { payload: request.body as object } : {}),
        });
      return { statusCode: res.statusCode, headers: res.headers, body: res.body };
    },
    async close() {
      await stop();
      await db.drop();
    },
  };
}

/** An answer with its body parsed as JSON (undefined when empty), for specs that assert on it. */
export interface JsonTestResponse {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** A service's JSON test app: the HttpTestApp whose request() answers parsed bodies. */
export interface JsonHttpTestApp extends Omit<HttpTestApp, 'request'> {
  request(method: HttpMethod, url: string, options?: TestRequestOptions): Promise<JsonTestResponse>;
}

export async function startJsonTestApp(
  appModule: Type<unknown> | DynamicModule,
  options: HttpTestAppOptions,
): Promise<JsonHttpTestApp> {
  const http = await startHttpTestApp(appModule, options);
  return {
    app: http.app,
    db: http.db,
    stop: http.stop,
    close: http.close,
    async request(method, url, request = {}) {
      const res = await http.request(method, url, request);
      return {
        status: res.statusCode,
        body: res.body ? JSON.parse(res.body) : undefined,
        headers: res.headers as JsonTestResponse['headers'],
      };
    },
  };
}
