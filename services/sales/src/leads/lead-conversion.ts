/**
 * Converting a lead touches three places: the contacts service (contact and company), the new
 * opportunity, and the lead. Order matters: everything that can refuse is asked first (the lead
 * decision as a dry run, the pipeline, the contacts service), then the opportunity is opened, and
 * the lead's LeadConverted is appended last with the version the dry run saw, so a concurrent
 * conversion fails instead of converting twice.
 */
import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AggregateCommands,
  CLOCK,
  expectedVersionFor,
  isoNow,
  type Clock,
  type CommandCaller,
} from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { loadPipelineSnapshot } from '../pipelines/pipeline-snapshot';
import { CONTACTS_GATEWAY, type ContactsGateway } from './contacts-gateway';
import type { ConvertLead } from './lead.commands';
import { decideLead, leadDecider } from './lead.decider';
import type { LeadConverted } from './lead.events';

export interface ConversionRequest {
  readonly existingContactId?: string;
  readonly existingCompanyId?: string;
  readonly opportunity: {
    pipelineId: string;
    name?: string;
    amountMinor: number;
    currency: string;
    expectedCloseDate: string;
  };
}

export interface ConversionResult {
  readonly converted: LeadConverted['data'];
  /**
   * What this call created in the contacts service. False: linked to an existing one (the
   * request named it), or, without CONTACTS_URL, only an id was minted and nothing created.
   */
  readonly created: { readonly contact: boolean; readonly company: boolean };
  readonly version: number;
}

@Injectable()
export class LeadConversion {
  constructor(
    private readonly commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(CONTACTS_GATEWAY) private readonly contacts?: ContactsGateway,
  ) {}

  async convert(
    leadId: string,
    request: ConversionRequest,
    caller: CommandCaller & { authorization: string },
  ): Promise<ConversionResult> {
    const at = isoNow(this.clock);
    const { state: lead, version } = await this.commands.load(
      leadDecider,
      caller.tenant,
      STREAM.lead(leadId),
    );
    // If-Match `*` or a list holds on the version read, or 412; the lead's append checks it again.
    const expectedVersion = expectedVersionFor(caller, version) ?? version;
    let command: ConvertLead = {
      type: 'ConvertLead',
      data: {
        existingContactId: request.existingContactId,
        newContactId: randomUUID(),
        existingCompanyId: request.existingCompanyId,
        newCompanyId: randomUUID(),
        opportunityId: randomUUID(),
        at,
      },
    };
    const dryRun = (): LeadConverted => {
      const [event] = decideLead(command, lead);
      if (event.type !== 'LeadConverted') throw new Error('ConvertLead must decide LeadConverted');
      return event;
    };
    let converted = dryRun();
    const pipeline = await loadPipelineSnapshot(
      this.commands,
      caller.tenant,
      request.opportunity.pipelineId,
    );
    const ownerId = lead.ownerId ?? caller.actor;

    if (this.contacts && (converted.data.contactCreated || converted.data.companyCreated)) {
      // Created in the contacts service first; the lead then records them, under the ids that
      // service gave them, as the contact and company this conversion created.
      const { contactCreated, companyCreated } = converted.data;
      const newCompanyId = companyCreated
        ? await this.contacts.createCompany(lead.profile.company!, caller.authorization)
        : command.data.newCompanyId;
      const newContactId = contactCreated
        ? await this.contacts.createContact(
            lead.profile,
            { companyId: companyCreated ? newCompanyId : converted.data.companyId, ownerId },
            caller.authorization,
          )
        : command.data.newContactId;
      command = { ...command, data: { ...command.data, newContactId, newCompanyId } };
      converted = dryRun();
    }

    const { contactId, companyId, opportunityId } = converted.data;
    await this.commands.execute(
      opportunityDecider,
      STREAM.opportunity(opportunityId),
      {
        type: 'OpenOpportunity',
        data: {
          opportunityId,
          name:
            request.opportunity.name ??
            [lead.profile.name, lead.profile.interest].filter(Boolean).join(' - '),
          pipeline,
          amountMinor: request.opportunity.amountMinor,
          currency: request.opportunity.currency,
          expectedCloseDate: request.opportunity.expectedCloseDate,
          ownerId,
          contactId,
          companyId,
          leadId,
          at,
        },
      },
      { tenant: caller.tenant, actor: caller.actor },
    );
    const result = await this.commands.execute(leadDecider, STREAM.lead(leadId), command, {
      tenant: caller.tenant,
      actor: caller.actor,
      expectedVersion,
    });
    const viaContactsApi = this.contacts !== undefined;
    return {
      converted: converted.data,
      created: {
        contact: viaContactsApi && converted.data.contactCreated,
        company: viaContactsApi && converted.data.companyCreated,
      },
      version: result.nextExpectedVersion,
    };
  }
}
