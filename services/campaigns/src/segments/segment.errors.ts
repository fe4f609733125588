/** Every way a command on a segment (or a preview) can be refused. */
import { defineErrors } from '@crm/event-sourcing';
import { ProblemException } from '@crm/platform';
import type { RuleError } from './rules/validate-rule';
import type { SegmentKind, SegmentStatus } from './segment.events';

export const SegmentErrors = defineErrors('segment', {
  SegmentNotFound: { kind: 'not-found', message: () => 'No such segment' },
  SegmentAlreadyExists: {
    kind: 'conflict',
    message: (segmentId: string) => `Segment ${segmentId} already exists`,
  },
  /**
   * Each problem in `errors[]` (`field` = its path inside the body, `rule.all[2].op`), the shape
   * of the platform's 400 validation problems; nothing is saved.
   */
  InvalidRule: {
    kind: 'invalid',
    message: (errors: readonly RuleError[]) =>
      `The rule is invalid: ${errors.map((e) => `${e.path}: ${e.detail}`).join('; ')}`.slice(
        0,
        2000,
      ),
    details: (errors) => ({ errors: errors.map((e) => ({ field: e.path, message: e.detail })) }),
  },
  RuleRequired: {
    kind: 'invalid',
    message: () => 'A dynamic segment needs a rule',
    details: () => ({ field: 'rule' }),
  },
  /** Static segments list their members; dynamic ones have a rule: neither takes the other. */
  SegmentKindMismatch: {
    kind: 'conflict',
    message: (kind: SegmentKind, what: string) => `A ${kind} segment has no ${what}`,
    details: (kind, _what) => ({ kind }),
  },
  /** Archived is final: nothing changes an archived segment. */
  SegmentArchived: {
    kind: 'conflict',
    message: () => 'The segment is archived; an archived segment cannot change',
    details: () => ({ status: 'archived' satisfies SegmentStatus }),
  },
  TooManyListedContacts: {
    kind: 'invalid',
    message: (max: number) => `A static segment lists at most ${max} contacts per upload`,
    details: (max) => ({ field: 'contactIds', max }),
  },
});

/** The preview's query ran out of its time budget: a 503 the client may retry (a narrower rule helps). */
export function previewTimedOut(seconds: number): ProblemException {
  return ProblemException.of(
    503,
    'SegmentPreviewTimedOut',
    `The preview took longer than ${seconds} s; try again or narrow the rule`,
    { retryAfterSeconds: 5 },
  );
}
