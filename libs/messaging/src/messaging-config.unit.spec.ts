import { messagingConfigFromEnv, topicSpecs } from './messaging-config';

describe('messaging config', () => {
  it('chooses the transport by KAFKA_BROKERS alone', () => {
    expect(messagingConfigFromEnv({ DATABASE_URL: 'postgres://x/db' })).toMatchObject({
      transport: 'embedded',
      embeddedDatabaseUrl: 'postgres://x/db',
    });
    expect(messagingConfigFromEnv({ KAFKA_BROKERS: 'a:9092, b:9093' })).toMatchObject({
      transport: 'kafka',
      kafkaBrokers: ['a:9092', 'b:9093'],
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => messagingConfigFromEnv({ KAFKA_BROKERS: 'nohostport' })).toThrow(/KAFKA_BROKERS/);
    expect(() => messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '0' })).toThrow(
      /MESSAGING_TOPIC_PARTITIONS/,
    );
    expect(() => messagingConfigFromEnv({ MESSAGING_TOPIC_RETENTION_MS: '1.5' })).toThrow(
      /MESSAGING_TOPIC_RETENTION_MS/,
    );
  });

  it('provisions a dead-letter topic beside every topic', () => {
    const config = messagingConfigFromEnv({
      MESSAGING_TOPIC_PARTITIONS: '6',
      MESSAGING_TOPIC_RETENTION_MS: '-1',
    });
    expect(topicSpecs(['crm.sales.v1', 'crm.sales.v1'], config)).toEqual([
      { name: 'crm.sales.v1', partitions: 6, retentionMs: -1 },
      { name: 'crm.sales.v1.dlq', partitions: 1, retentionMs: config.deadLetterRetentionMs },
    ]);
  });
});
