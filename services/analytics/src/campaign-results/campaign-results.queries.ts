/**
 * Campaign results over the ingest tables: per group the messages handed to the provider in the
 * window, what the provider said (sent, bounced, unknown: campaign_message_outcomes), what they
 * did (opened, clicked, unsubscribed: first times, from campaign_messages), and conversions
 * as the campaign_results view counts them: a message whose recipient placed a standing order
 * within ANALYTICS_CONVERSION_WINDOW_DAYS after it was sent, revenue the total of those orders.
 * By segment: the segments the recipient belonged to when the message was sent (a message counts
 * in each of them; none, or a message refused at once whose recipient is unknown here -> "(no
 * segment)").
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
  /** Messages handed to the provider: accepted, refused (bounced at once) or unanswered. */
  readonly attempted: number;
  /** Accepted by the provider (message.sent). */
  readonly sent: number;
  /** Accepted and never bounced. */
  readonly delivered: number;
  /** Bounced, hard or soft, at once or after acceptance. */
  readonly bounced: number;
  readonly hardBounced: number;
  readonly complained: number;
  /** Handed over and never answered (not sent, not bounced: may or may not have arrived). */
  readonly outcomeUnknown: number;
  readonly opened: number;
  readonly clicked: number;
  readonly unsubscribed: number;
  readonly conversions: number;
  readonly revenueMinor: number;
  /** The orders' currency, `mixed` when several (amounts are not converted), null without revenue. */
  readonly currency: string | null;
  /** delivered / attempted. */
  readonly deliveryRate: number | null;
  /** bounced / attempted. */
  readonly bounceRate: number | null;
  /** opened / sent, as clickRate and conversionRate. */
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
    // Segments the recipient was in at sending: joined before, not left by then (left before the
    // latest join = member again).
    key: 's.segment_id',
    label: `coalesce(max(s.segment_name), s.segment_id, '(no segment)')`,
    join: `LEFT JOIN ${S}.segment_memberships s
             ON s.tenant = $1 AND s.contact_id = m.contact_id AND s.joined_at <= m.attempted_at
            AND (s.left_at IS NULL OR s.left_at < s.joined_at OR s.left_at > m.attempted_at)`,
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

  /** Messages attempted in [start, end), grouped; largest groups first. */
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
      attempted: number;
      sent: number;
      delivered: number;
      bounced: number;
      hard_bounced: number;
      complained: number;
      outcome_unknown: number;
      opened: number;
      clicked: number;
      unsubscribed: number;
      conversions: number;
      revenue_minor: string;
      currencies: string[] | null;
    }>(
      // Every message handed to the provider: accepted (campaign_messages.sent_at) or refused /
      // unanswered at once (only an outcome row), at the first of those times.
      `WITH m AS (
         SELECT coalesce(cm.message_id, x.message_id) AS message_id,
                coalesce(cm.campaign_id, x.campaign_id) AS campaign_id,
                coalesce(cm.channel, x.channel) AS channel,
                cm.variant, cm.contact_id, cm.sent_at, cm.opened_at, cm.clicked_at, cm.unsubscribed_at,
                x.bounced_at, x.bounce_kind, x.complained_at, x.outcome_unknown_at,
                coalesce(cm.sent_at, least(x.bounced_at, x.outcome_unknown_at)) AS attempted_at
           FROM (SELECT * FROM ${S}.campaign_messages WHERE tenant = $1) cm
           FULL JOIN (SELECT * FROM ${S}.campaign_message_outcomes WHERE tenant = $1) x
             ON x.message_id = cm.message_id
       )
       SELECT ${g.key} AS key, ${g.label} AS label,
              count(DISTINCT m.campaign_id)::int AS campaigns,
              count(*)::int AS attempted,
              count(m.sent_at)::int AS sent,
              count(*) FILTER (WHERE m.sent_at IS NOT NULL AND m.bounced_at IS NULL)::int AS delivered,
              count(m.bounced_at)::int AS bounced,
              count(*) FILTER (WHERE m.bounce_kind = 'hard')::int AS hard_bounced,
              count(m.complained_at)::int AS complained,
              count(*) FILTER (WHERE m.outcome_unknown_at IS NOT NULL AND m.sent_at IS NULL)::int AS outcome_unknown,
              count(m.opened_at)::int AS opened,
              count(m.clicked_at)::int AS clicked,
              count(m.unsubscribed_at)::int AS unsubscribed,
              count(*) FILTER (WHERE conv.orders > 0)::int AS conversions,
              coalesce(sum(conv.revenue_minor), 0)::bigint AS revenue_minor,
              array_remove(array_agg(DISTINCT conv.currency), NULL) AS currencies
         FROM m
         LEFT JOIN ${S}.campaigns c ON c.tenant = $1 AND c.campaign_id = m.campaign_id
         ${g.join}
         LEFT JOIN LATERAL (
           SELECT count(*) AS orders, sum(o.total_minor) AS revenue_minor,
                  CASE WHEN count(DISTINCT o.currency) > 1 THEN 'mixed' ELSE max(o.currency) END AS currency
             FROM ${S}.orders o
            WHERE o.tenant = $1 AND o.contact_id = m.contact_id AND o.status = 'placed'
              AND m.sent_at IS NOT NULL AND o.placed_at >= m.sent_at
              AND o.placed_at < m.sent_at + make_interval(days => $4)
         ) conv ON true
        WHERE m.attempted_at >= $2 AND m.attempted_at < $3
        GROUP BY ${g.key}
        ORDER BY attempted DESC, key NULLS LAST`,
      [tenant, window.start, window.end, this.config.conversionWindowDays],
    );
    return rows.map((r) => {
      const ratio = (n: number) => (r.sent > 0 ? n / r.sent : null);
      const attemptedRatio = (n: number) => (r.attempted > 0 ? n / r.attempted : null);
      const currencies = r.currencies ?? [];
      return {
        key: r.key,
        label: r.label,
        campaigns: r.campaigns,
        attempted: r.attempted,
        sent: r.sent,
        delivered: r.delivered,
        bounced: r.bounced,
        hardBounced: r.hard_bounced,
        complained: r.complained,
        outcomeUnknown: r.outcome_unknown,
        opened: r.opened,
        clicked: r.clicked,
        unsubscribed: r.unsubscribed,
        conversions: r.conversions,
        revenueMinor: Number(r.revenue_minor),
        currency:
          currencies.length === 0 ? null : currencies.length === 1 ? currencies[0] : 'mixed',
        deliveryRate: attemptedRatio(r.delivered),
        bounceRate: attemptedRatio(r.bounced),
        openRate: ratio(r.opened),
        clickRate: ratio(r.clicked),
        conversionRate: ratio(r.conversions),
        costMinor: null,
        roi: null,
      };
    });
  }
}
