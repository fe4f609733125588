/**
 * References to companies (a contact's `companyId`, a company's `parentCompanyId`) must name one
 * of the tenant's companies: checked against the company's own stream, so a company created a
 * moment ago counts and another tenant's id does not. Refused as 422 naming the field.
 */
import { Injectable } from '@nestjs/common';
import { AggregateCommands } from '@crm/platform';
import { UUID } from '../contacts/contact-view';
import { companyDecider } from './company.decider';
import { CompanyErrors } from './company.errors';

@Injectable()
export class CompanyReferences {
  constructor(private readonly aggregates: AggregateCommands) {}

  /** Nothing to check for an absent or removed (`null`) reference. */
  async assertKnown(
    tenant: string,
    companyId: string | null | undefined,
    field: string,
  ): Promise<void> {
    if (companyId === undefined || companyId === null) return;
    if (typeof companyId !== 'string' || !UUID.test(companyId)) {
      throw CompanyErrors.unknownCompany(field);
    }
    const { state } = await this.aggregates.load(
      companyDecider,
      tenant,
      `company-${companyId.toLowerCase()}`,
    );
    if (state.status === 'unregistered') throw CompanyErrors.unknownCompany(field);
  }
}
