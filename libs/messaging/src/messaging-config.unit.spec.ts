import {
  messagingConfigFromEnv,
  messagingLogLevel,
  namespacedName,
  topicSpecs,
} from './messaging-config';

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

  it('advertises KAFKA_PUBLIC_HOST to integrators, else the first broker', () => {
    expect(messagingConfigFromEnv({ KAFKA_BROKERS: 'kafka-0:9092,kafka-1:9092' })).toMatchObject({
      kafkaPublicHost: 'kafka-0:9092',
    });
    expect(
      messagingConfigFromEnv({
        KAFKA_BROKERS: 'kafka-0:9092',
        KAFKA_PUBLIC_HOST: 'kafka.example.com:443',
      }),
    ).toMatchObject({ kafkaPublicHost: 'kafka.example.com:443' });
    expect(messagingConfigFromEnv({}).kafkaPublicHost).toBeUndefined();
    expect(() => messagingConfigFromEnv({ KAFKA_PUBLIC_HOST: 'https://kafka:443' })).toThrow(
      /KAFKA_PUBLIC_HOST/,
    );
  });

  it("checks LOG_LEVEL for the lib's own logger", () => {
    expect(messagingLogLevel({})).toBe('info');
    expect(messagingLogLevel({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(() => messagingLogLevel({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
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

  describe('MESSAGING_NAMESPACE', () => {
    it('is empty unless set', () => {
      expect(messagingConfigFromEnv({}).namespace).toBe('');
      expect(messagingConfigFromEnv({ MESSAGING_NAMESPACE: '' }).namespace).toBe('');
    });

    it('accepts dot-separated segments of letters, digits, - and _', () => {
      for (const namespace of ['staging', 'eu-1.staging', 'ci_run-42', 'sales-mgx0-1a2b3c4d']) {
        expect(messagingConfigFromEnv({ MESSAGING_NAMESPACE: namespace }).namespace).toBe(
          namespace,
        );
      }
    });

    it('refuses what would not make legal, readable topic names', () => {
      for (const namespace of [
        '.staging',
        'staging.',
        'a..b',
        'has space',
        'ümlaut',
        'a/b',
        'x'.repeat(101),
      ]) {
        expect(() => messagingConfigFromEnv({ MESSAGING_NAMESPACE: namespace })).toThrow(
          /^Invalid MESSAGING_NAMESPACE: /,
        );
      }
    });

    it('prefixes a name with the namespace and a dot, or leaves it alone without one', () => {
      expect(namespacedName('staging', 'crm.sales.v1')).toBe('staging.crm.sales.v1');
      expect(namespacedName('staging', 'sales.contact-references')).toBe(
        'staging.sales.contact-references',
      );
      expect(namespacedName('', 'crm.sales.v1')).toBe('crm.sales.v1');
    });
  });
});
