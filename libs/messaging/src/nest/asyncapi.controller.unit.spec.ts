import { PUBLIC_ROUTE_KEY } from '@crm/contracts';
import { Reflector } from '@nestjs/core';
import { messagingConfigFromEnv } from '../messaging-config';
import { AsyncApiController } from './asyncapi.controller';
import type { MessagingModuleOptions } from './messaging-runtime';

describe('AsyncApiController', () => {
  it('is public for the platform auth guard, like the OpenAPI document', () => {
    const reflector = new Reflector();
    const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, [
      AsyncApiController.prototype.asyncApi,
      AsyncApiController,
    ]);
    expect(isPublic).toBe(true);
  });

  it('serves the generated AsyncAPI 3 document', () => {
    const document = new AsyncApiController().asyncApi();
    expect(document.asyncapi).toMatch(/^3\./);
  });

  it('gives the topics of its MESSAGING_NAMESPACE as channel addresses', () => {
    const config = messagingConfigFromEnv({ MESSAGING_NAMESPACE: 'staging' });
    const document = new AsyncApiController({
      service: 'sales',
      config,
    } as MessagingModuleOptions).asyncApi();
    const channels = Object.values(document.channels as Record<string, any>);
    expect(channels.map((c) => c.address)).toContain('staging.crm.sales.v1');
    expect(channels.map((c) => c.address)).not.toContain('staging.crm.contacts.v1');
    const events = channels.find((c) => c.address === 'staging.crm.sales.v1');
    expect(events.bindings.kafka.topicConfiguration['retention.ms']).toBe(config.topicRetentionMs);
    for (const channel of channels) {
      expect(channel.address).toMatch(/^staging\.crm\./);
      expect(channel.bindings.kafka.topic).toBe(channel.address);
      // Event topics name their dead-letter topic; state topics have none.
      if (channel.bindings.kafka.topicConfiguration['cleanup.policy'][0] === 'delete')
        expect(channel.description).toContain(`${channel.address}.dlq`);
    }
  });
});
