/**
 * createServiceApp: a configured Fastify Nest app (not listening) for main.ts and tests.
 * bootstrapService: what a service's main.ts calls: validated config, embedded PostgreSQL when no
 * DATABASE_URL, listen, and a graceful SIGTERM/SIGINT shutdown.
 */
import path from 'node:path';
import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { CLOCK, systemClock, type Clock } from './clock/clock';
import { ConfigError } from './config/config';
import { loadPlatformConfig, PLATFORM_CONFIG, type PlatformConfig } from './config/platform-config';
import { SERVICE_ENV } from './config/service-config';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@crm/embedded-postgres';
import { setupOpenApi } from './docs/openapi';
import { routerErrorProblem } from './errors/problem.filter';
import { corsOptions } from './http/cors';
import { closeConnectionsWhenDraining } from './http/drain-connections';
import { answerNotModified } from './http/not-modified';
import { rejectUnstorableInput } from './http/reject-unstorable-input';
import { REQUEST_ID_HEADER, requestIdFor } from './logging/request-context';
import { registerHttpMetrics } from './metrics/http-metrics';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from './platform-options';
import { isTracingInstrumented } from './tracing/instrument';
import { nameServerSpansByRoute } from './tracing/route-span-name';
import { startTracing, stopTracing } from './tracing/start-tracing';

@Global()
@Module({})
class PlatformConfigHostModule {}

@Module({})
class ServiceRootModule {}

export interface CreateServiceAppOptions {
  /** Ready-made config; otherwise read from process.env overlaid with `env`. */
  readonly config?: PlatformConfig;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly defaultPort?: number;
  /** Where the app reads "now" (CLOCK); the machine's clock unless a test pins one. */
  readonly clock?: Clock;
}

export async function createServiceApp(
  appModule: Type<unknown> | DynamicModule,
  options: CreateServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  const env = { ...process.env, ...options.env };
  const config = options.config ?? loadPlatformConfig(env, { defaultPort: options.defaultPort });
  if (!config.databaseUrl) {
    throw new ConfigError([
      {
        variable: 'DATABASE_URL',
        message: 'is required (bootstrapService starts embedded PostgreSQL when it is absent)',
      },
    ]);
  }
  const configHost: DynamicModule = {
    module: PlatformConfigHostModule,
    global: true,
    providers: [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      { provide: SERVICE_ENV, useValue: env },
    ],
    exports: [PLATFORM_CONFIG, CLOCK, SERVICE_ENV],
  };
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // New requests during shutdown get 503 (and a closed connection) while in-flight ones drain.
    return503OnClosing: true,
    frameworkErrors: routerErrorProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    { module: ServiceRootModule, imports: [configHost, appModule] },
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  if (config.cors) app.enableCors(corsOptions(config.cors));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  registerHttpMetrics(fastify);
  if (isTracingInstrumented()) nameServerSpansByRoute(fastify);
  closeConnectionsWhenDraining(fastify);
  rejectUnstorableInput(fastify);
  answerNotModified(fastify);
  setupOpenApi(app, app.get<PlatformModuleOptions>(PLATFORM_OPTIONS));
  return app;
}

export interface BootstrapOptions {
  readonly name: string;
  readonly module: Type<unknown> | DynamicModule;
  readonly defaultPort: number;
}

/** For main.ts. Exits 1 with a message naming the variable when the configuration is wrong. */
export async function bootstrapService(options: BootstrapOptions): Promise<NestFastifyApplication> {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig(process.env, { defaultPort: options.defaultPort });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${options.name}: ${error.message}\n`);
    process.exit(1);
  }

  // Before Nest builds the app; a no-op unless an OTEL_* exporter variable is set.
  startTracing({ serviceName: options.name });
  let embedded: EmbeddedPostgresHandle | undefined;
  try {
    if (!config.databaseUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: path.resolve('.crm-data', options.name, 'postgres'),
        persistent: true,
      });
      config = { ...config, databaseUrl: embedded.url };
    }
    const app = await createServiceApp(options.module, { config });
    const logger = app.get(Logger);
    await app.listen({ port: config.port, host: config.host });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    logger.log(`${options.name} listening on http://${host}:${port} (docs: /docs)`, 'Bootstrap');
    handleShutdownSignals(app, config, logger, embedded);
    return app;
  } catch (error) {
    // A service's own config (serviceConfigModule) fails while Nest builds the app: the message
    // names the variable, a stack would only bury it.
    const reason =
      error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`${options.name}: failed to start: ${reason}\n`);
    await embedded?.stop().catch(() => undefined);
    await stopTracing().catch(() => undefined);
    process.exit(1);
  }
}

function handleShutdownSignals(
  app: NestFastifyApplication,
  config: PlatformConfig,
  logger: Logger,
  embedded: EmbeddedPostgresHandle | undefined,
): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing the server, draining in-flight requests`, 'Bootstrap');
    const deadline = setTimeout(() => {
      process.stderr.write(`shutdown did not finish within ${config.shutdownTimeoutMs} ms\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    try {
      // Nest order: onModuleDestroy (stop consumers), HTTP close (waits for in-flight requests),
      // onApplicationShutdown (close pools).
      await app.close();
      await embedded?.stop();
      // The spans of the drained requests are still batched: export them before exiting.
      await stopTracing().catch(() => undefined);
      logger.log('stopped', 'Bootstrap');
      process.exit(0);
    } catch (error) {
      process.stderr.write(`shutdown failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));
}
