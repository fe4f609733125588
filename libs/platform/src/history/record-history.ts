/**
 * A record's history from its own stream, pure: each event is one entry (who, when, which fact)
 * with what changed, as the structural difference between the record's REST view before and
 * after it. Diffing views rather than events says "what changed" in the API's vocabulary, the
 * same for every aggregate, and never shows internals the view leaves out. `asOf` folds the
 * stream up to an instant. Personal data needs nothing here: the store decrypts it, or reads
 * `[erased]` after an erasure, before these functions see an event.
 */
import type { Decider, DomainEvent, RecordedEvent } from '@crm/event-sourcing';

/** How a record is folded and shown: the decider's fold and the view its GET answers. */
export interface RecordHistorySpec<E extends DomainEvent, S, V> {
  readonly initialState: () => S;
  readonly evolve: (state: S, event: E) => S;
  /** The REST view of the state at `version`; `undefined` while the record does not exist. */
  readonly view: (state: S, version: number, moments: RecordMoments) => V | undefined;
}

/** When the folded events happened, for views that show them (`createdAt`, `updatedAt`). */
export interface RecordMoments {
  /** occurredAt of the stream's first event. */
  readonly firstAt: string;
  /** occurredAt of the last event folded. */
  readonly lastAt: string;
}

/** The spec of a record from its decider and the view its GET answers (types inferred). */
export function recordHistoryOf<E extends DomainEvent, S, V>(
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  view: (state: S, version: number, moments: RecordMoments) => V | undefined,
): RecordHistorySpec<E, S, V> {
  return { initialState: decider.initialState, evolve: decider.evolve, view };
}

/** One changed value: `path` is dotted (`name.family`); an absent value is `null`. */
export interface FieldChange {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface HistoryEntry {
  /** The record's version after this event (its ETag then). */
  readonly version: number;
  /** When the fact happened (the event's occurredAt). */
  readonly at: string;
  /** Who caused it: a user id or `system:<component>`; null when the event names nobody. */
  readonly actor: string | null;
  /** The domain event's type, e.g. `OpportunityStageChanged`. */
  readonly event: string;
  readonly changes: FieldChange[];
}

/** Recorded events as the spec folds them (upcast), or skipped (null) when the upcaster drops them. */
export type ToSpecEvent<E> = (recorded: RecordedEvent) => E | null | undefined;

/** Top-level keys that move with every event and say nothing the entry does not (its version, its at). */
const UNTRACKED = new Set(['version', 'updatedAt']);

/** Every entry of the stream, oldest first; empty when the record never existed. */
export function historyOf<E extends DomainEvent, S, V>(
  spec: RecordHistorySpec<E, S, V>,
  recorded: readonly RecordedEvent[],
  toEvent: ToSpecEvent<E>,
): HistoryEntry[] {
  let state = spec.initialState();
  let before: V | undefined;
  const entries: HistoryEntry[] = [];
  for (const event of recorded) {
    const domain = toEvent(event);
    if (domain) state = spec.evolve(state, domain);
    const moments = { firstAt: recorded[0].metadata.occurredAt, lastAt: event.metadata.occurredAt };
    const after = spec.view(state, event.streamVersion, moments);
    if (before !== undefined || after !== undefined) {
      entries.push({
        version: event.streamVersion,
        at: event.metadata.occurredAt,
        actor: event.metadata.actor ?? null,
        event: event.type,
        changes: changesBetween(before, after),
      });
    }
    before = after;
  }
  return entries;
}

/** The view folded from the events that happened at or before `instant`. */
export function viewAsOf<E extends DomainEvent, S, V>(
  spec: RecordHistorySpec<E, S, V>,
  recorded: readonly RecordedEvent[],
  toEvent: ToSpecEvent<E>,
  instant: string,
): V | undefined {
  const until = Date.parse(instant);
  let state = spec.initialState();
  let version = 0;
  let moments: RecordMoments | undefined;
  for (const event of recorded) {
    // Streams append in time order, but an event's occurredAt is the business time: filter, not break.
    if (Date.parse(event.metadata.occurredAt) > until) continue;
    const domain = toEvent(event);
    if (domain) state = spec.evolve(state, domain);
    version = event.streamVersion;
    const at = event.metadata.occurredAt;
    moments = { firstAt: moments?.firstAt ?? at, lastAt: at };
  }
  return moments ? spec.view(state, version, moments) : undefined;
}

/**
 * The leaves that differ between two JSON views: objects are compared key by key (so a nested
 * field names its own path, also when its object appears or goes), arrays and scalars as whole values (a list of emails changed, not
 * "index 2 shifted"). `version` and `updatedAt` at the top level are left out.
 */
export function changesBetween(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  diff(before ?? {}, after ?? {}, '', changes);
  return changes;
}

function diff(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  // An object that appears or goes is listed by its leaves, like one that changed.
  const objects =
    (isPlainObject(before) || isAbsent(before)) &&
    (isPlainObject(after) || isAbsent(after)) &&
    !(isAbsent(before) && isAbsent(after));
  if (objects) {
    const from = isPlainObject(before) ? before : {};
    const to = isPlainObject(after) ? after : {};
    const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
    for (const key of [...keys].sort()) {
      if (!path && UNTRACKED.has(key)) continue;
      diff(from[key], to[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  const was = normalise(before);
  const is = normalise(after);
  if (!sameJson(was, is)) out.push({ path, from: was, to: is });
}

function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the view serialises to: an absent key and `undefined` both read as null. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}
