/**
 * Campaign results over the ingest tables: per group the messages sent in the window and what
 * they did (opened, clicked, unsubscribed: first times, from campaign_messages), and conversions
 * as the campaign_results view counts them: a message whose recipient placed a standing order
 * within ANALYTICS_CONVERSION_WINDOW_DAYS after it was sent, revenue the total of those orders.
 * By segment: the segments the recipient belonged to when the message was sent (a message counts
 * in each of them; none -> "(no segment)").
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { S } from '../infrastructure/schema';
import type { GroupBy } from './campaign-results.dto';

export interface CampaignResultRow {
  /** The group's key: campaign id, variant, channel or segment id (null: none). */
  readonly key: string | null;
  readonly label: string;
  readonly campaigns: number;
  readonly sent: number;
  /** Campaigns publishes no delivery outcome yet: null, not 0. */
  readonly delivered: number | null;
  readonly opened: number;
  readonly clicked: number;
  readonly unsubscribed: number;
  readonly conversions: number;
  readonly revenueMinor: number;
  /** The orders' currency, `mixed` when several (amounts are not converted), null without revenue. */
  readonly currency: string | null;
  readonly openRate: number | null;
  readonly clickRate: number | null;
  readonly conversionRate: number | null;
  /** Campaigns publishes no cost yet: null. */
  readonly costMinor: number | null;
  readonly roi: number | null;
}

/** The group key and its display label, per groupBy (m: message, c: campaign, s: membership). */
const GROUPS: Record<GroupBy, { key: string; label: string; join: string }> = {
  campaign: {
    key: 'm.campaign_id',
    label: `coalesce(max(c.name), m.campaign_id, '(no campaign)')`,
    join: '',
  },
  variant: { key: 'm.variant', label: `coalesce(m.variant, '(no variant)')`, join: '' },
  channel: { key: 'm.channel', label: `coalesce(m.channel, '(unknown channel)')`, join: '' },
  segment: {
    key: 's.segment_id',
    label: `coalesce(max(s.segment_name), s.segment_id, '(no segment)')`,
    join: `LEFT JOIN ${S}.segment_memberships s
             ON s.tenant = m.tenant AND s.contact_id = m.contact_id AND s.joined_at <= m.sent_at
            AND (s.left_at IS NULL OR s.left_at < s.joined_at OR s.left_at > m.sent_at)`,
  },
};

@Injectable()
export class CampaignResultsQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  get conversionWindowDays(): number {
    return this.config.conversionWindowDays;
  }

  /** Messages sent in [start, end), grouped; largest groups (by sent) first. */
  async results(
    tenant: string,
    window: { start: string; end: string },
    groupBy: GroupBy,
  ): Promise<CampaignResultRow[]> {
    const g = GROUPS[groupBy];
    const { rows } = await this.pool.query<{
      key: string | null;
      label: string;
      campaigns: number;
      sent: number;
      opened: number;
      clicked: number;
      unsubscribed: number;
      conversions: number;
      revenue_minor: string;
      currencies: string[] | null;
    }>(
      `SELECT ${g.key} AS key, ${g.label} AS label,
              count(DISTINCT m.campaign_id)::int AS campaigns,
              count(*)::int AS sent,
              count(m.opened_at)::int AS opened,
              count(m.clicked_at)::int AS clicked,
              count(m.unsubscribed_at)::int AS unsubscribed,
              count(*) FILTER (WHERE conv.orders > 0)::int AS conversions,
              coalesce(sum(conv.revenue_minor), 0)::bigint AS revenue_minor,
              array_remove(array_agg(DISTINCT conv.currency), NULL) AS currencies
         FROM ${S}.campaign_messages m
         LEFT JOIN ${S}.campaigns c ON c.tenant = m.tenant AND c.campaign_id = m.campaign_id
         ${g.join}
         LEFT JOIN LATERAL (
           SELECT count(*) AS orders, sum(o.total_minor) AS revenue_minor,
                  CASE WHEN count(DISTINCT o.currency) > 1 THEN 'mixed' ELSE max(o.currency) END AS currency
             FROM ${S}.orders o
            WHERE o.tenant = m.tenant AND o.contact_id = m.contact_id AND o.status = 'placed'
              AND o.placed_at >= m.sent_at
              AND o.placed_at < m.sent_at + make_interval(days => $4)
         ) conv ON true
        WHERE m.tenant = $1 AND m.sent_at >= $2 AND m.sent_at < $3
        GROUP BY ${g.key}
        ORDER BY sent DESC, key NULLS LAST`,
      [tenant, window.start, window.end, this.config.conversionWindowDays],
    );
    return rows.map((r) => {
      const ratio = (n: number) => (r.sent > 0 ? n / r.sent : null);
      const currencies = r.currencies ?? [];
      return {
        key: r.key,
        label: r.label,
        campaigns: r.campaigns,
        sent: r.sent,
        delivered: null,
        opened: r.opened,
        clicked: r.clicked,
        unsubscribed: r.unsubscribed,
        conversions: r.conversions,
        revenueMinor: Number(r.revenue_minor),
        currency:
          currencies.length === 0 ? null : currencies.length === 1 ? currencies[0] : 'mixed',
        openRate: ratio(r.opened),
        clickRate: ratio(r.clicked),
        conversionRate: ratio(r.conversions),
        costMinor: null,
        roi: null,
      };
    });
  }
}
