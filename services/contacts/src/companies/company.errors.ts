/** Every way a command on (or a read of) a company can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const CompanyErrors = defineErrors('company', {
  CompanyNotFound: { kind: 'not-found', message: () => 'Company does not exist' },
  CompanyAlreadyRegistered: { kind: 'conflict', message: () => 'Company already exists' },
  /** PUT /companies/{id} creates under the caller's id: it must be a UUID like the ones we issue. */
  InvalidCompanyId: {
    kind: 'invalid',
    message: () => 'A company id is a UUID',
    details: () => ({ field: 'id' }),
  },
  CompanyArchived: { kind: 'conflict', message: () => 'Company is archived' },
  /** A reference (`companyId`, `parentCompanyId`) that names none of the tenant's companies. */
  UnknownCompany: {
    kind: 'invalid',
    message: (field: string) => `${field} names no company of this tenant`,
    details: (field) => ({ field }),
  },
  CompanyHierarchyCycle: {
    kind: 'invalid',
    message: () => 'A company cannot be its own (indirect) parent',
    details: () => ({ field: 'parentCompanyId' }),
  },
  InvalidDomain: {
    kind: 'invalid',
    message: (field: string, issue: 'not-a-string' | 'not-a-domain') =>
      issue === 'not-a-string'
        ? `${field} must be a string`
        : `${field} must be a domain such as example.com`,
    details: (field, _issue) => ({ field }),
  },
});
