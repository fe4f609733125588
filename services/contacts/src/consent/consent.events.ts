/** Consent decisions of one contact, stream `consent-<contactId>`; the stream is the history. */
import type { DomainEvent } from '@crm/event-sourcing';
import type { ContactChannel } from '../contacts/contact';
import type { LegalBasis } from './consent';

export type ConsentGranted = DomainEvent<
  'ConsentGranted',
  { contactId: string; channel: ContactChannel; legalBasis: LegalBasis; source: string; at: string }
>;
export type ConsentWithdrawn = DomainEvent<
  'ConsentWithdrawn',
  { contactId: string; channel: ContactChannel; source: string; at: string; reason?: string }
>;

export type ConsentEvent = ConsentGranted | ConsentWithdrawn;
