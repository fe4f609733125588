/** Rules of every list a command sends whole or adds to (emails, phones, addresses, tags, ids). */
import { defineErrors } from '@crm/event-sourcing';

export const ListErrors = defineErrors('list', {
  /** `entries` names what the list holds; `holder` who holds it when the list itself is full. */
  TooManyEntries: {
    kind: 'invalid',
    message: (field: string, max: number, entries = 'entries', holder = field) =>
      `${holder} holds at most ${max} ${entries}`,
    details: (field) => ({ field }),
  },
  /** `field` is the repeat (`emails[2]`); with `what`, the whole list that must not repeat one. */
  DuplicateEntry: {
    kind: 'invalid',
    message: (field: string, what?: string) =>
      what ? `${field} must not repeat ${what}` : `${field} repeats an earlier entry`,
    details: (field) => ({ field }),
  },
  SeveralPrimaries: {
    kind: 'invalid',
    message: (field: string) => `${field} may mark only one entry as primary`,
    details: (field) => ({ field }),
  },
});
