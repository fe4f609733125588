import type { RecordedEvent } from '../event-store';
import { UpcasterChain } from './upcasters';

const recorded = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  schemaVersion,
  data,
  metadata: { tenant: 't1', occurredAt: '2026-01-01T00:00:00.000Z' },
  tenant: 't1',
  streamId: 'contact-1',
  streamVersion: 1,
  position: { commit: 1n, prepare: 1n },
  createdAt: new Date(0),
});

// v1 { name } -> v2 { firstName, lastName } -> v3 adds { emails: [] }
const chain = new UpcasterChain([
  {
    type: 'ContactRegistered',
    fromVersion: 2,
    upcast: (data) => ({ ...data, emails: data.email ? [data.email] : [] }),
  },
  {
    type: 'ContactRegistered',
    fromVersion: 1,
    upcast: (data) => {
      const [firstName, ...rest] = String(data.name).split(' ');
      return { firstName, lastName: rest.join(' '), email: data.email };
    },
  },
]);

describe('UpcasterChain', () => {
  it('lifts v1 through every step to the latest version, whatever order the steps were given in', () => {
    const event = chain.apply(
      recorded('ContactRegistered', 1, { name: 'Ada King Lovelace', email: 'a@x.io' }),
    );
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({
      firstName: 'Ada',
      lastName: 'King Lovelace',
      email: 'a@x.io',
      emails: ['a@x.io'],
    });
  });

  it('starts from the stored version and leaves the envelope alone', () => {
    const v2 = recorded('ContactRegistered', 2, { firstName: 'Ada', lastName: 'L' });
    const event = chain.apply(v2);
    expect(event.data).toEqual({ firstName: 'Ada', lastName: 'L', emails: [] });
    expect({ ...event, data: v2.data, schemaVersion: 2 }).toEqual(v2);
  });

  it('returns current and unknown events unchanged', () => {
    const v3 = recorded('ContactRegistered', 3, { firstName: 'A', lastName: 'B', emails: [] });
    const other = recorded('ContactErased', 1, { contactId: 'c1' });
    expect(chain.apply(v3)).toBe(v3);
    expect(chain.apply(other)).toBe(other);
  });

  it('does not mutate the stored event', () => {
    const v1 = recorded('ContactRegistered', 1, { name: 'Ada L' });
    chain.apply(v1);
    expect(v1).toEqual(recorded('ContactRegistered', 1, { name: 'Ada L' }));
  });

  it('tells writers which version to write', () => {
    expect(chain.latestVersion('ContactRegistered')).toBe(3);
    expect(chain.latestVersion('ContactErased')).toBe(1);
  });

  it('rejects ambiguous or invalid steps', () => {
    const step = { type: 'X', fromVersion: 1, upcast: (d: unknown) => d };
    expect(() => new UpcasterChain([step, step])).toThrow(/Two upcasters for X v1/);
    expect(() => new UpcasterChain([{ ...step, fromVersion: 0 }])).toThrow(/fromVersion/);
  });
});
