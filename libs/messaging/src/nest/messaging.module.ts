import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AsyncApiController } from './asyncapi.controller';
import { namespacedTransport } from './namespaced-transport';
import {
  MESSAGE_TRANSPORT,
  MESSAGING_OPTIONS,
  MessagingRuntime,
  type MessagingModuleOptions,
} from './messaging-runtime';

export interface MessagingModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: any[];
  readonly useFactory: (...deps: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
  /** Serve GET /asyncapi.json. Default true. */
  readonly serveAsyncApi?: boolean;
}

/**
 * Integration events for a Nest service: handlers are `@EventPattern('<event type>')` methods of
 * controllers, consumed through the IntegrationEventServer transport strategy that the module
 * starts at boot; the relay publishes the service's own events.
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      controllers: options.serveAsyncApi === false ? [] : [AsyncApiController],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: options.inject ?? [],
          useFactory: options.useFactory,
        },
        {
          // The one place MESSAGING_NAMESPACE is applied: the relay, the consumers, provisioning
          // and whatever else the service sends through this token all get the namespaced names.
          provide: MESSAGE_TRANSPORT,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingModuleOptions) =>
            namespacedTransport(o.transport, o.config.namespace),
        },
        MessagingRuntime,
      ],
      exports: [MESSAGE_TRANSPORT, MessagingRuntime],
    };
  }
}
