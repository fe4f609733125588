/**
 * The transport port: what the relay and the consumers need from a log-structured broker.
 * Two adapters, chosen by one config value (KAFKA_BROKERS set or not): Kafka, and the embedded
 * Postgres-backed log for laptops and `npm start`. Both give the same guarantees:
 *   - send() resolves only once every message is durably stored (Kafka: acks=all);
 *   - messages with the same key go to the same partition and are delivered in send order;
 *   - within a consumer group each partition has one consumer at a time;
 *   - a message's offset is committed only after its handler resolved (at-least-once).
 */
export interface OutgoingMessage {
  readonly topic: string;
  /** Partitioning key: the aggregate id, so one aggregate's events stay in order. */
  readonly key: string;
  /** null = a tombstone: on a compacted (state) topic it deletes the key. */
  readonly value: string | Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface DeliveredMessage {
  readonly topic: string;
  readonly partition: number;
  /** Decimal string (Kafka offsets are int64). */
  readonly offset: string;
  readonly key: string | null;
  /** Empty for a tombstone (see `tombstone`). */
  readonly value: Buffer;
  /** True when the message was sent with a null value (a deleted key of a compacted topic). */
  readonly tombstone?: boolean;
  readonly headers: Readonly<Record<string, string>>;
  /** When the log stored it (our topics use LogAppendTime: the broker's clock, not the producer's). */
  readonly timestamp: Date;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** How long messages are kept (`delete` topics); -1 = forever. */
  readonly retentionMs: number;
  /**
   * `delete` (default): messages expire after retentionMs. `compact` (state topics): only the
   * latest message of each key is kept, and a tombstone removes the key after deleteRetentionMs.
   */
  readonly cleanupPolicy?: 'delete' | 'compact';
  /** Compacted topics: how long a tombstone stays readable before the key is gone for good. */
  readonly deleteRetentionMs?: number;
  /** Compacted topics: an overwritten value is compacted away at the latest after this long. */
  readonly maxCompactionLagMs?: number;
  /** Kafka: the active segment rolls after this long (only closed segments are cleaned). */
  readonly segmentMs?: number;
}

export interface ConsumeOptions {
  /** Consumer group: instances sharing it split the partitions between them. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group without committed offsets starts. Default true (the whole retained history). */
  readonly fromBeginning?: boolean;
  /**
   * Called for one message at a time per partition; the offset is committed after it resolves.
   * If it rejects, the offset is not committed and the message is delivered again.
   */
  readonly handle: (message: DeliveredMessage) => Promise<void>;
}

export interface ConsumerHandle {
  /** Resolves once this instance has joined its group (it may own no partition yet). */
  readonly ready: Promise<void>;
  /** Rejects if consumption stopped on an error it could not recover from. */
  readonly done: Promise<void>;
  /** Finishes the message in flight, commits, leaves the group. */
  stop(): Promise<void>;
}

export type ReplayFrom = 'earliest' | Date;

export interface SendOptions {
  /**
   * Send only once this resolves; if it rejects, send nothing and reject with its error. A caller
   * that keeps its sends in order (the relay) hands the next one over while the previous one is
   * still on its way, and a transport may prepare it meanwhile: the Kafka producer thread copies
   * it across threads then, so the producer does not wait for that copy after each ack.
   */
  readonly after?: Promise<unknown>;
}

export interface MessageTransport {
  readonly kind: 'kafka' | 'embedded';
  /** Creates missing topics, grows partitions, applies retention. Idempotent. */
  provision(topics: readonly TopicSpec[]): Promise<void>;
  send(messages: readonly OutgoingMessage[], options?: SendOptions): Promise<void>;
  consume(options: ConsumeOptions): Promise<ConsumerHandle>;
  /**
   * Moves a group's committed offsets on a topic back to the beginning or to the first message at
   * or after a time. The group must have no running instance (as with kafka-consumer-groups).
   */
  resetOffsets(groupId: string, topic: string, from: ReplayFrom): Promise<void>;
  /**
   * Retained messages of `topics` the group has not committed yet: its lag in messages (a group
   * that committed nothing counts from the oldest retained message). For /metrics; both adapters
   * measure it, a wrapper or test double without it just leaves the gauge out.
   */
  backlog?(groupId: string, topics: readonly string[]): Promise<number>;
  /** Messages a topic retains now (a dead-letter topic's depth). For /metrics, like backlog. */
  depth?(topic: string): Promise<number>;
  close(): Promise<void>;
}
