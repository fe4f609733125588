/**
 * The lifecycle stage follows what sales publishes (issue 12): a converted lead's contact, or
 * one a deal was opened for, is at least an `opportunity` (a `lead` when the conversion opened
 * none); a won deal's contact and an order's contact are `customer`s. The stage only moves
 * forward (AdvanceLifecycleStage), so a redelivered or out-of-date fact appends nothing.
 *
 * `opportunity.won` names no contact: the deal's contact is kept from the facts that opened it
 * (`sales_deal_contacts`, written in the inbox transaction like the timeline feed's rows).
 */
import type {
  LeadConvertedV1,
  OpportunityOpenedV1,
  OpportunityWonV1,
  OrderPlacedV1,
} from '@crm/contracts';
import type { DomainError } from '@crm/event-sourcing';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { AggregateCommands, isDomainError, PG_POOL } from '@crm/platform';
import { Controller, Inject, type OnModuleInit } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { Pool, PoolClient } from 'pg';
import type { StageImpliedByFact } from '../contacts/contact';
import { contactDecider } from '../contacts/contact.decider';
import { contactStreamId } from '../contacts/contact-view';
import { currentContactId } from '../directory/current-contact-id';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

const S = CONTACTS_SCHEMA;
const ACTOR = 'system:sales-lifecycle';
// A consumer of its own: the timeline feed consumes order.placed too, one handler per consumer.
const CONSUMER: IntegrationEventPatternExtras = { consumer: 'contacts.lifecycle' };

@Controller()
export class LifecycleFactsHandlers implements OnModuleInit {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly aggregates: AggregateCommands,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${S};
      CREATE TABLE IF NOT EXISTS ${S}.sales_deal_contacts (
        tenant text NOT NULL,
        opportunity_id text NOT NULL,
        contact_id text NOT NULL,
        PRIMARY KEY (tenant, opportunity_id)
      );`);
  }

  @EventPattern('crm.sales.lead.converted.v1', CONSUMER)
  async leadConverted(
    event: ReceivedIntegrationEvent<LeadConvertedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    if (d.opportunityId) await this.rememberDeal(tx, event.tenant, d.opportunityId, d.contactId);
    await this.advance(tx, event.tenant, d.contactId, d.opportunityId ? 'opportunity' : 'lead');
  }

  @EventPattern('crm.sales.opportunity.opened.v1', CONSUMER)
  async opportunityOpened(
    event: ReceivedIntegrationEvent<OpportunityOpenedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    if (!d.contactId) return; // a deal with a company only
    await this.rememberDeal(tx, event.tenant, d.opportunityId, d.contactId);
    await this.advance(tx, event.tenant, d.contactId, 'opportunity');
  }

  @EventPattern('crm.sales.opportunity.won.v1', CONSUMER)
  async opportunityWon(
    event: ReceivedIntegrationEvent<OpportunityWonV1>,
    tx: PoolClient,
  ): Promise<void> {
    const { rows } = await tx.query<{ contact_id: string }>(
      `SELECT contact_id FROM ${S}.sales_deal_contacts WHERE tenant = $1 AND opportunity_id = $2`,
      [event.tenant, event.data.opportunityId],
    );
    if (rows[0]) await this.advance(tx, event.tenant, rows[0].contact_id, 'customer');
  }

  @EventPattern('crm.sales.order.placed.v1', CONSUMER)
  async orderPlaced(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient): Promise<void> {
    if (event.data.contactId)
      await this.advance(tx, event.tenant, event.data.contactId, 'customer');
  }

  private async rememberDeal(
    tx: PoolClient,
    tenant: string,
    opportunityId: string,
    contactId: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${S}.sales_deal_contacts (tenant, opportunity_id, contact_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant, opportunity_id) DO UPDATE SET contact_id = $3`,
      [tenant, opportunityId, contactId.toLowerCase()],
    );
  }

  /**
   * Moves the contact (or the survivor it was merged into) forward. A contact this tenant does
   * not know, or has erased, is skipped: sales may name ids contacts never issued to the tenant.
   */
  private async advance(
    tx: PoolClient,
    tenant: string,
    rawContactId: string,
    atLeast: StageImpliedByFact,
  ): Promise<void> {
    const contactId = await currentContactId(tx, tenant, rawContactId, this.aggregates.store);
    if (!contactId) return;
    const command = { type: 'AdvanceLifecycleStage', data: { atLeast } } as const;
    try {
      await this.aggregates.execute(contactDecider, contactStreamId(contactId), command, {
        tenant,
        actor: ACTOR,
      });
    } catch (error) {
      if (isDomainError(error) && skippable(error)) return;
      throw error;
    }
  }
}

/** Erased (410) or not this tenant's (404) since resolve() read the directory: nothing to move. */
function skippable(error: DomainError): boolean {
  return error.kind === 'gone' || error.kind === 'not-found';
}
