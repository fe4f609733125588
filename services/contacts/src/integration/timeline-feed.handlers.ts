/**
 * What other services publish about a contact, fed into the 360-degree timeline; and campaign
 * unsubscribes, which are consent withdrawals. Handlers run in the inbox transaction, so a
 * redelivered message changes nothing. Entries for contacts this service does not know (or has
 * erased) are dropped; entries for a merged contact go to its survivor. A controller of the
 * messaging transport: each `@EventPattern` method consumes one integration event type as the
 * `contacts` consumer, with the inbox transaction as `tx`.
 *
 * The same consumer bootstraps from sales' activity and order state topics (read from offset 0,
 * so a database created after crm.sales.v1's retention still shows older activities and orders):
 * a state writes the entry the events would have, and sales-timeline-states.ts keeps the two
 * paths order-safe (an event the applied state holds is skipped, an older state changes nothing).
 * A tombstone on those topics means sales has no such record: its entries are removed.
 */
import {
  ActivityStateTopic,
  CaseOpened,
  CaseReopened,
  CaseResolved,
  MaintenanceDue,
  OrderStateTopic,
  SatisfactionRecorded,
  WarrantyExpiring,
  type ActivityCompletedV1,
  type CaseOpenedV1,
  type CaseReopenedV1,
  type CaseResolvedV1,
  type MaintenanceDueV1,
  type ActivityLoggedV1,
  type OrderCancelledV1,
  type OrderPlacedV1,
  type OrderReturnedV1,
  type SatisfactionRecordedV1,
  type WarrantyExpiringV1,
} from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { EVENT_STORE, PG_POOL } from '@crm/platform';
import { Controller, Inject, type OnModuleInit } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { Pool, PoolClient } from 'pg';
import { ConsentService } from '../consent/consent.service';
import { currentContactId } from '../directory/current-contact-id';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { createTimelineTable, upsertTimelineEntry } from '../timeline/timeline.projection';
import {
  caseOpenedEntry,
  caseReopenedEntry,
  caseResolvedEntry,
  maintenanceDueEntry,
  satisfactionEntry,
  warrantyExpiringEntry,
} from './aftersales-timeline-entries';
import {
  activityEntry,
  activityEntryId,
  ORDER_ENDS,
  orderEndedEntryId,
  orderEntries,
  orderEntryId,
  type SalesActivityState,
  type SalesOrderState,
} from './sales-timeline-entries';
import {
  applySalesState,
  heldByState,
  markFact,
  removeSalesEntries,
} from './sales-timeline-states';

interface MessageFact {
  messageId: string;
  campaignId?: string | null;
  contactId: string;
  channel?: string;
  url?: string;
  sentAt?: string;
  openedAt?: string;
  clickedAt?: string;
  unsubscribedAt?: string;
  bouncedAt?: string;
  complainedAt?: string;
  /** A bounce: `hard` (for good) or `soft`, and the provider's code. */
  kind?: string;
  code?: string | null;
}

