/**
 * The edge check through HTTP (the platform's testing app): text PostgreSQL refuses, in a body,
 * a query string or a path parameter, is a 400 validation problem naming the field.
 */
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '../auth/dev-token';
import { createServiceApp } from '../bootstrap';
import { TestingAppModule } from '../testing-app/testing-app.module';

const SECRET = 'platform-e2e-secret-0123456789abcdef-xyz';

describe('unstorable text is rejected at the edge (e2e)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let authorization: string;

  beforeAll(async () => {
    db = await createTestDatabase('platform_unstorable');
    app = await createServiceApp(TestingAppModule, {
      env: {
        DATABASE_URL: db.url,
        JWT_SECRET: SECRET,
        JWT_JWKS_URL: '',
        LOG_LEVEL: 'silent',
        KAFKA_BROKERS: '',
      },
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    authorization = `Bearer ${await mintDevToken({ tenant: 't1', roles: ['admin'], sub: 'u1', secret: SECRET })}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const inject = (options: {
    method?: 'GET' | 'POST' | 'PUT';
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }) =>
    app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: options.method ?? 'GET',
        url: options.url,
        headers: { authorization, ...options.headers },
        ...(options.payload !== undefined ? { payload: options.payload as string } : {}),
      });
  const fieldsOf = (res: {
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
  }) => {
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(res.body);
    expect(problem.type).toBe('/problems/validation-failed');
    return (problem.errors as { field: string }[]).map((e) => e.field).sort();
  };

  it('names each bad field of a JSON body, keys included', async () => {
    const res = await inject({
      method: 'POST',
      url: '/items',
      payload: { name: 'A\u0000', quantity: 1, address: { city: '\ud800x', 'k\udc00': 1 } },
    });
    expect(fieldsOf(res)).toEqual(['address.city', 'address.k\uFFFD', 'name']);
  });

  it('reads the raw JSON text, escapes and all', async () => {
    const res = await inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"\\ud83dx","quantity":1}',
    });
    expect(fieldsOf(res)).toEqual(['name']);
  });

  it('lets emoji (surrogate pairs) and other unicode through', async () => {
    const res = await inject({
      method: 'POST',
      url: '/items',
      payload: { name: 'Café 😀 𝔘', quantity: 1 },
    });
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body).name).toBe('Café 😀 𝔘');
  });

  it('names a path parameter', async () => {
    const res = await inject({ url: '/items/a%00b' });
    expect(fieldsOf(res)).toEqual(['id']);
    expect(JSON.parse(res.body).errors[0].message).toMatch(/^path parameter id /);
  });

  it('names a query parameter, and its name', async () => {
    expect(fieldsOf(await inject({ url: '/items/-/slow?ms=1%00' }))).toEqual(['ms']);
    expect(fieldsOf(await inject({ url: '/items/-/slow?m%00s=1' }))).toEqual(['m\uFFFDs']);
  });

  it('checks a text/plain body too', async () => {
    const res = await inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'text/plain' },
      payload: 'A\u0000',
    });
    expect(fieldsOf(res)).toEqual(['body']);
  });

  it('keeps a body Fastify cannot parse a 400', async () => {
    const res = await inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"A\u0000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
