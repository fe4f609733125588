/**
 * Refuses a command whose references name a contact, company, deal or lead the caller's tenant
 * does not have: 422 naming the field, before anything is appended (issue 12: they were never
 * checked, and a tenant could record orders and activities about another tenant's contacts).
 *
 * Deals and leads are sales' own: read from the log, the write side's truth. Contacts and
 * companies live in the contacts service; sales knows them from its mirror of crm.contacts.v1 and
 * the contacts state topics (`contact_directory`, `company_directory`), which lags a creation by the relay and the broker,
 * typically well under a second. So an id the mirror has not seen is looked up again for up to
 * SALES_REFERENCE_WAIT_MS (3 s) before the 422: "create the contact, then log the call" works, and
 * a made-up id costs that wait. Ids that sales itself handed out also count: a lead conversion
 * names its contact and company (without CONTACTS_URL it only mints them; contacts learns of them
 * from lead.converted), so they are known from the conversion on.
 */
import { Inject, Injectable } from '@nestjs/common';
import { AggregateCommands, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { STREAM } from '../infrastructure/streams';
import { S } from '../infrastructure/read-model-part';
import { leadDecider } from '../leads/lead.decider';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { OpportunityErrors } from '../opportunities/opportunity.errors';
import { SALES_CONFIG, type SalesConfig } from '../sales.config';
import { ReferenceErrors } from './references.errors';

/** What a command names, under the field names of its body. */
export interface References {
  readonly contactId?: string;
  readonly companyId?: string;
  readonly opportunityId?: string;
  readonly leadId?: string;
}

type ContactStanding = 'known' | 'unknown' | 'erased' | { mergedInto: string };

const RETRY_EVERY_MS = 100;

@Injectable()
export class KnownReferences {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
    private readonly commands: AggregateCommands,
  ) {}

  /** Throws the 422 of the first reference the tenant does not know; returns when all are. */
  async assertKnown(tenant: string, refs: References): Promise<void> {
    if (refs.opportunityId !== undefined) {
      const { state } = await this.commands.load(
        opportunityDecider,
        tenant,
        STREAM.opportunity(refs.opportunityId),
      );
      if (!state.exists) throw OpportunityErrors.unknownOpportunity(refs.opportunityId);
    }
    if (refs.leadId !== undefined) {
      const { state } = await this.commands.load(leadDecider, tenant, STREAM.lead(refs.leadId));
      if (!state.exists) throw ReferenceErrors.unknownLead(refs.leadId, 'leadId');
    }
    await this.assertMirrored(tenant, refs.contactId, refs.companyId);
  }

  /** Contacts and companies, waiting a little for the mirror when it has not seen one yet. */
  private async assertMirrored(tenant: string, contactId?: string, companyId?: string) {
    // Elapsed time (a timeout), not business time: the wall clock is right here.
    const deadline = Date.now() + this.config.referenceWaitMs;
    let contact: ContactStanding = contactId === undefined ? 'known' : 'unknown';
    let company = companyId === undefined;
    for (;;) {
      if (contact === 'unknown') contact = await this.contactStanding(tenant, contactId!);
      if (!company) company = await this.companyKnown(tenant, companyId!);
      if ((contact !== 'unknown' && company) || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
    if (contact === 'unknown') throw ReferenceErrors.unknownContact(contactId!, 'contactId');
    if (contact === 'erased') throw ReferenceErrors.contactErased(contactId!, 'contactId');
    if (typeof contact === 'object')
      throw ReferenceErrors.contactMerged(contactId!, contact.mergedInto, 'contactId');
    if (!company) throw ReferenceErrors.unknownCompany(companyId!, 'companyId');
  }

  private async contactStanding(tenant: string, contactId: string): Promise<ContactStanding> {
    const { rows } = await this.pool.query<{
      erased: boolean;
      merged_into: string | null;
      gone: boolean;
    }>(
      `SELECT erased, merged_into, gone FROM ${S}.contact_directory WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
    const mirrored = rows[0];
    if (mirrored?.erased) return 'erased';
    if (mirrored?.merged_into) return { mergedInto: mirrored.merged_into };
    // A state-topic tombstone without a merge we heard of: gone from contacts, as if erased.
    if (mirrored?.gone) return 'erased';
    if (mirrored) return 'known';
    const converted = await this.pool.query(
      `SELECT 1 FROM ${S}.lead_list WHERE tenant = $1 AND contact_id = $2 LIMIT 1`,
      [tenant, contactId],
    );
    return converted.rowCount ? 'known' : 'unknown';
  }

  /** Mirrored, named by a mirrored contact, or handed out by a lead conversion's deal. */
  private async companyKnown(tenant: string, companyId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${S}.company_directory WHERE tenant = $1 AND company_id = $2 AND NOT gone
       UNION ALL
       SELECT 1 FROM ${S}.contact_directory WHERE tenant = $1 AND company_id = $2
       UNION ALL
       SELECT 1 FROM ${S}.lead_list l
         JOIN ${S}.deals d ON d.tenant = l.tenant AND d.opportunity_id = l.state ->> 'opportunityId'
        WHERE l.tenant = $1 AND d.company_id = $2
       LIMIT 1`,
      [tenant, companyId],
    );
    return (rowCount ?? 0) > 0;
  }
}
