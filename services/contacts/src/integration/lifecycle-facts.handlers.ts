/**
 * The lifecycle stage follows what sales publishes (issue 12): a converted lead's contact, or
 * one a deal was opened for, is at least an `opportunity` (a `lead` when the conversion opened
 * none); a won deal's contact and an order's contact are `customer`s. The stage only moves
 * forward (AdvanceLifecycleStage), so a redelivered or out-of-date fact appends nothing.
 *
 * `opportunity.won` names no contact: the deal's contact is kept from the facts that opened it
 * (`sales_deal_contacts`, written in the inbox transaction like the timeline feed's rows).
 *
 * The same consumer bootstraps from sales' lead, opportunity and order state topics (read from
 * offset 0): a converted lead, a deal and an order state imply the stage their events did, as of
 * the fact's own time inside the state. Both paths take one decision (lifecycle-fact-decision.ts):
 * a fact moves the stage only if it happened after the contact's stage was last decided by
 * anything but a sales fact, so a state re-read at deploy or republish never wins back a contact
 * churned after that fact. Tombstones move nothing: an erased lead's conversion still happened.
 */
import {
  LeadStateTopic,
  OpportunityStateTopic,
  OrderStateTopic,
  type LeadConvertedV1,
  type OpportunityOpenedV1,
  type OpportunityWonV1,
  type OrderPlacedV1,
} from '@crm/contracts';
import {
  handleCommand,
  type DomainError,
  type DomainEvent,
  type EventStore,
  type ToDomainEvent,
} from '@crm/event-sourcing';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import {
  CLOCK,
  EVENT_SOURCING_OPTIONS,
  EVENT_STORE,
  isDomainError,
  PG_POOL,
  type Clock,
  type EventSourcingModuleOptions,
} from '@crm/platform';
import { Controller, Inject, type OnModuleInit } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { Pool, PoolClient } from 'pg';
import { contactDecider } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import { contactStreamId } from '../contacts/contact-view';
import { currentContactId } from '../directory/current-contact-id';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import {
  factMovesStage,
  factOfLead,
  factOfOpportunity,
  factOfOrder,
  SALES_LIFECYCLE_ACTOR,
  stageDecidedAt,
  type LifecycleFact,
  type SalesLeadState,
  type SalesOpportunityState,
  type SalesOrderFacts,
} from './lifecycle-fact-decision';

const S = CONTACTS_SCHEMA;
// A consumer of its own: the timeline feed consumes order.placed too, one handler per consumer.
const CONSUMER: IntegrationEventPatternExtras = { consumer: 'contacts.lifecycle' };

@Controller()
export class LifecycleFactsHandlers implements OnModuleInit {
  private readonly upcast: ToDomainEvent<DomainEvent> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_SOURCING_OPTIONS) options: EventSourcingModuleOptions,
  ) {
    this.upcast = options.upcast;
  }

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
    await this.advance(tx, event, {
      contactId: d.contactId,
      atLeast: d.opportunityId ? 'opportunity' : 'lead',
      at: d.convertedAt,
    });
  }

  @EventPattern('crm.sales.opportunity.opened.v1', CONSUMER)
  async opportunityOpened(
    event: ReceivedIntegrationEvent<OpportunityOpenedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    if (!d.contactId) return; // a deal with a company only
    await this.rememberDeal(tx, event.tenant, d.opportunityId, d.contactId);
    await this.advance(tx, event, {
      contactId: d.contactId,
      atLeast: 'opportunity',
      at: d.openedAt ?? event.time,
    });
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
    if (rows[0])
      await this.advance(tx, event, {
        contactId: rows[0].contact_id,
        atLeast: 'customer',
        at: event.data.wonAt,
      });
  }

  @EventPattern('crm.sales.order.placed.v1', CONSUMER)
  async orderPlaced(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient): Promise<void> {
    const d = event.data;
    const fact = factOfOrder({
      id: d.orderId,
      contactId: d.contactId ?? undefined,
      placedAt: d.placedAt,
    });
    if (fact) await this.advance(tx, event, fact);
  }

  @EventPattern(LeadStateTopic.type, CONSUMER)
  async leadState(
    event: ReceivedIntegrationEvent<SalesLeadState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const fact = event.data && factOfLead(event.data);
    if (!fact) return;
    if (event.data!.opportunityId)
      await this.rememberDeal(tx, event.tenant, event.data!.opportunityId, fact.contactId);
    await this.advance(tx, event, fact);
  }

  /** A deal's state also tells which contact it is for: a later opportunity.won needs that. */
  @EventPattern(OpportunityStateTopic.type, CONSUMER)
  async opportunityState(
    event: ReceivedIntegrationEvent<SalesOpportunityState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const fact = event.data && factOfOpportunity(event.data);
    if (!fact) return;
    await this.rememberDeal(tx, event.tenant, event.data!.id, fact.contactId);
    await this.advance(tx, event, fact);
  }

  @EventPattern(OrderStateTopic.type, CONSUMER)
  async orderState(
    event: ReceivedIntegrationEvent<SalesOrderFacts | null>,
    tx: PoolClient,
  ): Promise<void> {
    const fact = event.data && factOfOrder(event.data);
    if (fact) await this.advance(tx, event, fact);
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
   * Moves the contact (or the survivor it was merged into) forward, if the fact is newer than the
   * stage's last decision (factMovesStage). A contact this tenant does not know, or has erased, is
   * skipped: sales may name ids contacts never issued to the tenant. The append expects the
   * stream as read, so a churn between the read and the append makes the message retry.
   *
   * handleCommand, not AggregateCommands.execute: execute waits (up to 5 s) until the read models
   * show the write, and they cannot while this inbox transaction is open. The store's readers
   * only see events of transactions older than every open one (read-all-query.ts, xmin), and the
   * inbox row gave this one an id, so each stage change held its partition for the whole wait.
   */
  private async advance(
    tx: PoolClient,
    event: ReceivedIntegrationEvent<unknown>,
    fact: LifecycleFact,
  ): Promise<void> {
    const { tenant } = event;
    const contactId = await currentContactId(tx, tenant, fact.contactId, this.store);
    if (!contactId) return;
    const streamId = contactStreamId(contactId);
    const { events, version } = await this.store.readStream({ tenant, id: streamId });
    if (!factMovesStage(fact.at, stageDecidedAt(events))) return;
    const command = { type: 'AdvanceLifecycleStage', data: { atLeast: fact.atLeast } } as const;
    try {
      await handleCommand(this.store, contactDecider, { tenant, id: streamId }, command, {
        tenant,
        actor: SALES_LIFECYCLE_ACTOR,
        causationId: event.id,
        expectedVersion: version,
        now: () => this.clock.now(),
        upcast: this.upcast as ToDomainEvent<ContactEvent> | undefined,
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
