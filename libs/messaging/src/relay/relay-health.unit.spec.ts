import { relayHealth } from './relay-health';

describe('relayHealth', () => {
  it('is up with parked events, listing their count and the oldest (ids and types only)', () => {
    const parkedAt = new Date('2026-03-01T11:50:00.000Z');
    expect(
      relayHealth({
        relay: 'contacts',
        parked: 3,
        oldest: {
          eventId: 'e-1',
          type: 'ContactRegistered',
          position: { commit: 7n, prepare: 42n },
          parkedAt,
        },
      }),
    ).toEqual({
      relay: {
        status: 'up',
        parked: 3,
        oldestParked: {
          eventId: 'e-1',
          type: 'ContactRegistered',
          globalPosition: '42',
          parkedAt: '2026-03-01T11:50:00.000Z',
        },
      },
    });
  });

  it('is down once the relay ended, saying why', () => {
    expect(relayHealth({ relay: 'contacts', parked: 0, oldest: null }, new Error('boom'))).toEqual({
      relay: { status: 'down', message: 'boom', parked: 0, oldestParked: null },
    });
  });
});
