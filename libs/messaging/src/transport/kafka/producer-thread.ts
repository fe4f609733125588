/**
 * A kafkajs producer on its own worker thread (producer-worker.js).
 *
 * Why: kafkajs encodes record batches in JavaScript, about 30-40 µs of CPU per small message here,
 * which is most of what relaying an event costs. On the relay's thread that work queues behind
 * reading the event log and mapping; on its own thread the two overlap (npm run bench:relay).
 * The price: messages are copied across the thread boundary (structured clone, a few µs each).
 *
 * Ordered hand-over (SendOptions.after): a send that must follow another one of this thread's
 * sends is copied over at once and chained in the thread, which starts it the moment the broker
 * acknowledged the one before (no round trip through the caller's busy thread) and drops it
 * unsent if that one failed. Any other `after` promise: the copy waits in the thread for a `go`.
 *
 * Same guarantees as the in-thread producer: send() resolves only after the broker acknowledged
 * (acks=all, idempotent, one request in flight), and after a failed send the producer session is
 * replaced. If the thread dies, pending sends reject and the next send starts a new thread.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KafkaConfig } from 'kafkajs';
import type { MessagingLogger } from '../../logger';
import { forwardKafkaLog } from './kafka-log';

export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly {
    readonly key: string;
    /** null: a tombstone. */
    readonly value: string | Buffer | null;
    readonly headers: Readonly<Record<string, string>>;
  }[];
}

interface Reply {
  readonly id?: number;
  readonly error?: { name: string; message: string; retriable: boolean };
  /** Not sent: the send it was chained to failed. */
  readonly dropped?: boolean;
  readonly log?: { level: number; message: string; extra: Record<string, unknown> };
}

interface PendingSend {
  readonly worker: Worker;
  readonly after: Promise<unknown> | undefined;
  resolve(): void;
  reject(e: Error): void;
}

const WORKER_FILE = join(__dirname, 'producer-worker.js');
/** How long close() lets the thread disconnect its producer before terminating it. */
const CLOSE_TIMEOUT_MS = 10_000;

export class ProducerSendError extends Error {
  constructor(
    name: string,
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
    this.name = name;
  }
}

export class ProducerThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, PendingSend>();
  /** The promises send() returned, to recognise `after` as one of this thread's own sends. */
  private readonly ids = new WeakMap<Promise<void>, number>();

  /** `kafka` must survive structured clone: no functions (see canCrossThreads). */
  constructor(
    private readonly kafka: KafkaConfig,
    private readonly logger: MessagingLogger,
  ) {}

  send(topicMessages: readonly TopicMessages[], after?: Promise<unknown>): Promise<void> {
    const worker = this.running();
    const id = ++this.nextId;
    const afterId = after && this.ids.get(after as Promise<void>);
    const sent = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { worker, after, resolve, reject });
      // Keep the process alive while a send is on its way, not while the thread idles.
      worker.ref();
      if (afterId !== undefined && this.pending.get(afterId)?.worker === worker) {
        worker.postMessage({ id, topicMessages, afterId });
        return;
      }
      worker.postMessage({ id, topicMessages, held: after !== undefined });
      after?.then(
        () => worker.postMessage({ go: id }),
        (error: unknown) => {
          worker.postMessage({ drop: id });
          this.settle(worker, id, asError(error));
        },
      );
    });
    this.ids.set(sent, id);
    return sent;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ close: true });
    const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE, {
      workerData: { kafka: this.kafka },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.receive(worker, reply));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) =>
      this.failAll(worker, new Error(`Kafka producer thread exited (code ${code})`)),
    );
    this.worker = worker;
    return worker;
  }

  private receive(worker: Worker, reply: Reply): void {
    if (reply.log) {
      forwardKafkaLog(this.logger, reply.log.level, reply.log.message, reply.log.extra);
      return;
    }
    const id = reply.id!;
    const { error } = reply;
    if (reply.dropped) {
      // Fails with the reason of the send it was chained to (rejected already: replies come in
      // the order the thread settled them).
      const after = this.pending.get(id)?.after;
      after?.then(
        () => this.settle(worker, id, new Error('not sent: the send before it failed')),
        (reason: unknown) => this.settle(worker, id, asError(reason)),
      );
      return;
    }
    this.settle(
      worker,
      id,
      error && new ProducerSendError(error.name, error.message, error.retriable),
    );
  }

  private settle(worker: Worker, id: number, error?: Error): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    if (![...this.pending.values()].some((p) => p.worker === worker)) worker.unref();
    if (error) request.reject(error);
    else request.resolve();
  }

  /** The thread is gone: its sends will never be answered, and the next send starts a new one. */
  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, request] of this.pending) {
      if (request.worker !== worker) continue;
      this.pending.delete(id);
      request.reject(error);
    }
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** True when a value can be handed to a worker thread (structured clone: no functions). */
export function canCrossThreads(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
