import type { RecordedEvent } from '@crm/event-sourcing';
import { ERASED } from '@crm/event-sourcing';
import { changesBetween, historyOf, viewAsOf, type RecordHistorySpec } from './record-history';

type Event =
  | { type: 'Registered'; data: { name: string; city: string } }
  | { type: 'Moved'; data: { city: string } }
  | { type: 'Tagged'; data: { tag: string } }
  | { type: 'Noted'; data: Record<string, never> };
interface State {
  exists: boolean;
  name: string;
  city: string;
  tags: string[];
  notes: number;
}

/** A record whose view shows name, address.city and tags, not its internal note counter. */
const spec: RecordHistorySpec<Event, State, object> = {
  initialState: () => ({ exists: false, name: '', city: '', tags: [], notes: 0 }),
  evolve: (s, e) => {
    switch (e.type) {
      case 'Registered':
        return { ...s, exists: true, name: e.data.name, city: e.data.city };
      case 'Moved':
        return { ...s, city: e.data.city };
      case 'Tagged':
        return { ...s, tags: [...s.tags, e.data.tag] };
      case 'Noted':
        return { ...s, notes: s.notes + 1 };
    }
  },
  view: (s, version) =>
    s.exists ? { version, name: s.name, address: { city: s.city }, tags: s.tags } : undefined,
};

const base = Date.parse('2026-03-01T10:00:00.000Z');
/** Events an hour apart, each by its own actor, so every entry's who and when is distinct. */
function recorded(...events: Event[]): RecordedEvent[] {
  return events.map((e, i) => ({
    id: `e${i}`,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: {
      tenant: 't',
      actor: `user-${i + 1}`,
      occurredAt: new Date(base + i * 3_600_000).toISOString(),
    },
    tenant: 't',
    streamId: 'thing-1',
    streamVersion: i + 1,
    position: { commit: BigInt(i), prepare: BigInt(i) },
    createdAt: new Date(base + i * 3_600_000),
  }));
}
const toEvent = (r: RecordedEvent) => ({ type: r.type, data: r.data }) as Event;

const stream = recorded(
  { type: 'Registered', data: { name: 'Ada', city: 'London' } },
  { type: 'Moved', data: { city: 'Paris' } },
  { type: 'Noted', data: {} },
  { type: 'Tagged', data: { tag: 'vip' } },
);

describe('historyOf', () => {
  it('gives each event its version, time, actor, type and the view fields it changed', () => {
    const entries = historyOf(spec, stream, toEvent);
    expect(entries.map((e) => [e.version, e.at, e.actor, e.event])).toEqual(
      stream.map((r) => [r.streamVersion, r.metadata.occurredAt, r.metadata.actor, r.type]),
    );
    expect(entries[0].changes).toEqual([
      { path: 'address.city', from: null, to: 'London' },
      { path: 'name', from: null, to: 'Ada' },
      { path: 'tags', from: null, to: [] },
    ]);
    expect(entries[1].changes).toEqual([{ path: 'address.city', from: 'London', to: 'Paris' }]);
    // The counter is not in the view: the event is listed, with nothing the API shows changed.
    expect(entries[2].changes).toEqual([]);
    expect(entries[3].changes).toEqual([{ path: 'tags', from: [], to: ['vip'] }]);
  });

  it('lists nothing for a stream whose record never came to exist', () => {
    expect(historyOf(spec, recorded({ type: 'Noted', data: {} }), toEvent)).toEqual([]);
  });

  it('skips events the upcaster drops, still listing the version they took', () => {
    const entries = historyOf(spec, stream, (r) => (r.type === 'Moved' ? null : toEvent(r)));
    expect(entries[1]).toMatchObject({ version: 2, changes: [] });
  });

  it('shows erased personal data as the store reads it back', () => {
    const erased = recorded({ type: 'Registered', data: { name: ERASED, city: 'London' } });
    expect(historyOf(spec, erased, toEvent)[0].changes).toContainEqual({
      path: 'name',
      from: null,
      to: ERASED,
    });
  });
});

describe('viewAsOf', () => {
  const at = (i: number, deltaMs = 0) => new Date(base + i * 3_600_000 + deltaMs).toISOString();

  it('folds the events that happened at or before the instant', () => {
    expect(viewAsOf(spec, stream, toEvent, at(1))).toEqual({
      version: 2,
      name: 'Ada',
      address: { city: 'Paris' },
      tags: [],
    });
    expect(viewAsOf(spec, stream, toEvent, at(1, -1))).toMatchObject({
      version: 1,
      address: { city: 'London' },
    });
    expect(viewAsOf(spec, stream, toEvent, at(9))).toMatchObject({ version: 4, tags: ['vip'] });
  });

  it('gives the view when the first and the last folded event happened', () => {
    const seen: unknown[] = [];
    viewAsOf({ ...spec, view: (_s, _v, moments) => seen.push(moments) }, stream, toEvent, at(2));
    expect(seen).toEqual([{ firstAt: at(0), lastAt: at(2) }]);
  });

  it('is undefined before the record existed', () => {
    expect(viewAsOf(spec, stream, toEvent, at(0, -1))).toBeUndefined();
  });
});

describe('changesBetween', () => {
  it('compares objects by key whatever their key order, arrays and scalars whole', () => {
    expect(changesBetween({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(changesBetween({ l: [1, 2] }, { l: [2, 1] })).toEqual([
      { path: 'l', from: [1, 2], to: [2, 1] },
    ]);
    expect(changesBetween({ a: { b: 'x' } }, { a: {} })).toEqual([
      { path: 'a.b', from: 'x', to: null },
    ]);
  });

  it('leaves out the top-level version and updatedAt, which move with every event', () => {
    expect(
      changesBetween({ version: 1, updatedAt: 'a', n: 1 }, { version: 2, updatedAt: 'b', n: 1 }),
    ).toEqual([]);
    expect(changesBetween({ d: { version: 1 } }, { d: { version: 2 } })).toHaveLength(1);
  });
});
