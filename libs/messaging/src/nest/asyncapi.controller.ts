import { asyncApiDocument, PUBLIC_ROUTE_KEY } from '@crm/contracts';
import { Controller, Get, Header, Inject, Optional, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { namespacedName } from '../messaging-config';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging-runtime';

/**
 * The integration contract of this service (its event and state topics) for outside integrators,
 * generated from @crm/contracts. Public like
 * /docs-json: it describes the API, it holds no tenant data. Channel addresses are the topics of
 * this deployment, so they carry its MESSAGING_NAMESPACE. Marked with the contracts' public-route
 * key (what the platform's `@Public()` sets), so messaging needs no dependency on the platform.
 */
@SetMetadata(PUBLIC_ROUTE_KEY, true)
@Controller()
export class AsyncApiController {
  private readonly document: Record<string, unknown>;

  constructor(@Optional() @Inject(MESSAGING_OPTIONS) options?: MessagingModuleOptions) {
    const config = options?.config;
    // Only the channels this service publishes, with this deployment's retention settings.
    const document = asyncApiDocument({
      service: options?.service,
      kafkaHost: config?.kafkaPublicHost,
      retention: config && {
        eventRetentionMs: config.topicRetentionMs,
        deadLetterRetentionMs: config.deadLetterRetentionMs,
        stateDeleteRetentionMs: config.stateDeleteRetentionMs,
      },
    });
    this.document = withNamespace(document, options?.config.namespace ?? '');
  }

  @Get('asyncapi.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The AsyncAPI document of the topics this service publishes' })
  asyncApi(): Record<string, unknown> {
    return this.document;
  }
}

interface Channel {
  address: string;
  description?: string;
  bindings?: { kafka?: { topic?: string } };
}

function withNamespace(document: Record<string, unknown>, namespace: string) {
  if (!namespace) return document;
  const channels = document.channels as Record<string, Channel>;
  for (const channel of Object.values(channels)) {
    const plain = channel.address;
    channel.address = namespacedName(namespace, plain);
    if (channel.bindings?.kafka?.topic) channel.bindings.kafka.topic = channel.address;
    channel.description = channel.description?.replace(
      `${plain}.dlq`,
      namespacedName(namespace, `${plain}.dlq`),
    );
  }
  return document;
}
