import { projectionsHealth } from './projection-health';

const now = new Date('2026-03-01T12:00:00.000Z');
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
const noneParked = (projection: string) => ({ projection, parked: 0, oldest: null });

describe('projectionsHealth', () => {
  it('is up with parked events, listing their count and the oldest', () => {
    const result = projectionsHealth(
      [
        {
          name: 'contacts.directory',
          checkpoint: { status: 'live', stalledSince: null },
          parked: {
            projection: 'contacts.directory',
            parked: 2,
            oldest: {
              eventId: 'e-1',
              type: 'ContactRegistered',
              position: { commit: 7n, prepare: 42n },
              parkedAt: at(600),
            },
          },
        },
        { name: 'contacts.timeline', checkpoint: null, parked: noneParked('contacts.timeline') },
      ],
      now,
      60_000,
    );
    expect(result).toEqual({
      projections: {
        status: 'up',
        'contacts.directory': {
          status: 'live',
          parked: 2,
          oldestParked: {
            eventId: 'e-1',
            type: 'ContactRegistered',
            globalPosition: '42',
            parkedAt: '2026-03-01T11:50:00.000Z',
          },
        },
        'contacts.timeline': { status: 'not-built', parked: 0, oldestParked: null },
      },
    });
  });

  it('is down once a projection has been stalled for longer than the threshold', () => {
    const health = (secondsStalled: number) =>
      projectionsHealth(
        [
          {
            name: 'p',
            checkpoint: { status: 'live', stalledSince: at(secondsStalled) },
            parked: noneParked('p'),
          },
        ],
        now,
        60_000,
      ).projections;
    expect(health(10)).toMatchObject({ status: 'up', p: { stalled: false } });
    expect(health(61)).toMatchObject({
      status: 'down',
      p: { stalled: true, stalledSince: '2026-03-01T11:58:59.000Z' },
    });
  });
});
