/**
 * MESSAGING_NAMESPACE applied in one place: a transport that puts every topic (DLQs included,
 * they are topics too) and every consumer group id under `<namespace>.` on the broker, and hands
 * delivered messages back with the plain topic name. Everything above it (relay, consumers, inbox,
 * dead-lettering, replay) keeps speaking the contract's names, so the inbox key and the inbox's
 * topic column are the same in every namespace.
 */
import { namespacedName } from '../messaging-config';
import type {
  ConsumeOptions,
  ConsumerHandle,
  MessageTransport,
  OutgoingMessage,
  ReplayFrom,
  SendOptions,
  TopicSpec,
} from '../transport/message-transport';

export function namespacedTransport(inner: MessageTransport, namespace: string): MessageTransport {
  return namespace ? new NamespacedTransport(inner, namespace) : inner;
}

class NamespacedTransport implements MessageTransport {
  private readonly prefix: string;

  constructor(
    private readonly inner: MessageTransport,
    private readonly namespace: string,
  ) {
    this.prefix = namespacedName(namespace, '');
  }

  get kind(): MessageTransport['kind'] {
    return this.inner.kind;
  }

  provision(topics: readonly TopicSpec[]): Promise<void> {
    return this.inner.provision(topics.map((t) => ({ ...t, name: this.name(t.name) })));
  }

  send(messages: readonly OutgoingMessage[], options?: SendOptions): Promise<void> {
    return this.inner.send(
      messages.map((m) => ({ ...m, topic: this.name(m.topic) })),
      options,
    );
  }

  consume(options: ConsumeOptions): Promise<ConsumerHandle> {
    return this.inner.consume({
      ...options,
      groupId: this.name(options.groupId),
      topics: options.topics.map((t) => this.name(t)),
      handle: (message) => options.handle({ ...message, topic: this.plain(message.topic) }),
    });
  }

  resetOffsets(groupId: string, topic: string, from: ReplayFrom): Promise<void> {
    return this.inner.resetOffsets(this.name(groupId), this.name(topic), from);
  }

  async backlog(groupId: string, topics: readonly string[]): Promise<number> {
    if (!this.inner.backlog) throw new Error(`the ${this.kind} transport cannot measure a backlog`);
    return this.inner.backlog(
      this.name(groupId),
      topics.map((t) => this.name(t)),
    );
  }

  async depth(topic: string): Promise<number> {
    if (!this.inner.depth) throw new Error(`the ${this.kind} transport cannot measure a depth`);
    return this.inner.depth(this.name(topic));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private name(plain: string): string {
    return namespacedName(this.namespace, plain);
  }

  /** Only subscribed (hence prefixed) topics are delivered; the guard keeps a surprise visible. */
  private plain(physical: string): string {
    return physical.startsWith(this.prefix) ? physical.slice(this.prefix.length) : physical;
  }
}
