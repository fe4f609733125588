/** Every way a command on a lead (capture, import, conversion) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const LeadErrors = defineErrors('lead', {
  LeadNotFound: { kind: 'not-found', message: () => 'No such lead' },
  LeadAlreadyExists: {
    kind: 'conflict',
    message: (leadId: string) => `Lead ${leadId} already exists`,
  },
  LeadClosed: {
    kind: 'conflict',
    message: (status: string) => `Lead is ${status}`,
    details: (status) => ({ status }),
  },
  InvalidLeadTransition: {
    kind: 'conflict',
    message: (from: string, to: string) => `A ${from} lead cannot become ${to}`,
    details: (from, to) => ({ from, to }),
  },
  LeadAlreadyConverted: {
    kind: 'conflict',
    message: (leadId: string, _contactId?: string, _opportunityId?: string) =>
      `Lead ${leadId} was already converted`,
    details: (_leadId, contactId?: string, opportunityId?: string) => ({
      contactId,
      opportunityId,
    }),
  },
  /** Another conversion of the lead is in flight (or this one with another request). */
  LeadConversionInProgress: {
    kind: 'conflict',
    message: (leadId: string, _conversionId?: string) =>
      `Lead ${leadId} is being converted by another request; GET /leads/${leadId}/conversion shows it`,
    details: (_leadId, conversionId?: string) => ({ conversionId }),
  },
  LeadConversionNotFound: {
    kind: 'not-found',
    message: () => 'This lead has no conversion',
  },
  CompanyRequired: {
    kind: 'invalid',
    message: () => 'The lead names a company: link an existing company or give a new company id',
    details: () => ({ field: 'newCompanyId' }),
  },
  /** The contacts service answered 4xx to the contact conversion creates: the data can be fixed. */
  ContactCreationRefused: {
    kind: 'invalid',
    message: (path: string, reason: string | number, _upstreamStatus: number) =>
      `The contacts service refused ${path}: ${reason}`,
    details: (_path, _reason, upstreamStatus) => ({ upstreamStatus }),
  },
  /** `reason`: why the upload is not a CSV we can read. */
  InvalidCsv: {
    kind: 'invalid',
    message: (reason: string) => reason,
    details: () => ({ field: 'csv' }),
  },
  ImportTooLarge: {
    kind: 'invalid',
    message: (maxRows: number) => `At most ${maxRows} rows per import`,
    details: () => ({ field: 'csv' }),
  },
  InvalidLeadSource: {
    kind: 'invalid',
    message: (allowed: readonly string[]) => `source must be one of ${allowed.join(', ')}`,
    details: () => ({ field: 'source' }),
  },
  InvalidEngagementKind: {
    kind: 'invalid',
    message: (allowed: readonly string[]) => `kind must be one of ${allowed.join(', ')}`,
    details: () => ({ field: 'kind' }),
  },
});
