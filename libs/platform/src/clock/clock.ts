/**
 * The one source of "now" for a service: controllers, schedulers and command handling read it
 * through the CLOCK token, never `new Date()`, so tests can pin or move time without touching the
 * machine's clock, and no assertion depends on today's date.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and move by hand; starts at `start` and only moves when told. */
export class ManualClock implements Clock {
  private at: number;

  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
    if (Number.isNaN(this.at)) throw new Error(`ManualClock: invalid start ${String(start)}`);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** `now` as an ISO-8601 instant (what commands carry as `at`). */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** `now`'s calendar date in UTC (`YYYY-MM-DD`), as the deciders' date rules expect it. */
export function todayUtc(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}
