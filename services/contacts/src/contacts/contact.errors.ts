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
  /** PUT /contacts/{id} creates under the caller's id: it must be a UUID like the ones we issue. */
  InvalidContactId: {
    kind: 'invalid',
    message: () => 'A contact id is a UUID',
    details: () => ({ field: 'id' }),
  },
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
  NameRequired: {
    kind: 'invalid',
    message: (field: string) => `${field} needs a given or a family name`,
    details: (field) => ({ field }),
  },
  /** `field` is the best-time-to-call object; the rule is about its windows. */
  InvalidCallWindows: {
    kind: 'invalid',
    message: (field: string) => `${field}.windows must hold 1 to 21 windows`,
    details: (field) => ({ field: `${field}.windows` }),
  },
  InvalidTimeOfDay: {
    kind: 'invalid',
    message: (field: string) => `${field} must be HH:MM`,
    details: (field) => ({ field }),
  },
  EmptyCallWindow: {
    kind: 'invalid',
    message: (field: string) => `${field} must end after it starts`,
    details: (field) => ({ field }),
  },
  OverlappingCallWindows: {
    kind: 'invalid',
    message: (field: string, clash: number) => `${field} overlaps windows[${clash}]`,
    details: (field, _clash) => ({ field }),
  },
  BirthDateOrAgeBand: {
    kind: 'invalid',
    message: (field: string) => `${field} takes either birthDate or ageBand, not both`,
    details: (field) => ({ field }),
  },
  ImplausibleBirthDate: {
    kind: 'invalid',
    message: (field: string) => `${field} must be in the past 130 years`,
    details: (field) => ({ field }),
  },
  InvalidTag: {
    kind: 'invalid',
    message: (field: string) => `${field} must be 1-50 letters, digits, space, _ : . / -`,
    details: (field) => ({ field }),
  },
});
