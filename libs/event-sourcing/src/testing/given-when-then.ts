/**
 * Deciders as executable specifications:
 *
 *   const given = deciderSpec(contactDecider);
 *   given([registered]).when(changeEmail).then([emailChanged]);
 *   given([registered]).when(changeEmailToTheSame).thenNothingHappened();
 *   given([registered, erased]).when(changeEmail).thenThrows('ContactErased');
 *
 * Assertions use node:assert so the helper works in any runner (jest prints the diff) and adds
 * no test-framework dependency to the library.
 */
import assert from 'node:assert/strict';
import { type Decider, type DomainEvent, fold } from '../decider';
import { DomainError } from '../domain-error';

/** A DomainError code (`'ContactAlreadyMerged'`) or any predicate over the thrown value. */
export type ErrorExpectation = string | ((error: unknown) => boolean);

export interface WhenStep<Event extends DomainEvent, State> {
  /** The command must produce exactly these events, in this order. */
  then(expected: readonly Event[]): void;
  /** The command must be accepted and decide no events: a no-op, e.g. a repeated command. */
  thenNothingHappened(): void;
  /** The command must be rejected. A string matches `DomainError.code`. */
  thenThrows(expected: ErrorExpectation): void;
  /** The command must be accepted and the state after its events must satisfy the check. */
  thenState(check: (state: State) => void): void;
}

export interface GivenStep<Command, Event extends DomainEvent, State> {
  when(command: Command): WhenStep<Event, State>;
}

export type Given<Command, Event extends DomainEvent, State> = (
  events?: readonly Event[],
) => GivenStep<Command, Event, State>;

export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): Given<Command, Event, State> {
  return (history = []) => ({
    when: (command) => {
      const state = fold(decider, history);
      // Run lazily so each assertion sees its own outcome (and its own thrown error).
      const run = (): { events: Event[] } | { error: unknown } => {
        try {
          return { events: decider.decide(command, state) };
        } catch (error) {
          return { error };
        }
      };
      return {
        then(expected) {
          // `then` makes this object look like a promise; refuse to be awaited by mistake.
          if (typeof expected === 'function') {
            throw new TypeError(
              'deciderSpec(...).when(...) is not a promise: call .then([events]) without await',
            );
          }
          const outcome = run();
          if ('error' in outcome) {
            assert.fail(`expected events, but decide threw ${describe(outcome.error)}`);
          }
          assert.deepStrictEqual(outcome.events, expected);
        },
        thenNothingHappened() {
          const outcome = run();
          if ('error' in outcome) {
            assert.fail(`expected no events, but decide threw ${describe(outcome.error)}`);
          }
          assert.deepStrictEqual(outcome.events, [], 'expected the command to decide no events');
        },
        thenThrows(expected) {
          const outcome = run();
          if (!('error' in outcome)) {
            assert.fail(
              `expected decide to throw, but it returned ${JSON.stringify(outcome.events)}`,
            );
          }
          if (typeof expected === 'string') {
            assert.ok(
              outcome.error instanceof DomainError && outcome.error.code === expected,
              `expected DomainError ${expected}, got ${describe(outcome.error)}`,
            );
          } else {
            assert.ok(
              expected(outcome.error),
              `thrown error did not match: ${describe(outcome.error)}`,
            );
          }
        },
        thenState(check) {
          const outcome = run();
          if ('error' in outcome) {
            assert.fail(`expected events, but decide threw ${describe(outcome.error)}`);
          }
          check(outcome.events.reduce(decider.evolve, state));
        },
      };
    },
  });
}

function describe(error: unknown): string {
  if (error instanceof DomainError)
    return `DomainError ${error.code} (${error.kind}): ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
