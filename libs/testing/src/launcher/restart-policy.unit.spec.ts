/**
 * The `npm start` launcher's restart decisions (deploy/local/restart-policy.ts). The spec lives
 * here because deploy/ is no jest project; the launcher's real-process test is launcher.e2e.spec.ts.
 */
import { platformConfigSpec } from '@crm/platform';
// deploy/ is no Nx project (and no jest project), so its launcher is reached by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  DEFAULT_RESTART_POLICY,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  KILL_MARGIN_MS,
  NO_RESTARTS,
  decideAfterExit,
  describeExit,
  killAfterMs,
  type AfterExit,
  type RestartHistory,
  type UnexpectedExit,
} from '../../../../deploy/local/restart-policy';

const crashedAfter = (upForMs: number): UnexpectedExit => ({ cameUp: true, upForMs });
const failedToStart: UnexpectedExit = { cameUp: false, upForMs: 0 };

/** Feeds exits one after another, as the supervisor does, and returns each decision. */
function replay(exits: UnexpectedExit[], from: RestartHistory = NO_RESTARTS): AfterExit[] {
  let history = from;
  return exits.map((exit) => {
    const decision = decideAfterExit(history, exit);
    history = decision.history;
    return decision;
  });
}

const delays = (decisions: AfterExit[]) =>
  decisions.map((d) => (d.action === 'restart' ? d.delayMs : d.action));

describe('decideAfterExit', () => {
  it('restarts a crash after 1 s, doubling with each crash up to 30 s', () => {
    expect(delays(replay(Array(7).fill(crashedAfter(5_000))))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it('starts over at 1 s once the service ran stably before it crashed', () => {
    const decisions = replay([
      crashedAfter(1_000),
      crashedAfter(1_000),
      crashedAfter(1_000),
      crashedAfter(DEFAULT_RESTART_POLICY.stableAfterMs),
      crashedAfter(1_000),
    ]);
    expect(delays(decisions)).toEqual([1_000, 2_000, 4_000, 1_000, 2_000]);
  });

  it('gives up on the third failed start in a row, backing off before the first two', () => {
    expect(delays(replay([failedToStart, failedToStart, failedToStart]))).toEqual([
      1_000,
      2_000,
      'give-up',
    ]);
    expect(replay([failedToStart, failedToStart, failedToStart])[2]).toMatchObject({
      failedStarts: 3,
    });
  });

  it('counts only failed starts in a row: a run that came up clears them', () => {
    const decisions = replay([
      failedToStart,
      failedToStart,
      crashedAfter(100),
      failedToStart,
      failedToStart,
    ]);
    expect(decisions.map((d) => d.action)).toEqual(Array(5).fill('restart'));
    expect(decisions[4].history.failedStarts).toBe(2);
  });

  it('keeps the delay finite however long the streak', () => {
    const decision = decideAfterExit({ crashStreak: 5_000, failedStarts: 0 }, crashedAfter(10));
    expect(decision).toMatchObject({ action: 'restart', delayMs: 30_000 });
  });
});

describe('describeExit', () => {
  it('names the signal of a killed child, else its exit code', () => {
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
    expect(describeExit(1, null)).toBe('code 1');
    expect(describeExit(0, null)).toBe('code 0');
  });
});

describe('killAfterMs', () => {
  it("waits past the services' own drain deadline before SIGKILL", () => {
    expect(killAfterMs(undefined)).toBe(DEFAULT_SHUTDOWN_TIMEOUT_MS + KILL_MARGIN_MS);
    expect(killAfterMs('')).toBe(DEFAULT_SHUTDOWN_TIMEOUT_MS + KILL_MARGIN_MS);
    expect(killAfterMs('4000')).toBe(4_000 + KILL_MARGIN_MS);
  });

  it('uses the same default as the services (@crm/platform)', () => {
    expect(DEFAULT_SHUTDOWN_TIMEOUT_MS).toBe(platformConfigSpec().SHUTDOWN_TIMEOUT_MS.default);
  });

  it('refuses a value the services would refuse too', () => {
    expect(() => killAfterMs('soon')).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    expect(() => killAfterMs('-1')).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
