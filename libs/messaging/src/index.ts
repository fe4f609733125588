export * from './transport/message-transport';
export { partitionForKey } from './transport/partitioner';
export { KafkaTransport, type KafkaTransportOptions } from './transport/kafka/kafka-transport';
export {
  EmbeddedTransport,
  UnknownTopicError,
  type EmbeddedTransportOptions,
} from './transport/embedded/embedded-transport';
export * from './messaging-config';
export * from './create-transport';
export { migrateMessaging, DEFAULT_MESSAGING_SCHEMA } from './messaging-schema';
export * from './relay/integration-event-mapper';
export { RelayMappingError, integrationEventId } from './relay/envelope';
export { Relay, type RelayOptions } from './relay/relay';
export {
  RelayParkedEvents,
  type RelayParkedEvent,
  type RelayParkedSummary,
} from './relay/relay-parked-events';
export { retryRelayParkedEvents, type RetryRelayParkedOptions } from './relay/retry-relay-parked';
export { relayHealth, type ReadinessRegistry } from './relay/relay-health';
export * from './consumer/errors';
export * from './consumer/received-event';
export { DLQ_HEADERS } from './consumer/dead-letter';
export {
  IntegrationEventConsumer,
  type IntegrationEventConsumerOptions,
  type MessageOutcome,
} from './consumer/integration-event-consumer';
export type { MessagingLogger } from './logger';
export {
  IntegrationEventServer,
  INTEGRATION_EVENTS,
  type IntegrationEventPatternExtras,
  type IntegrationEventServerOptions,
} from './nest/integration-event-server';
export { MessagingModule, type MessagingModuleAsyncOptions } from './nest/messaging.module';
export {
  MessagingRuntime,
  MESSAGING_OPTIONS,
  MESSAGE_TRANSPORT,
  type MessagingModuleOptions,
  type IntegrationEventHandlerMap,
} from './nest/messaging-runtime';
export { namespacedTransport } from './nest/namespaced-transport';
export { AsyncApiController } from './nest/asyncapi.controller';
export * from './replay';
export type { StateSource } from './state/state-source';
export { StatePublisher, type StatePublisherOptions } from './state/state-publisher';
export {
  StateParkedSubjects,
  type ParkedSubject,
  type StateParkedSummary,
} from './state/state-parked-subjects';
export { statePublisherHealth } from './state/state-health';
export { republishState, type RepublishStateOptions, type RepublishProgress } from './state/republish-state';
export { topicConfigEntries } from './transport/kafka/kafka-transport';
export { runRepublishStateCli, type RepublishStateCliContext } from './cli/republish-state';
