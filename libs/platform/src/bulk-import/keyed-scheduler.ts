/**
 * Runs up to `concurrency` tasks at once, but never two that share a key: rows naming the same
 * record (an email, an external id) are applied in file order (the later one must see what the
 * earlier one wrote), unrelated rows overlap their commit latency.
 */
export class KeyedScheduler {
  private readonly running = new Set<Promise<void>>();
  private readonly byKey = new Map<string, Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly concurrency: number) {}

  /** Resolves once the task has started; its failure surfaces on the next schedule() or drain(). */
  async schedule(keys: readonly string[], work: () => Promise<void>): Promise<void> {
    for (;;) {
      this.throwIfFailed();
      const blockers = keys
        .map((k) => this.byKey.get(k))
        .filter((p): p is Promise<void> => p !== undefined);
      if (blockers.length) await Promise.all(blockers);
      else if (this.running.size >= this.concurrency) await Promise.race(this.running);
      else break;
    }
    const task: Promise<void> = work()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(task);
        for (const key of keys) if (this.byKey.get(key) === task) this.byKey.delete(key);
      });
    this.running.add(task);
    for (const key of keys) this.byKey.set(key, task);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
