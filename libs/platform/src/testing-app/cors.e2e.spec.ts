/**
 * CORS through HTTP on the testing app: configured origins get the CORS headers (preflight 204
 * before auth and the hostile-input hook), any other origin gets none, and CORS_ORIGINS empty
 * means no CORS at all.
 */
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '../auth/dev-token';
import { createServiceApp } from '../bootstrap';
import { TestingAppModule } from './testing-app.module';

const SECRET = 'cors-e2e-secret-0123456789abcdef-xyz';
const FRONT_END = 'https://app.example.com';
/** A comma-separated header as lower-case items. */
const items = (header: unknown) =>
  String(header)
    .toLowerCase()
    .split(/\s*,\s*/);

describe('CORS (e2e through the testing app)', () => {
  let db: TestDatabase;
  const apps: NestFastifyApplication[] = [];

  const start = async (env: Record<string, string>) => {
    const app = await createServiceApp(TestingAppModule, {
      env: {
        DATABASE_URL: db.url,
        JWT_SECRET: SECRET,
        JWT_JWKS_URL: '',
        LOG_LEVEL: 'silent',
        KAFKA_BROKERS: '',
        ...env,
      },
    });
    apps.push(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app.getHttpAdapter().getInstance();
  };
  const preflight = (origin: string, url = '/items') => ({
    method: 'OPTIONS' as const,
    url,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
  });

  beforeAll(async () => {
    db = await createTestDatabase('platform_cors_e2e');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
  });

  describe('with CORS_ORIGINS set', () => {
    let http: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => {
      http = await start({ CORS_ORIGINS: `${FRONT_END}, https://admin.example.com` });
    });

    it('answers a preflight 204 with the allowed methods and headers, without a token', async () => {
      const res = await http.inject(preflight(FRONT_END));
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(FRONT_END);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(items(res.headers['access-control-allow-methods'])).toEqual(
        expect.arrayContaining(['get', 'post', 'put', 'patch', 'delete']),
      );
      expect(items(res.headers['access-control-allow-headers'])).toEqual(
        expect.arrayContaining([
          'authorization',
          'content-type',
          'if-match',
          'if-none-match',
          'idempotency-key',
          'x-request-id',
        ]),
      );
    });

    it('answers a preflight whose query the hostile-input hook would refuse', async () => {
      const res = await http.inject(preflight(FRONT_END, '/items/x?q=%00'));
      expect(res.statusCode).toBe(204);
    });

    it('exposes ETag, Location and the platform headers on a real answer', async () => {
      const res = await http.inject({
        method: 'POST',
        url: '/items',
        headers: {
          origin: FRONT_END,
          authorization: `Bearer ${await mintDevToken({ tenant: 't', roles: ['admin'], sub: 'u', secret: SECRET })}`,
        },
        payload: { name: 'cors', quantity: 1 },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['access-control-allow-origin']).toBe(FRONT_END);
      expect(res.headers.vary).toMatch(/origin/i);
      expect(items(res.headers['access-control-expose-headers'])).toEqual(
        expect.arrayContaining([
          'etag',
          'location',
          'idempotent-replayed',
          'read-your-writes',
          'x-request-id',
        ]),
      );
    });

    it('gives an origin not in the list no CORS headers, on a preflight or a request', async () => {
      const pre = await http.inject(preflight('https://evil.example.com'));
      const get = await http.inject({
        method: 'GET',
        url: '/health/live',
        headers: { origin: 'https://evil.example.com' },
      });
      for (const res of [pre, get]) {
        expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
      expect(pre.statusCode).not.toBe(204);
      expect(get.statusCode).toBe(200);
    });
  });

  it('sends no CORS headers when CORS_ORIGINS is empty (preflight is a plain 405)', async () => {
    const http = await start({ CORS_ORIGINS: '' });
    const res = await http.inject(preflight(FRONT_END));
    // No OPTIONS route without CORS: /items takes POST only.
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows * without credentials, and refuses it with credentials at start-up', async () => {
    const http = await start({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'false' });
    const res = await http.inject(preflight('https://anyone.example.com'));
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    await expect(start({ CORS_ORIGINS: '*' })).rejects.toThrow(
      /CORS_ORIGINS of \* needs CORS_CREDENTIALS=false/,
    );
  });
});
