/**
 * The emails and phones this import has written, so a later row matches the contact an earlier
 * row created or extended without waiting for the read model to show it (rows no longer wait for
 * read-your-writes one by one). It answers what the read model will answer once caught up: the
 * oldest contact holding the key, where contacts that existed before the import are older than
 * any it created, and those it created are ordered by the row that created them.
 * Keys are the scheduler's `e:<email>` / `p:<E.164 phone>`.
 */
export interface KeyHolder {
  readonly contactId: string;
  /** 0: existed before this import; otherwise the row that created it. Lower is older. */
  readonly rank: number;
}

interface Entry {
  holder: KeyHolder | undefined;
  /** The read model was asked for this key once: what it knew then is folded into `holder`. */
  checked: boolean;
}

/** What `created`/`wrote` changed since `checkpoint()`: a chunk whose append failed undoes it. */
export interface IndexCheckpoint {
  /** Takes back every change made since the checkpoint (the chunk appended nothing). */
  undo(): void;
  /** Keeps the changes (the chunk was appended). */
  keep(): void;
}

export class ImportKeyIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly createdAtRow = new Map<string, number>();
  /** Undo steps since the open checkpoint, newest last; undefined when none is open. */
  private journal: (() => void)[] | undefined;

  /**
   * Starts recording changes, so rows decided together (one chunk, one append) can match each
   * other and still leave the index as it was if their append fails. One checkpoint at a time.
   */
  checkpoint(): IndexCheckpoint {
    if (this.journal) throw new Error('ImportKeyIndex: a checkpoint is already open');
    const journal: (() => void)[] = [];
    this.journal = journal;
    return {
      undo: () => {
        this.journal = undefined;
        for (const step of journal.reverse()) step();
      },
      keep: () => {
        this.journal = undefined;
      },
    };
  }

  /**
   * The contact the first of `keys` that has a holder matches (email before phone), asking
   * `readModel` (in one call) about the keys this import has not asked it about yet.
   */
  async match(
    keys: readonly string[],
    readModel: (keys: string[]) => Promise<ReadonlyMap<string, string>>,
  ): Promise<string | undefined> {
    await this.prefetch(keys, readModel);
    for (const key of keys) {
      const holder = this.entries.get(key)?.holder;
      if (holder) return holder.contactId;
    }
    return undefined;
  }

  /**
   * Asks `readModel` (in one call) about those of `keys` this import has not asked it about yet,
   * so the rows that follow match without a query each.
   */
  async prefetch(
    keys: Iterable<string>,
    readModel: (keys: string[]) => Promise<ReadonlyMap<string, string>>,
  ): Promise<void> {
    const unchecked = [...new Set(keys)].filter((key) => !this.entries.get(key)?.checked);
    if (!unchecked.length) return;
    const found = await readModel(unchecked);
    for (const key of unchecked) {
      const entry = this.entries.get(key) ?? { holder: undefined, checked: false };
      entry.checked = true;
      const contactId = found.get(key);
      // The read model's answer is the oldest holder it knows: it wins a tie with ours.
      if (contactId) entry.holder = older(entry.holder, this.holderOf(contactId), true);
      this.entries.set(key, entry);
    }
  }

  /** Records that `row` created `contactId`. */
  created(contactId: string, row: number): void {
    this.journal?.push(() => this.createdAtRow.delete(contactId));
    this.createdAtRow.set(contactId, row);
  }

  /** Records that `contactId` now holds `keys` (it was created or updated with them). */
  wrote(contactId: string, keys: readonly string[]): void {
    const holder = this.holderOf(contactId);
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (this.journal) {
        const previous = entry?.holder;
        // Restoring `checked: false` only makes the read model be asked again: always safe.
        this.journal.push(() =>
          entry
            ? (entry.holder = previous)
            : this.entries.set(key, { holder: undefined, checked: false }),
        );
      }
      if (entry) entry.holder = older(entry.holder, holder, false);
      else this.entries.set(key, { holder, checked: false });
    }
  }

  private holderOf(contactId: string): KeyHolder {
    return { contactId, rank: this.createdAtRow.get(contactId) ?? 0 };
  }
}

function older(
  current: KeyHolder | undefined,
  candidate: KeyHolder,
  candidateWinsTie: boolean,
): KeyHolder {
  if (!current) return candidate;
  if (candidate.rank < current.rank) return candidate;
  if (candidate.rank === current.rank && candidateWinsTie) return candidate;
  return current;
}
