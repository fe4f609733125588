/**
 * The platform through HTTP, on a real PostgreSQL: a tiny app (ItemsController) gets errors,
 * auth, tenancy, idempotency, health, metrics and docs from PlatformModule alone.
 */
import { createTestDatabase, describeWithKafka, type TestDatabase } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Client } from 'pg';
import { mintDevToken } from '../auth/dev-token';
import type { Role } from '../auth/user';
import { createServiceApp } from '../bootstrap';
import { ReadinessChecks } from '../health/readiness-checks';
import { TestingAppModule } from './testing-app.module';

const SECRET = 'platform-e2e-secret-0123456789abcdef-xyz';
const PROBLEM_JSON = /^application\/problem\+json/;

type InjectOptions = {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
};

function testEnv(db: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    JWT_SECRET: SECRET,
    JWT_JWKS_URL: '',
    LOG_LEVEL: 'silent',
    KAFKA_BROKERS: '',
    BODY_LIMIT_BYTES: '4096',
    ...extra,
  };
}

describe('platform (e2e through the testing app)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  const token = (roles: Role[], tenant = 'tenant-a', sub = 'user-1') =>
    mintDevToken({ tenant, roles, sub, secret: SECRET });
  const inject = (options: InjectOptions) =>
    app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: options.method ?? 'GET', ...options } as never);
  const json = (res: { body: string }) => JSON.parse(res.body);
  const postItem = async (
    payload: unknown,
    headers: Record<string, string> = {},
    roles: Role[] = ['sales-rep'],
  ) =>
    inject({
      method: 'POST',
      url: '/items',
      headers: { authorization: `Bearer ${await token(roles)}`, ...headers },
      payload: payload as object,
    });

  /** Resolves once a request has claimed the key, i.e. its handler is running. */
  const claimed = async (key: string) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      for (let i = 0; i < 250; i++) {
        const { rowCount } = await client
          .query('SELECT 1 FROM platform.idempotency_keys WHERE key = $1', [key])
          .catch(() => ({ rowCount: 0 }));
        if (rowCount) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no claim for ${key}`);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('platform_e2e');
    app = await createServiceApp(TestingAppModule, { env: testEnv(db) });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('validation and HTTP errors as problem+json', () => {
    it('lists every failing field, nested ones with a dotted path', async () => {
      const res = await postItem({ name: '', quantity: 0, address: { city: 5 } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      const body = json(res);
      expect(body).toMatchObject({
        type: '/problems/validation-failed',
        status: 400,
        instance: '/items',
      });
      const fields = body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'quantity', 'address.city']));
      expect(body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    });

    it('rejects unknown fields, a body `tenant` included', async () => {
      const res = await postItem({ name: 'Widget', quantity: 1, tenant: 'tenant-b' });
      expect(res.statusCode).toBe(400);
      expect(json(res).errors).toEqual([
        { field: 'tenant', message: 'property tenant should not exist' },
      ]);
    });

    it.each([['[1,2]'], ['"text"'], ['null'], ['42']])(
      'answers the JSON body %s (not an object) with 400',
      async (payload) => {
        const res = await inject({
          method: 'POST',
          url: '/items',
          headers: {
            authorization: `Bearer ${await token(['admin'])}`,
            'content-type': 'application/json',
          },
          payload,
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      },
    );

    it('answers malformed JSON with 400', async () => {
      const res = await inject({
        method: 'POST',
        url: '/items',
        headers: {
          authorization: `Bearer ${await token(['admin'])}`,
          'content-type': 'application/json',
        },
        payload: '{"name": "Widget",',
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(json(res)).toMatchObject({ status: 400, title: 'Bad Request' });
    });

    it('answers a body over BODY_LIMIT_BYTES with 413', async () => {
      const res = await postItem({ name: 'x'.repeat(5000), quantity: 1 });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(json(res).status).toBe(413);
    });

    it('answers an unsupported content type with 415', async () => {
      const res = await inject({
        method: 'POST',
        url: '/items',
        headers: {
          authorization: `Bearer ${await token(['admin'])}`,
          'content-type': 'application/xml',
        },
        payload: '<item/>',
      });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('answers an unknown route with 404, without asking for a token', async () => {
      const res = await inject({ url: '/no/such/route' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(json(res)).toMatchObject({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        instance: '/no/such/route',
      });
    });

    it('answers a known path with a wrong method with 405 and Allow, without asking for a token', async () => {
      const res = await inject({ method: 'DELETE', url: '/items?x=1' });
      expect(res.statusCode).toBe(405);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.headers.allow).toBe('POST');
      expect(json(res)).toMatchObject({
        type: 'about:blank',
        title: 'Method Not Allowed',
        status: 405,
        instance: '/items?x=1',
      });
      const item = await inject({ method: 'PATCH', url: '/items/abc' });
      expect(item.statusCode).toBe(405);
      expect(item.headers.allow).toBe('GET, HEAD, PUT');
      // A 404 the handler throws (no such item) stays a 404.
      const missing = await inject({
        url: '/items/abc',
        headers: { authorization: `Bearer ${await token(['analyst'])}` },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers.allow).toBeUndefined();
    });

    it('never puts an internal message or stack into a 500 body', async () => {
      const res = await inject({ url: '/items/-/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).not.toMatch(/secret|postgres:|exploded|at \w+ \(/);
      expect(json(res)).toMatchObject({ status: 500, title: 'Internal Server Error' });
    });
  });

  describe('domain errors', () => {
    it('maps kind to status and code to the problem type, with the details', async () => {
      const headers = { authorization: `Bearer ${await token(['analyst'])}` };
      const notFound = await inject({ url: '/items/abc', headers });
      expect(notFound.statusCode).toBe(404);
      expect(json(notFound)).toMatchObject({
        type: '/problems/item-not-found',
        title: 'Item not found',
        status: 404,
        detail: 'No item abc',
        itemId: 'abc',
      });
      const gone = await inject({ url: '/items/erased', headers });
      expect(gone.statusCode).toBe(410);
      expect(json(gone).type).toBe('/problems/item-erased');
    });

    it('answers 503 with Retry-After while a read model is rebuilt', async () => {
      const headers = { authorization: `Bearer ${await token(['analyst'])}` };
      const res = await inject({ url: '/items/rebuilding', headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(res)).toMatchObject({
        type: '/problems/read-model-unavailable',
        status: 503,
        retryAfterSeconds: 7,
      });
    });

    it('answers a path parameter too long for the router with a 414 problem', async () => {
      const headers = { authorization: `Bearer ${await token(['analyst'])}` };
      const res = await inject({ url: `/items/${'x'.repeat(500)}`, headers });
      expect(res.statusCode).toBe(414);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(res)).toMatchObject({ status: 414, title: 'URI Too Long' });
    });

    it('412 for an If-Match no current version satisfies (a weak tag never does), else a new ETag', async () => {
      const auth = `Bearer ${await token(['sales-rep'])}`;
      const put = (id: string, ifMatch: string) =>
        inject({
          method: 'PUT',
          url: `/items/${id}`,
          headers: { authorization: auth, 'if-match': ifMatch },
        });
      const stale = await put('1', '"2"');
      expect(stale.statusCode).toBe(412);
      expect(json(stale)).toMatchObject({
        type: '/problems/precondition-failed',
        actualVersion: 3,
      });
      // RFC 9110 13.1.1: If-Match compares strongly, so the weak twin of the current tag fails.
      const weak = await put('1', 'W/"3"');
      expect(weak.statusCode).toBe(412);
      expect(weak.headers['content-type']).toMatch(PROBLEM_JSON);
      expect((await put('1', 'W/"3", "2"')).statusCode).toBe(412);
      // `*` needs the resource to exist (only item 1 does).
      expect((await put('2', '*')).statusCode).toBe(412);

      for (const holds of ['"3"', '"2", "3"', 'W/"2", "3"', '*']) {
        const fresh = await put('1', holds);
        expect(fresh.statusCode).toBe(200);
        expect(fresh.headers.etag).toBe('"4"');
      }

      const malformed = await inject({
        method: 'PUT',
        url: '/items/1',
        headers: { authorization: auth, 'if-match': 'v3' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(json(malformed).type).toBe('/problems/invalid-if-match');
    });
  });

  describe('conditional GET (If-None-Match)', () => {
    const get = async (ifNoneMatch?: string, method: 'GET' | 'HEAD' = 'GET') =>
      inject({
        method,
        url: '/items/-/current',
        headers: {
          authorization: `Bearer ${await token(['analyst'])}`,
          ...(ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch }),
        },
      });

    it.each(['"3"', 'W/"3"', '"1", "3"', '*'])(
      'answers If-None-Match %s naming the current ETag with 304, the ETag and no body',
      async (ifNoneMatch) => {
        const res = await get(ifNoneMatch);
        expect(res.statusCode).toBe(304);
        expect(res.headers.etag).toBe('"3"');
        expect(res.body).toBe('');
        expect(res.headers['content-type']).toBeUndefined();
      },
    );

    it('answers HEAD like GET', async () => {
      expect((await get('"3"', 'HEAD')).statusCode).toBe(304);
    });

    it('answers 200 with the body when the client holds another version, or sent none', async () => {
      for (const ifNoneMatch of ['"2"', '"2", W/"4"', undefined]) {
        const res = await get(ifNoneMatch);
        expect(res.statusCode).toBe(200);
        expect(res.headers.etag).toBe('"3"');
        expect(json(res)).toEqual({ id: '1', version: 3 });
      }
    });

    it('leaves errors and writes alone', async () => {
      const headers = {
        authorization: `Bearer ${await token(['sales-rep'])}`,
        'if-none-match': '*',
      };
      expect((await inject({ url: '/items/abc', headers })).statusCode).toBe(404);
      const put = await inject({ method: 'PUT', url: '/items/1', headers });
      expect(put.statusCode).toBe(200);
      expect(put.headers.etag).toBe('"4"');
    });
  });

  describe('authentication, roles and tenancy', () => {
    it('401 without a token', async () => {
      const res = await inject({
        method: 'POST',
        url: '/items',
        payload: { name: 'Widget', quantity: 1 },
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(json(res).type).toBe('/problems/unauthenticated');
    });

    it('401 for a token signed with another secret, and for an expired one', async () => {
      const forged = await mintDevToken({
        tenant: 'tenant-a',
        roles: ['admin'],
        secret: 'another-secret-0123456789abcdef-0000',
      });
      const res = await inject({
        url: '/items/abc',
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(res.statusCode).toBe(401);
      expect(json(res).type).toBe('/problems/invalid-token');

      const expired = await mintDevToken({
        tenant: 'tenant-a',
        roles: ['admin'],
        secret: SECRET,
        expiresIn: Math.floor(Date.now() / 1000) - 60,
      });
      const late = await inject({
        url: '/items/abc',
        headers: { authorization: `Bearer ${expired}` },
      });
      expect(late.statusCode).toBe(401);
      expect(json(late).detail).toMatch(/expired/);
    });

    it('403 when none of the route roles is held', async () => {
      const res = await postItem({ name: 'Widget', quantity: 1 }, {}, ['analyst', 'marketer']);
      expect(res.statusCode).toBe(403);
      expect(json(res)).toMatchObject({
        type: '/problems/missing-role',
        requiredRoles: ['admin', 'sales-rep'],
      });
    });

    it('201 with a right role; tenant and user come from the token, the correlation id reaches deep code', async () => {
      const res = await postItem({ name: 'Widget', quantity: 2 }, { 'x-request-id': 'req-12345' }, [
        'sales-rep',
      ]);
      expect(res.statusCode).toBe(201);
      expect(res.headers['x-request-id']).toBe('req-12345');
      const item = json(res);
      expect(item).toMatchObject({
        tenant: 'tenant-a',
        createdBy: 'user-1',
        name: 'Widget',
        quantity: 2,
        correlationId: 'req-12345',
      });
      expect(res.headers.location).toBe(`/items/${item.id}`);
    });

    it('generates a correlation id when the caller sends none', async () => {
      const res = await inject({ url: '/health/live' });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the stored response for the same key and body, and refuses another body', async () => {
      const key = `key-${Date.now()}`;
      const first = await postItem({ name: 'Widget', quantity: 1 }, { 'idempotency-key': key });
      expect(first.statusCode).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();

      // Same body with another key order: still the same request.
      const again = await postItem({ quantity: 1, name: 'Widget' }, { 'idempotency-key': key });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(json(again)).toEqual(json(first));
      expect(again.headers.location).toBe(first.headers.location);

      const reused = await postItem({ name: 'Gadget', quantity: 1 }, { 'idempotency-key': key });
      expect(reused.statusCode).toBe(422);
      expect(json(reused).type).toBe('/problems/idempotency-key-reused');

      const fresh = await postItem(
        { name: 'Widget', quantity: 1 },
        { 'idempotency-key': `${key}-other` },
      );
      expect(json(fresh).id).not.toBe(json(first).id);
    });

    it('answers 409 while the first request with the key is still in flight, then replays it', async () => {
      const key = `inflight-${Date.now()}`;
      const auth = `Bearer ${await token(['admin'])}`;
      const slowPost = () =>
        inject({
          method: 'POST',
          url: '/items/-/slow?ms=1000',
          headers: { authorization: auth, 'idempotency-key': key },
          payload: { name: 'Slow', quantity: 1 },
        });
      const first = slowPost();
      await claimed(key);
      const concurrent = await slowPost();
      expect(concurrent.statusCode).toBe(409);
      expect(json(concurrent).type).toBe('/problems/idempotent-request-in-progress');

      const completed = await first;
      expect(completed.statusCode).toBe(201);
      const retry = await slowPost();
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(json(retry).id).toBe(json(completed).id);

      // Keys are stored per tenant, in the platform schema, with a 24 h expiry.
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT tenant, status, round(extract(epoch FROM expires_at - created_at) / 3600) AS ttl_hours
             FROM platform.idempotency_keys WHERE key = $1`,
          [key],
        );
        expect(rows).toEqual([{ tenant: 'tenant-a', status: 201, ttl_hours: '24' }]);
      } finally {
        await client.end();
      }
    });

    it('does not store failed requests, so the client may retry with the same key', async () => {
      const key = `failed-${Date.now()}`;
      const bad = await postItem({ name: 'Widget' }, { 'idempotency-key': key });
      expect(bad.statusCode).toBe(400);
      const good = await postItem({ name: 'Widget', quantity: 1 }, { 'idempotency-key': key });
      expect(good.statusCode).toBe(201);
    });
  });

  describe('health, metrics and docs (public)', () => {
    it('/health/live and /health/ready with the database up', async () => {
      const live = await inject({ url: '/health/live' });
      expect(live.statusCode).toBe(200);
      expect(json(live)).toEqual({ status: 'ok' });
      const ready = await inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(json(ready)).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    it('/metrics has process metrics and the HTTP histogram labelled by route pattern', async () => {
      await inject({
        url: '/items/some-id-123',
        headers: { authorization: `Bearer ${await token(['analyst'])}` },
      });
      const res = await inject({ url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toMatch(/^process_cpu_user_seconds_total /m);
      expect(res.body).toMatch(
        /^http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/items\/:id",status="404"\} [1-9]/m,
      );
      expect(res.body).not.toContain('some-id-123');
    });

    it('/docs-json is an OpenAPI 3 document with ProblemDetails and bearer auth; /docs serves the UI', async () => {
      const res = await inject({ url: '/docs-json' });
      expect(res.statusCode).toBe(200);
      const doc = json(res);
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.components.schemas.ProblemDetails.properties).toEqual(
        expect.objectContaining({
          type: expect.any(Object),
          title: expect.any(Object),
          status: expect.any(Object),
          errors: expect.any(Object),
        }),
      );
      expect(doc.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      const post = doc.paths['/items'].post;
      expect(post.requestBody.content['application/json'].schema.$ref).toBe(
        '#/components/schemas/CreateItemDto',
      );
      expect(post.responses['422'].content['application/problem+json'].schema.$ref).toBe(
        '#/components/schemas/ProblemDetails',
      );
      expect(doc.paths['/health/ready']).toBeUndefined();
      // Responses the platform adds to every operation, documented even where the controller is silent.
      const problemRef = { $ref: '#/components/schemas/ProblemDetails' };
      const rename = doc.paths['/items/{id}'].put.responses;
      for (const status of ['400', '401', '403', '412', '500']) {
        expect(rename[status].content['application/problem+json'].schema).toEqual(problemRef);
      }
      expect(doc.paths['/items/{id}'].get.responses['400']).toBeUndefined();

      // From the route metadata: roles, @Public, the If-Match the handler reads, Idempotency-Key.
      expect(post['x-roles']).toEqual(['admin', 'sales-rep']);
      expect(post.description).toMatch(/Roles: admin, sales-rep\.$/);
      expect(post.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
      expect(Object.keys(post.responses['201'].headers)).toEqual(['Idempotent-Replayed']);
      expect(doc.paths['/items/{id}'].put.parameters).toContainEqual({
        $ref: '#/components/parameters/IfMatch',
      });
      expect(doc.paths['/items/{id}'].get.parameters).not.toContainEqual({
        $ref: '#/components/parameters/IfMatch',
      });
      const publicGet = doc.paths['/items/-/slow'].get;
      expect(publicGet.security).toEqual([]);
      expect(publicGet['x-roles']).toBeUndefined();
      expect(publicGet.responses['401']).toBeUndefined();
      expect(doc.components.parameters.IfMatch).toMatchObject({ name: 'If-Match', in: 'header' });

      const ui = await inject({ url: '/docs' });
      expect(ui.statusCode).toBe(200);
      expect(ui.body).toContain('swagger');
    });
  });
});

describe('platform readiness when dependencies are down', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase('platform_down');
  });
  afterEach(async () => {
    await app?.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function start(env: Record<string, string>) {
    app = await createServiceApp(TestingAppModule, { env: testEnv(db, env) });
    await app.init();
    return app.getHttpAdapter().getInstance();
  }

  it('503 naming the database when the pool points at a closed port; liveness stays 200', async () => {
    const fastify = await start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' });
    const ready = await fastify.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'error',
      error: { database: { status: 'down' } },
    });
    expect((await fastify.inject({ url: '/health/live' })).statusCode).toBe(200);
  });

  it('includes the checks a service registers', async () => {
    const fastify = await start({});
    const indicators = app.get(HealthIndicatorService);
    let lag = 0;
    app
      .get(ReadinessChecks)
      .register('projections', async () =>
        lag > 10
          ? indicators.check('projections').down({ lag })
          : indicators.check('projections').up({ lag }),
      );
    const caughtUp = await fastify.inject({ url: '/health/ready' });
    expect(caughtUp.statusCode).toBe(200);
    expect(JSON.parse(caughtUp.body).info.projections).toEqual({ status: 'up', lag: 0 });
    lag = 50;
    const behind = await fastify.inject({ url: '/health/ready' });
    expect(behind.statusCode).toBe(503);
    expect(JSON.parse(behind.body).error.projections).toEqual({ status: 'down', lag: 50 });
  });

  it('503 naming kafka when KAFKA_BROKERS points at nothing', async () => {
    const fastify = await start({ KAFKA_BROKERS: '127.0.0.1:1' });
    const ready = await fastify.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      info: { database: { status: 'up' } },
      error: { kafka: { status: 'down' } },
    });
  });
});

describeWithKafka('platform readiness with a running Kafka broker', ({ brokers }) => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase('platform_kafka');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('200 with kafka up when KAFKA_BROKERS names the broker', async () => {
    app = await createServiceApp(TestingAppModule, {
      env: testEnv(db, { KAFKA_BROKERS: brokers().join(',') }),
    });
    await app.init();
    const ready = await app.getHttpAdapter().getInstance().inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, kafka: { status: 'up' } },
    });
  });
});