@Controller()
export class TimelineFeedHandlers implements OnModuleInit {
  constructor(
    private readonly consent: ConsentService,
    // The directory lags the log: a fact about a contact registered a moment ago is placed by
    // reading the contact's stream instead of being dropped as unknown.
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** The state columns must exist before the first state arrives (the projection may lag). */
  async onModuleInit(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await createTimelineTable(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  @EventPattern('crm.sales.activity.logged.v1')
  async activityLogged(
    event: ReceivedIntegrationEvent<ActivityLoggedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    const entryId = activityEntryId(d.activityId);
    if (await heldByState(tx, event.tenant, entryId, event.time)) return;
    await this.record(tx, event, d.contactId, {
      entryId,
      source: 'sales',
      kind: `sales-${d.kind}`,
      occurredAt: d.heldAt ?? d.scheduledAt ?? d.dueAt ?? event.time,
      userId: d.ownerId ?? null,
      subject: d.subject ?? null,
      details: {
        activityId: d.activityId,
        opportunityId: d.opportunityId ?? null,
        outcome: d.outcome ?? null,
      },
    });
    await markFact(tx, event.tenant, entryId, event.time);
  }

  /**
   * Sales publishes a held call's outcome and time only here (activity.logged carries the plan),
   * so the entry logged earlier moves to when the activity was done and gains its outcome.
   */
  @EventPattern('crm.sales.activity.completed.v1')
  async activityCompleted(
    event: ReceivedIntegrationEvent<ActivityCompletedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    const entryId = activityEntryId(d.activityId);
    if (await heldByState(tx, event.tenant, entryId, event.time)) return;
    await tx.query(
      `UPDATE ${CONTACTS_SCHEMA}.timeline_entries
          SET occurred_at = $3, details = details || jsonb_build_object('outcome', $4::text)
        WHERE tenant = $1 AND entry_id = $2`,
      [event.tenant, entryId, d.completedAt, d.outcome ?? null],
    );
    await markFact(tx, event.tenant, entryId, event.time);
  }

  @EventPattern('crm.sales.order.placed.v1')
  async orderPlaced(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient): Promise<void> {
    const d = event.data;
    const entryId = orderEntryId(d.orderId);
    if (await heldByState(tx, event.tenant, entryId, event.time)) return;
    await this.record(tx, event, d.contactId, {
      entryId,
      source: 'sales',
      kind: 'order',
      occurredAt: d.placedAt,
      subject: `Order ${d.total.amount} ${d.total.currency}`,
      details: { orderId: d.orderId, total: d.total, lines: d.lines.length },
    });
    await markFact(tx, event.tenant, entryId, event.time);
  }

  /** The activity as sales holds it now: the entry its events would have left (see above). */
  @EventPattern(ActivityStateTopic.type)
  async activityState(
    event: ReceivedIntegrationEvent<SalesActivityState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const state = event.data;
    if (state === null) {
      await removeSalesEntries(tx, event.tenant, [activityEntryId(event.subject!)]);
      return;
    }
    const contactId = await this.contactOf(tx, event, state.contactId);
    if (!contactId) return;
    await applySalesState(
      tx,
      event.tenant,
      contactId,
      { version: state.version, at: event.time },
      activityEntry(state, event.time),
    );
  }

  /** The order as sales holds it now; a cancelled or returned one with its end's entry. */
  @EventPattern(OrderStateTopic.type)
  async orderState(
    event: ReceivedIntegrationEvent<SalesOrderState | null>,
    tx: PoolClient,
  ): Promise<void> {
    const state = event.data;
    if (state === null) {
      const id = event.subject!;
      const ends = ORDER_ENDS.map((end) => orderEndedEntryId(end, id));
      await removeSalesEntries(tx, event.tenant, [orderEntryId(id), ...ends]);
      return;
    }
    const contactId = await this.contactOf(tx, event, state.contactId);
    if (!contactId) return;
    const { placed, ended } = orderEntries(state, event.time);
    await applySalesState(
      tx,
      event.tenant,
      contactId,
      { version: state.version, at: event.time },
      placed,
      ended ? [ended] : [],
    );
  }

  /**
   * A cancelled (or returned) order gets its own entry at that moment, and the order's entry says
   * it no longer stands. Older facts name no contact: then it is the contact of the order's entry.
   */
  @EventPattern('crm.sales.order.cancelled.v1')
  async orderCancelled(
    event: ReceivedIntegrationEvent<OrderCancelledV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    await this.orderEnded(tx, event, 'cancelled', d.cancelledAt, d.reason);
  }

  @EventPattern('crm.sales.order.returned.v1')
  async orderReturned(
    event: ReceivedIntegrationEvent<OrderReturnedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    await this.orderEnded(tx, event, 'returned', d.returnedAt, d.reason);
  }

  @EventPattern('crm.campaigns.message.sent.v1')
  async messageSent(event: ReceivedIntegrationEvent<MessageFact>, tx: PoolClient): Promise<void> {
    await this.campaignEntry(tx, event, 'campaign-message', event.data.sentAt!);
  }

  @EventPattern('crm.campaigns.message.opened.v1')
  async messageOpened(event: ReceivedIntegrationEvent<MessageFact>, tx: PoolClient): Promise<void> {
    await this.campaignEntry(tx, event, 'campaign-open', event.data.openedAt!);
  }

  @EventPattern('crm.campaigns.message.clicked.v1')
  async messageClicked(
    event: ReceivedIntegrationEvent<MessageFact>,
    tx: PoolClient,
  ): Promise<void> {
    await this.campaignEntry(tx, event, 'campaign-click', event.data.clickedAt!);
  }

  @EventPattern('crm.campaigns.message.bounced.v1')
  async messageBounced(
    event: ReceivedIntegrationEvent<MessageFact>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    await this.campaignEntry(tx, event, 'campaign-bounce', d.bouncedAt!, {
      bounce: d.kind ?? null,
      code: d.code ?? null,
    });
  }

  @EventPattern('crm.campaigns.message.complained.v1')
  async messageComplained(
    event: ReceivedIntegrationEvent<MessageFact>,
    tx: PoolClient,
  ): Promise<void> {
    await this.campaignEntry(tx, event, 'campaign-complaint', event.data.complainedAt!);
  }

  @EventPattern('crm.campaigns.message.unsubscribed.v1')
  async unsubscribed(event: ReceivedIntegrationEvent<MessageFact>, tx: PoolClient): Promise<void> {
    const d = event.data;
    const contactId = await currentContactId(tx, event.tenant, d.contactId, this.store);
    if (!contactId) return;
    await this.campaignEntry(tx, event, 'campaign-unsubscribe', d.unsubscribedAt!);
    // Idempotent: withdrawing an already withdrawn channel appends nothing.
    await this.consent.decide(
      { tenant: event.tenant, actor: 'system:campaigns-unsubscribe' },
      contactId,
      d.channel ?? 'email',
      {
        status: 'withdrawn',
        source: `campaign-message:${d.messageId}`,
        at: d.unsubscribedAt!,
      },
    );
  }

  private async orderEnded(
    tx: PoolClient,
    event: ReceivedIntegrationEvent<OrderCancelledV1 | OrderReturnedV1>,
    status: 'cancelled' | 'returned',
    at: string,
    reason: string | null | undefined,
  ): Promise<void> {
    const { orderId, contactId } = event.data;
    const placedEntry = orderEntryId(orderId);
    // A state that holds the end already marked the order's entry; the end's own entry is still
    // written here, since only the event knows the reason and the exact time.
    const held = await heldByState(tx, event.tenant, placedEntry, event.time);
    const { rows } = await tx.query<{ contact_id: string }>(
      held
        ? `SELECT contact_id FROM ${CONTACTS_SCHEMA}.timeline_entries WHERE tenant = $1 AND entry_id = $2`
        : `UPDATE ${CONTACTS_SCHEMA}.timeline_entries
             SET details = details || jsonb_build_object('status', $3::text, 'endedAt', $4::text)
           WHERE tenant = $1 AND entry_id = $2
           RETURNING contact_id`,
      held ? [event.tenant, placedEntry] : [event.tenant, placedEntry, status, at],
    );
    if (!held) await markFact(tx, event.tenant, placedEntry, event.time);
    await this.record(tx, event, contactId ?? rows[0]?.contact_id, {
      entryId: orderEndedEntryId(status, orderId),
      source: 'sales',
      kind: `order-${status}`,
      occurredAt: at,
      subject: `Order ${status}`,
      details: { orderId, reason: reason ?? null },
    });
  }

  private async campaignEntry(
    tx: PoolClient,
    event: ReceivedIntegrationEvent<MessageFact>,
    kind: string,
    at: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const d = event.data;
    await this.record(tx, event, d.contactId, {
      entryId: `${kind}-${d.messageId}`,
      source: 'campaigns',
      kind,
      occurredAt: at,
      channel: d.channel ?? null,
      details: {
        messageId: d.messageId,
        campaignId: d.campaignId ?? null,
        ...(d.url ? { url: d.url } : {}),
        ...extra,
      },
    });
  }

  /** The contact (or its survivor) a state names; undefined when unknown or erased here. */
  private contactOf(
    tx: PoolClient,
    event: ReceivedIntegrationEvent<unknown>,
    rawContactId: string | undefined,
  ): Promise<string | undefined> {
    return rawContactId
      ? currentContactId(tx, event.tenant, rawContactId, this.store)
      : Promise.resolve(undefined);
  }

  // crm.aftersales.v1: service cases and maintenance on the contact's timeline (issue 17).
  @EventPattern(CaseOpened.type)
  async caseOpened(event: ReceivedIntegrationEvent<CaseOpenedV1>, tx: PoolClient): Promise<void> {
    await this.record(tx, event, event.data.contactId, caseOpenedEntry(event.data));
  }

  @EventPattern(CaseResolved.type)
  async caseResolved(
    event: ReceivedIntegrationEvent<CaseResolvedV1>,
    tx: PoolClient,
  ): Promise<void> {
    await this.record(tx, event, event.data.contactId, caseResolvedEntry(event.data));
  }

  @EventPattern(MaintenanceDue.type)
  async maintenanceDue(
    event: ReceivedIntegrationEvent<MaintenanceDueV1>,
    tx: PoolClient,
  ): Promise<void> {
    await this.record(tx, event, event.data.contactId, maintenanceDueEntry(event.data));
  }

  @EventPattern(CaseReopened.type)
  async caseReopened(
    event: ReceivedIntegrationEvent<CaseReopenedV1>,
    tx: PoolClient,
  ): Promise<void> {
    await this.record(tx, event, event.data.contactId, caseReopenedEntry(event.data));
  }

  @EventPattern(SatisfactionRecorded.type)
  async satisfactionRecorded(
    event: ReceivedIntegrationEvent<SatisfactionRecordedV1>,
    tx: PoolClient,
  ): Promise<void> {
    await this.record(tx, event, event.data.contactId, satisfactionEntry(event.data));
  }

  @EventPattern(WarrantyExpiring.type)
  async warrantyExpiring(
    event: ReceivedIntegrationEvent<WarrantyExpiringV1>,
    tx: PoolClient,
  ): Promise<void> {
    await this.record(tx, event, event.data.contactId, warrantyExpiringEntry(event.data));
  }

  private async record(
    tx: PoolClient,
    event: ReceivedIntegrationEvent<unknown>,
    rawContactId: string | null | undefined,
    entry: {
      entryId: string;
      source: string;
      kind: string;
      occurredAt: string;
      channel?: string | null;
      userId?: string | null;
      subject?: string | null;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    const contactId = await this.contactOf(tx, event, rawContactId ?? undefined);
    if (!contactId) return;
    await upsertTimelineEntry(tx, {
      tenant: event.tenant,
      contactId,
      direction: null,
      body: null,
      channel: entry.channel ?? null,
      userId: entry.userId ?? null,
      subject: entry.subject ?? null,
      ...entry,
    });
  }
}
