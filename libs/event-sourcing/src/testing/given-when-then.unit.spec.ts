import { AssertionError } from 'node:assert';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { deciderSpec } from './given-when-then';

// A tiny decider: a seat that can be booked once and released by its holder.
type SeatEvent =
  | { type: 'SeatBooked'; data: { holder: string } }
  | { type: 'SeatReleased'; data: { holder: string } };
type SeatCommand = { type: 'BookSeat'; holder: string } | { type: 'ReleaseSeat'; holder: string };
type SeatState = { holder: string | null; bookings: number };

const seat: Decider<SeatCommand, SeatEvent, SeatState> = {
  initialState: () => ({ holder: null, bookings: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SeatBooked':
        return { holder: event.data.holder, bookings: state.bookings + 1 };
      case 'SeatReleased':
        return { ...state, holder: null };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'BookSeat':
        if (state.holder === command.holder) return []; // idempotent re-booking
        if (state.holder) throw new DomainError('SeatTaken', 'The seat is taken', 'conflict');
        return [{ type: 'SeatBooked', data: { holder: command.holder } }];
      case 'ReleaseSeat':
        if (state.holder !== command.holder) {
          throw new DomainError('NotTheHolder', 'Only the holder can release', 'forbidden');
        }
        return [{ type: 'SeatReleased', data: { holder: command.holder } }];
    }
  },
};

const given = deciderSpec(seat);
const booked = (holder: string): SeatEvent => ({ type: 'SeatBooked', data: { holder } });

describe('deciderSpec (given/when/then)', () => {
  it('passes when the command produces exactly the expected events', () => {
    given([])
      .when({ type: 'BookSeat', holder: 'ann' })
      .then([booked('ann')]);
    given([booked('ann')])
      .when({ type: 'BookSeat', holder: 'ann' })
      .thenNothingHappened();
    given([booked('ann')])
      .when({ type: 'ReleaseSeat', holder: 'ann' })
      .then([{ type: 'SeatReleased', data: { holder: 'ann' } }]);
  });

  it('folds the given events before deciding', () => {
    given([booked('ann'), { type: 'SeatReleased', data: { holder: 'ann' } }])
      .when({ type: 'BookSeat', holder: 'bob' })
      .thenState((state) => expect(state).toEqual({ holder: 'bob', bookings: 2 }));
  });

  it('fails when the events differ', () => {
    expect(() =>
      given([])
        .when({ type: 'BookSeat', holder: 'ann' })
        .then([booked('bob')]),
    ).toThrow(AssertionError);
  });

  it('fails thenNothingHappened when the command decided events', () => {
    expect(() => given([]).when({ type: 'BookSeat', holder: 'ann' }).thenNothingHappened()).toThrow(
      /expected the command to decide no events/,
    );
  });

  it('fails when events (or none) were expected but decide threw', () => {
    expect(() =>
      given([booked('ann')])
        .when({ type: 'BookSeat', holder: 'bob' })
        .then([booked('bob')]),
    ).toThrow(/SeatTaken/);
    expect(() =>
      given([booked('ann')])
        .when({ type: 'BookSeat', holder: 'bob' })
        .thenNothingHappened(),
    ).toThrow(/expected no events, but decide threw DomainError SeatTaken/);
  });

  it('matches a rejection by DomainError code or predicate', () => {
    given([booked('ann')])
      .when({ type: 'BookSeat', holder: 'bob' })
      .thenThrows('SeatTaken');
    given([])
      .when({ type: 'ReleaseSeat', holder: 'bob' })
      .thenThrows((e) => e instanceof DomainError && e.kind === 'forbidden');
  });

  it('fails thenThrows when nothing was thrown or a different error was', () => {
    expect(() =>
      given([]).when({ type: 'BookSeat', holder: 'ann' }).thenThrows('SeatTaken'),
    ).toThrow(/expected decide to throw/);
    expect(() =>
      given([booked('ann')])
        .when({ type: 'BookSeat', holder: 'bob' })
        .thenThrows('NotTheHolder'),
    ).toThrow(/expected DomainError NotTheHolder, got DomainError SeatTaken/);
    expect(() =>
      given([booked('ann')])
        .when({ type: 'BookSeat', holder: 'bob' })
        .thenThrows(() => false),
    ).toThrow(AssertionError);
  });

  it('refuses to be awaited like a promise', () => {
    const step = given([]).when({ type: 'BookSeat', holder: 'ann' });
    expect(() => (step.then as unknown as (f: () => void) => void)(() => undefined)).toThrow(
      TypeError,
    );
  });
});
