/** Every way a command on a case can be refused; a transition error names the status it met. */
import { defineErrors } from '@crm/event-sourcing';
import type { CaseStatus } from './case.events';

export const CaseErrors = defineErrors('case', {
  CaseNotFound: { kind: 'not-found', message: () => 'No such case' },
  CaseAlreadyExists: {
    kind: 'conflict',
    message: (caseId: string) => `Case ${caseId} already exists`,
  },
  /** The move is not in the flow new -> in_progress <-> waiting_on_customer -> resolved -> closed. */
  CaseTransitionNotAllowed: {
    kind: 'conflict',
    message: (from: CaseStatus, to: string) =>
      `A ${from.replace(/_/g, ' ')} case cannot become ${to.replace(/_/g, ' ')}`,
    details: (from, to) => ({ status: from, requested: to }),
  },
  /** Replies, notes, assignment and priority belong to an open case; a closed one is reopened first. */
  CaseClosedForChanges: {
    kind: 'conflict',
    message: (status: CaseStatus) => `The case is ${status}; reopen it first`,
    details: (status) => ({ status }),
  },
  ReopenWindowPassed: {
    kind: 'conflict',
    message: (days: number, resolvedAt: string) =>
      `A case reopens within ${days} days of its resolution (${resolvedAt})`,
    details: (days, resolvedAt) => ({ windowDays: days, resolvedAt }),
  },
  SatisfactionNotYetAllowed: {
    kind: 'conflict',
    message: (status: CaseStatus) =>
      `Satisfaction is recorded after resolution; the case is ${status.replace(/_/g, ' ')}`,
    details: (status) => ({ status }),
  },
  SatisfactionAlreadyRecorded: {
    kind: 'conflict',
    message: (score: number) => `Satisfaction was recorded already (${score})`,
    details: (score) => ({ score }),
  },
  InvalidSatisfactionScore: {
    kind: 'invalid',
    message: () => 'score must be a whole number from 1 to 5',
    details: () => ({ field: 'score' }),
  },
  InvalidCategory: {
    kind: 'invalid',
    message: () => 'category must be 1-64 characters of lower-case letters, digits, - or _',
    details: () => ({ field: 'category' }),
  },
});
