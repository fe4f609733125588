/**
 * Everything a service gets from one import: logging, health, metrics, errors, auth, validation,
 * idempotency and the PostgreSQL pool. Needs PLATFORM_CONFIG, which createServiceApp provides.
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './auth/auth.guard';
import { createTokenVerifier, TOKEN_VERIFIER } from './auth/token-verifier';
import { PLATFORM_CONFIG, type PlatformConfig } from './config/platform-config';
import { createPgPool, PG_POOL, PgPoolCloser } from './database/pg-pool';
import { ProblemDetailsFilter } from './errors/problem.filter';
import { createValidationPipe } from './errors/validation';
import { DatabaseHealthIndicator } from './health/database.indicator';
import { HealthController } from './health/health.controller';
import { KafkaHealthIndicator } from './health/kafka.indicator';
import { ReadinessChecks } from './health/readiness-checks';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { CursorCodec } from './http/signed-cursor';
import { loggerParams } from './logging/logger';
import { RequestContextInterceptor } from './logging/request-context';
import { MetricsController } from './metrics/metrics.controller';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from './platform-options';
import { ConnectedRoleCheck } from './tenancy/row-level-security.service';

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => loggerParams(config, options.serviceName),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        {
          provide: PG_POOL,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => {
            if (!config.databaseUrl) throw new Error('PlatformModule needs DATABASE_URL');
            return createPgPool(config.databaseUrl, options.serviceName);
          },
        },
        PgPoolCloser,
        ConnectedRoleCheck,
        {
          provide: TOKEN_VERIFIER,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => createTokenVerifier(config.jwt),
        },
        DatabaseHealthIndicator,
        KafkaHealthIndicator,
        ReadinessChecks,
        IdempotencyStore,
        {
          provide: CursorCodec,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => new CursorCodec(config.cursorSecret),
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        // Order matters: the context wraps everything that follows, idempotency included.
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [
        PLATFORM_OPTIONS,
        PG_POOL,
        TOKEN_VERIFIER,
        ReadinessChecks,
        IdempotencyStore,
        CursorCodec,
      ],
    };
  }
}
