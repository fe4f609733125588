/** Reads of the audience: what campaigns knows of one person, as GET /audience/contacts answers it. */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type {
  AudienceContactDto,
  AudienceDealDto,
  AudienceOrderDto,
  AudienceOrderLineDto,
  AudienceRecommendationDto,
} from './audience.dto';
import { UNKNOWN_CONSENT } from './contact-profile';

/** How many of a contact's orders the view shows. */
export const LAST_ORDERS = 10;

type Row = Record<string, unknown>;

@Injectable()
export class AudienceQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async contact(tenant: string, contactId: string): Promise<AudienceContactDto | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT *, to_char(birth_date, 'YYYY-MM-DD') AS birth_day
         FROM ${S}.audience_contacts WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const [orders, deals, recommendations] = await Promise.all([
      this.lastOrders(tenant, contactId),
      this.deals(tenant, contactId),
      this.recommendations(tenant, contactId),
    ]);
    return {
      contactId,
      ...present({
        displayName: row.display_name,
        email: row.email,
        phone: row.phone,
        lifecycleStage: row.lifecycle_stage,
        status: row.status,
        ownerId: row.owner_id,
        companyId: row.company_id,
      }),
      tags: row.tags as string[],
      customFields: row.custom_fields as Record<string, unknown>,
      demographics: present({
        birthDate: row.birth_day,
        ageBand: row.age_band,
        gender: row.gender,
        householdIncomeBand: row.household_income_band,
      }),
      ...present({ timeZone: row.time_zone, country: row.country }),
      consent: { ...UNKNOWN_CONSENT, ...(row.consent as object) },
      ...present({ registeredAt: iso(row.registered_at), updatedAt: iso(row.updated_at) }),
      purchases: {
        ordersCount: Number(row.orders_count),
        totalSpentMinor: Number(row.total_spent_minor),
        ...present({
          spendCurrency: row.spend_currency,
          firstOrderAt: iso(row.first_order_at),
          lastOrderAt: iso(row.last_order_at),
        }),
      },
      engagement: {
        messagesReceived: Number(row.messages_received),
        ...present({
          lastOpenedAt: iso(row.last_opened_at),
          lastClickedAt: iso(row.last_clicked_at),
          unsubscribedAt: iso(row.unsubscribed_at),
        }),
      },
      scores: row.scores as Record<string, unknown>,
      recommendations,
      lastOrders: orders,
      deals,
    } as AudienceContactDto;
  }

  private async lastOrders(tenant: string, contactId: string): Promise<AudienceOrderDto[]> {
    const orders = await this.pool.query<Row>(
      `SELECT order_id, placed_at, status, total_minor, currency FROM ${S}.audience_orders
        WHERE tenant = $1 AND contact_id = $2
        ORDER BY placed_at DESC NULLS LAST, order_id LIMIT ${LAST_ORDERS}`,
      [tenant, contactId],
    );
    const ids = orders.rows.map((r) => r.order_id as string);
    const lines = await this.pool.query<Row>(
      `SELECT order_id, line_no, product_id, sku, product_family, options, quantity, net_minor
         FROM ${S}.audience_order_lines WHERE tenant = $1 AND order_id = ANY($2::text[])
        ORDER BY order_id, line_no`,
      [tenant, ids],
    );
    return orders.rows.map((o) => ({
      orderId: o.order_id as string,
      status: o.status as string,
      ...present({
        placedAt: iso(o.placed_at),
        totalMinor: num(o.total_minor),
        currency: o.currency,
      }),
      lines: lines.rows
        .filter((l) => l.order_id === o.order_id)
        .map(
          (l) =>
            ({
              lineNo: l.line_no as number,
              options: l.options as string[],
              ...present({
                productId: l.product_id,
                sku: l.sku,
                productFamily: l.product_family,
                quantity: l.quantity,
                netMinor: num(l.net_minor),
              }),
            }) as AudienceOrderLineDto,
        ),
    })) as AudienceOrderDto[];
  }

  private async recommendations(
    tenant: string,
    contactId: string,
  ): Promise<AudienceRecommendationDto[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT model, product_ids, produced_at FROM ${S}.audience_recommendations
        WHERE tenant = $1 AND contact_id = $2 ORDER BY produced_at DESC, model`,
      [tenant, contactId],
    );
    return rows.map((r) => ({
      model: r.model as string,
      productIds: r.product_ids as string[],
      producedAt: (r.produced_at as Date).toISOString(),
    }));
  }

  private async deals(tenant: string, contactId: string): Promise<AudienceDealDto[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT opportunity_id, stage_id, status, amount_minor, currency FROM ${S}.audience_deals
        WHERE tenant = $1 AND contact_id = $2 ORDER BY updated_at DESC NULLS LAST, opportunity_id`,
      [tenant, contactId],
    );
    return rows.map(
      (d) =>
        ({
          opportunityId: d.opportunity_id as string,
          ...present({
            stageId: d.stage_id,
            status: d.status,
            amountMinor: num(d.amount_minor),
            currency: d.currency,
          }),
        }) as AudienceDealDto,
    );
  }
}

/** The members that have a value (the views omit what is unknown rather than say null). */
function present(members: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(members).filter(([, value]) => value !== null && value !== undefined),
  );
}

function iso(value: unknown): string | undefined {
  return value instanceof Date ? value.toISOString() : undefined;
}

/** bigint columns come back as strings. */
function num(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}
