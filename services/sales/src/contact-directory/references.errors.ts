/**
 * A command names a record sales does not know in the caller's tenant (issue 12: references were
 * never checked, and one tenant could name another's contacts). Each names the field: 422.
 * An unknown deal is OpportunityErrors.unknownOpportunity.
 */
import { defineErrors } from '@crm/event-sourcing';

export const ReferenceErrors = defineErrors('reference', {
  UnknownContact: {
    kind: 'invalid',
    message: (contactId: string, _field: string) => `No contact ${contactId}`,
    details: (_contactId, field) => ({ field }),
  },
  /** The contacts service erased the person: nothing new may be recorded about them. */
  ContactErased: {
    kind: 'invalid',
    message: (contactId: string, _field: string) => `Contact ${contactId} was erased`,
    details: (_contactId, field) => ({ field }),
  },
  /** Merged into another contact: name the survivor, whom the old records now point at. */
  ContactMerged: {
    kind: 'invalid',
    message: (contactId: string, survivorId: string, _field: string) =>
      `Contact ${contactId} was merged into ${survivorId}`,
    details: (_contactId, survivorId, field) => ({ field, survivorId }),
  },
  UnknownCompany: {
    kind: 'invalid',
    message: (companyId: string, _field: string) => `No company ${companyId}`,
    details: (_companyId, field) => ({ field }),
  },
  UnknownLead: {
    kind: 'invalid',
    message: (leadId: string, _field: string) => `No lead ${leadId}`,
    details: (_leadId, field) => ({ field }),
  },
});
