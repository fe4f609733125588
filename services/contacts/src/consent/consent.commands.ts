import type { ContactChannel } from '../contacts/contact';
import type { ConsentByChannel, LegalBasis } from './consent';

export interface GrantConsent {
  readonly type: 'GrantConsent';
  readonly data: {
    contactId: string;
    channel: ContactChannel;
    legalBasis: LegalBasis;
    source: string;
    /** When the person decided, as the client says (the API's `decidedAt`). */
    decidedAt: string;
    /** The service clock's now: a decision may not be later, beyond the clock skew. */
    now: string;
  };
}
export interface WithdrawConsent {
  readonly type: 'WithdrawConsent';
  readonly data: {
    contactId: string;
    channel: ContactChannel;
    source: string;
    decidedAt: string;
    now: string;
    reason?: string;
  };
}
/** Merge: the survivor adopts the duplicate's decisions where they are stricter. */
export interface AdoptDuplicateConsent {
  readonly type: 'AdoptDuplicateConsent';
  readonly data: { contactId: string; duplicateId: string; duplicateConsents: ConsentByChannel };
}

export type ConsentCommand = GrantConsent | WithdrawConsent | AdoptDuplicateConsent;
