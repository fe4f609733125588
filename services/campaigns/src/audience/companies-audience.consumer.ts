/**
 * Keeps audience_companies (audience-companies.ts) from crm.contacts.v1's company events and the
 * company state topic (`crm.contacts.company.state.v1`, read from offset 0 so a campaigns database
 * made later still knows every company's name). Same group and inbox as the contact consumers.
 * No audience change is queued: no segment rule reads a company's name.
 */
import {
  CompanyArchived,
  CompanyDetailsChanged,
  CompanyRegistered,
  CompanyStateTopic,
  type CompanyArchivedV1,
  type CompanyDetailsChangedV1,
  type CompanyRegisteredV1,
} from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { AUDIENCE_CONSUMER } from './audience-consumer';
import { applyCompany, markCompanyGone } from './audience-companies';

/** The members of the company state campaigns reads. */
interface CompanyState {
  id: string;
  version: number;
  name: string;
  status: string;
}

@Controller()
export class CompaniesAudienceConsumer {
  @EventPattern([CompanyRegistered.type, CompanyDetailsChanged.type], AUDIENCE_CONSUMER)
  async details(
    event: ReceivedIntegrationEvent<CompanyRegisteredV1 | CompanyDetailsChangedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const { companyId, name, status } = event.data;
    await applyCompany(tx, event.tenant, { companyId, name, status }, { at: event.time });
  }

  @EventPattern(CompanyArchived.type, AUDIENCE_CONSUMER)
  async archived(event: ReceivedIntegrationEvent<CompanyArchivedV1>, tx: PoolClient) {
    const { companyId } = event.data;
    await applyCompany(tx, event.tenant, { companyId, status: 'archived' }, { at: event.time });
  }

  @EventPattern(CompanyStateTopic.type, AUDIENCE_CONSUMER)
  async companyState(
    event: ReceivedIntegrationEvent<CompanyState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const state = event.data;
    if (state === null) return markCompanyGone(tx, event.tenant, event.subject, event.time);
    await applyCompany(
      tx,
      event.tenant,
      { companyId: state.id, name: state.name, status: state.status },
      { at: event.time, stateVersion: state.version },
    );
  }
}
