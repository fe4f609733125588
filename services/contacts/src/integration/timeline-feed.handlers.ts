/**
 * What other services publish about a contact, fed into the 360-degree timeline; and campaign
 * unsubscribes, which are consent withdrawals. Handlers run in the inbox transaction, so a
 * redelivered message changes nothing. Entries for contacts this service does not know (or has
 * erased) are dropped; entries for a merged contact go to its survivor. A controller of the
 * messaging transport: each `@EventPattern` method consumes one integration event type as the
 * `contacts` consumer, with the inbox transaction as `tx`.
 */
import type {
  ActivityCompletedV1,
  ActivityLoggedV1,
  OrderCancelledV1,
  OrderPlacedV1,
  OrderReturnedV1,
} from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { EVENT_STORE } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { ConsentService } from '../consent/consent.service';
import { currentContactId } from '../directory/current-contact-id';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { upsertTimelineEntry } from '../timeline/timeline.projection';

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
}

@Controller()
export class TimelineFeedHandlers {
  constructor(
    private readonly consent: ConsentService,
    // The directory lags the log: a fact about a contact registered a moment ago is placed by
    // reading the contact's stream instead of being dropped as unknown.
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @EventPattern('crm.sales.activity.logged.v1')
  async activityLogged(
    event: ReceivedIntegrationEvent<ActivityLoggedV1>,
    tx: PoolClient,
  ): Promise<void> {
    const d = event.data;
    await this.record(tx, event, d.contactId, {
      entryId: `sales-activity-${d.activityId}`,
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
    await tx.query(
      `UPDATE ${CONTACTS_SCHEMA}.timeline_entries
          SET occurred_at = $3, details = details || jsonb_build_object('outcome', $4::text)
        WHERE tenant = $1 AND entry_id = $2`,
      [event.tenant, `sales-activity-${d.activityId}`, d.completedAt, d.outcome ?? null],
    );
  }

  @EventPattern('crm.sales.order.placed.v1')
  async orderPlaced(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient): Promise<void> {
    const d = event.data;
    await this.record(tx, event, d.contactId, {
      entryId: `sales-order-${d.orderId}`,
      source: 'sales',
      kind: 'order',
      occurredAt: d.placedAt,
      subject: `Order ${d.total.amount} ${d.total.currency}`,
      details: { orderId: d.orderId, total: d.total, lines: d.lines.length },
    });
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
    const placedEntry = `sales-order-${orderId}`;
    const { rows } = await tx.query<{ contact_id: string }>(
      `UPDATE ${CONTACTS_SCHEMA}.timeline_entries
          SET details = details || jsonb_build_object('status', $3::text, 'endedAt', $4::text)
        WHERE tenant = $1 AND entry_id = $2
        RETURNING contact_id`,
      [event.tenant, placedEntry, status, at],
    );
    await this.record(tx, event, contactId ?? rows[0]?.contact_id, {
      entryId: `sales-order-${status}-${orderId}`,
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
      },
    });
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
    const contactId = rawContactId
      ? await currentContactId(tx, event.tenant, rawContactId, this.store)
      : undefined;
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
