/**
 * A service's real Nest/Fastify app for end-to-end tests (driven with fastify inject, no socket):
 * on the given database, HS256 tokens with the given secret, no Kafka (embedded transport), and
 * only returned once its read models are built, since queries answer 503 until then.
 */
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '../bootstrap';
import type { Clock } from '../clock/clock';
import { ReadModels } from '../event-sourcing/read-models';

export interface TestServiceAppOptions {
  readonly databaseUrl: string;
  readonly jwtSecret: string;
  /** More environment, e.g. `CONTACTS_URL`; may override the defaults above. */
  readonly env?: Record<string, string>;
  readonly readModelsTimeoutMs?: number;
  /** Pin "now" for the app (e.g. a ManualClock); the machine's clock otherwise. */
  readonly clock?: Clock;
}

export async function startTestServiceApp(
  appModule: Type<unknown> | DynamicModule,
  options: TestServiceAppOptions,
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(appModule, {
    env: {
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: options.jwtSecret,
      JWT_JWKS_URL: '',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: '',
      ...options.env,
    },
    clock: options.clock,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const timeoutMs = options.readModelsTimeoutMs ?? 10_000;
  if (!(await app.get(ReadModels).whenLive(timeoutMs))) {
    await app.close();
    throw new Error(`the read models were not built within ${timeoutMs / 1000} s`);
  }
  return app;
}
