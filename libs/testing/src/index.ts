export * from './postgres';
export { testKafkaBrokers, kafkaAnswers } from './kafka';
export { testEventStoreConnectionString } from './eventstore';
export {
  describeWithKafka,
  describeWithLocalKafka,
  describeWithEventStoreDb,
} from './describe-with';
export { startDisposableKafka } from './local-kafka';
export type { DisposableKafka } from './local-kafka';
export { readTopicsToEnd } from './kafka-topic-snapshot';
export type { StoredMessage } from './kafka-topic-snapshot';
export { waitForTopicMessage } from './kafka-topic-reader';
export type { TopicMessage } from './kafka-topic-reader';
export { uniqueName } from './unique-name';
export { createScratchDatabase } from './scratch-database';
export type { ScratchDatabase } from './scratch-database';
export * from './unstorable-input';
export * from './openapi-operations';
export * from './query-fuzz';
export { eventually } from './eventually';
