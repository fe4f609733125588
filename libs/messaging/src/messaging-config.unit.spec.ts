import {
  erasureWindowMs,
  messagingConfigFromEnv,
  messagingLogLevel,
  namespacedName,
  stateTopicSpecs,
  topicSpecs,
} from './messaging-config';

const DAY = 24 * 60 * 60 * 1000;

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

  it('provisions a dead-letter topic beside every topic, both with a bounded retention', () => {
    const config = messagingConfigFromEnv({
      MESSAGING_TOPIC_PARTITIONS: '6',
      MESSAGING_TOPIC_RETENTION_MS: '5000',
    });
    expect(topicSpecs(['crm.sales.v1', 'crm.sales.v1'], config)).toEqual([
      { name: 'crm.sales.v1', partitions: 6, retentionMs: 5000, segmentMs: 5000 },
      {
        name: 'crm.sales.v1.dlq',
        partitions: 1,
        retentionMs: config.deadLetterRetentionMs,
        segmentMs: Math.min(config.deadLetterRetentionMs, DAY),
      },
    ]);
  });

  it('keeps event and dead-letter topics 7 days by default and refuses "forever"', () => {
    const config = messagingConfigFromEnv({});
    expect(config.topicRetentionMs).toBe(7 * DAY);
    expect(config.deadLetterRetentionMs).toBe(7 * DAY);
    for (const variable of ['MESSAGING_TOPIC_RETENTION_MS', 'MESSAGING_DLQ_RETENTION_MS']) {
      expect(() => messagingConfigFromEnv({ [variable]: '-1' })).toThrow(
        new RegExp(`^Invalid ${variable}: `),
      );
    }
  });

  it('provisions state topics compacted, kept for good, with the configured lags', () => {
    const config = messagingConfigFromEnv({
      MESSAGING_STATE_DELETE_RETENTION_MS: '1000',
      MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '2000',
    });
    expect(stateTopicSpecs(['crm.contacts.contact.state.v1'], config)).toEqual([
      {
        name: 'crm.contacts.contact.state.v1',
        partitions: config.topicPartitions,
        retentionMs: -1,
        cleanupPolicy: 'compact',
        deleteRetentionMs: 1000,
        maxCompactionLagMs: 2000,
        segmentMs: 2000,
      },
    ]);
  });

  it('states the erasure window: the longest retention plus its segment roll, or the compaction lag', () => {
    const config = (env: Record<string, string>) => messagingConfigFromEnv(env);
    expect(erasureWindowMs(config({}))).toBe(8 * DAY);
    expect(
      erasureWindowMs(
        config({ MESSAGING_TOPIC_RETENTION_MS: '3000', MESSAGING_DLQ_RETENTION_MS: '2000' }),
      ),
    ).toBe(DAY);
    expect(
      erasureWindowMs(
        config({
          MESSAGING_TOPIC_RETENTION_MS: '3000',
          MESSAGING_DLQ_RETENTION_MS: '2000',
          MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '1000',
        }),
      ),
    ).toBe(6000);
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
