/**
 * Keeps customer_stats equal to customerStatistics() of the customer's rows: called by every
 * handler that changed a customer's orders, lines or messages, in the same transaction, for that
 * customer only (the update is incremental per event, the value never drifts from the facts).
 * A customer with neither orders nor messages has no row.
 */
import type { Sql } from './sql';
import { S } from '../infrastructure/schema';
import { customerStatistics } from './customer-statistics';

export async function refreshCustomerStats(
  tx: Sql,
  tenant: string,
  contactIds: readonly (string | null | undefined)[],
): Promise<void> {
  for (const contactId of [...new Set(contactIds.filter((id): id is string => !!id))].sort()) {
    await refreshOne(tx, tenant, contactId);
  }
}

async function refreshOne(tx: Sql, tenant: string, contactId: string): Promise<void> {
  const key = [tenant, contactId];
  // One after another: the statements share the inbox transaction's connection.
  const orders = await tx.query<{
    status: string;
    currency: string | null;
    total_minor: string | null;
    placed_at: Date | null;
  }>(
    `SELECT status, currency, total_minor, placed_at FROM ${S}.orders WHERE tenant = $1 AND contact_id = $2`,
    key,
  );
  const lines = await tx.query<{
    status: string;
    product_id: string;
    family: string | null;
    quantity: number;
  }>(
    `SELECT status, product_id, family, quantity FROM ${S}.order_lines WHERE tenant = $1 AND contact_id = $2`,
    key,
  );
  const messages = await tx.query<{
    sent_at: Date | null;
    opened_at: Date | null;
    clicked_at: Date | null;
    unsubscribed_at: Date | null;
  }>(
    `SELECT sent_at, opened_at, clicked_at, unsubscribed_at FROM ${S}.campaign_messages
        WHERE tenant = $1 AND contact_id = $2`,
    key,
  );
  if (orders.rows.length === 0 && messages.rows.length === 0) {
    await tx.query(`DELETE FROM ${S}.customer_stats WHERE tenant = $1 AND contact_id = $2`, key);
    return;
  }
  const s = customerStatistics(
    orders.rows.map((r) => ({
      status: r.status,
      currency: r.currency,
      totalMinor: r.total_minor === null ? null : Number(r.total_minor),
      placedAt: r.placed_at,
    })),
    lines.rows.map((r) => ({
      status: r.status,
      productId: r.product_id,
      family: r.family,
      quantity: r.quantity,
    })),
    messages.rows.map((r) => ({
      sentAt: r.sent_at,
      openedAt: r.opened_at,
      clickedAt: r.clicked_at,
      unsubscribedAt: r.unsubscribed_at,
    })),
  );
  await tx.query(
    `INSERT INTO ${S}.customer_stats AS c (tenant, contact_id, currency, orders_count,
       first_purchase_at, last_purchase_at, purchase_days, repeat_purchases, recency_days,
       total_spent_minor, average_order_minor, average_repeat_day_minor, units_bought,
       products_held, families_held, messages_sent, messages_opened, messages_clicked,
       unsubscribes, last_engaged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     ON CONFLICT (tenant, contact_id) DO UPDATE SET currency = EXCLUDED.currency,
       orders_count = EXCLUDED.orders_count, first_purchase_at = EXCLUDED.first_purchase_at,
       last_purchase_at = EXCLUDED.last_purchase_at, purchase_days = EXCLUDED.purchase_days,
       repeat_purchases = EXCLUDED.repeat_purchases, recency_days = EXCLUDED.recency_days,
       total_spent_minor = EXCLUDED.total_spent_minor, average_order_minor = EXCLUDED.average_order_minor,
       average_repeat_day_minor = EXCLUDED.average_repeat_day_minor, units_bought = EXCLUDED.units_bought,
       products_held = EXCLUDED.products_held, families_held = EXCLUDED.families_held,
       messages_sent = EXCLUDED.messages_sent, messages_opened = EXCLUDED.messages_opened,
       messages_clicked = EXCLUDED.messages_clicked, unsubscribes = EXCLUDED.unsubscribes,
       last_engaged_at = EXCLUDED.last_engaged_at`,
    [
      tenant,
      contactId,
      s.currency,
      s.ordersCount,
      s.firstPurchaseAt,
      s.lastPurchaseAt,
      s.purchaseDays,
      s.repeatPurchases,
      s.recencyDays,
      s.totalSpentMinor,
      s.averageOrderMinor,
      s.averageRepeatDayMinor,
      s.unitsBought,
      s.productsHeld,
      s.familiesHeld,
      s.messagesSent,
      s.messagesOpened,
      s.messagesClicked,
      s.unsubscribes,
      s.lastEngagedAt,
    ],
  );
}
