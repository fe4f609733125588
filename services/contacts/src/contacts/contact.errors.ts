/**
 * Every way a command on (or a read of) a contact can be refused. `contactId` is given where the
 * contact is not the one the URL names (an interaction's contacts, a merge's duplicate).
 */
import { defineErrors } from '@crm/event-sourcing';

const named = (contactId: string | undefined) => (contactId ? `Contact ${contactId}` : 'Contact');

export const ContactErrors = defineErrors('contact', {
  ContactNotFound: {
    kind: 'not-found',
    message: (contactId?: string) => `${named(contactId)} does not exist`,
    details: (contactId?: string) => (contactId ? { contactId } : undefined),
  },
  ContactErased: {
    kind: 'gone',
    message: (contactId?: string) => `${named(contactId)} was erased`,
    details: (contactId?: string) => (contactId ? { contactId } : undefined),
  },
  ContactAlreadyMerged: {
    kind: 'conflict',
    message: (survivorId: string | undefined, contactId?: string) =>
      `${named(contactId)} was merged into ${survivorId}`,
    details: (survivorId, contactId?: string) =>
      contactId ? { contactId, survivorId } : { survivorId },
  },
  ContactArchived: { kind: 'conflict', message: () => 'Contact is archived; restore it first' },
  ContactAlreadyRegistered: { kind: 'conflict', message: () => 'Contact already exists' },
  CannotMergeIntoItself: {
    kind: 'invalid',
    message: (_field?: string) => 'A contact cannot be merged into itself',
    details: (field?: string) => (field ? { field } : undefined),
  },
  EmailAlreadyPresent: {
    kind: 'conflict',
    message: () => 'The contact already has this email; remove it first to relabel',
  },
  EmailNotFound: { kind: 'not-found', message: () => 'The contact has no such email' },
  PhoneAlreadyPresent: {
    kind: 'conflict',
    message: () => 'The contact already has this phone; remove it first to relabel',
  },
  PhoneNotFound: { kind: 'not-found', message: () => 'The contact has no such phone' },
  IllegalLifecycleMove: {
    kind: 'invalid',
    message: (from: string, to: string) => `A ${from} cannot become a ${to}`,
    details: (from, to) => ({ field: 'lifecycleStage', from, to }),
  },
});
