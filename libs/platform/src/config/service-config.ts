/**
 * A service's own variables: declared once in its `<service>.config.ts` with `loadConfig`, and
 * served to the rest of the service as a typed provider. They are read from the environment the
 * app was created with (process.env, overlaid with a test's `env`) while Nest builds the module
 * graph, so a wrong value stops the service at start-up with a ConfigError naming the variable.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import type { Env } from './config';

/** The environment createServiceApp was given: what service config is read from. */
export const SERVICE_ENV = Symbol('SERVICE_ENV');

@Module({})
class ServiceConfigModule {}

/** A global module providing `token` = `load(environment)`; import it once, in the AppModule. */
export function serviceConfigModule<T>(token: symbol, load: (env: Env) => T): DynamicModule {
  return {
    module: ServiceConfigModule,
    global: true,
    providers: [{ provide: token, inject: [SERVICE_ENV], useFactory: load }],
    exports: [token],
  };
}
