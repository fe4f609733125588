/** Campaign results over HTTP: `GET /reports/campaign-results` (report 8 of issue 16). */
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { barChart, parseReportFormat } from '@crm/charts';
import {
  ApiProblems,
  CLOCK,
  CurrentUser,
  ProblemException,
  Roles,
  type AuthenticatedUser,
  type Clock,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { answerWithContext } from '../customer-value/report-answer';
import { REPORT_READERS } from '../shared/roles';
import { CampaignResultsQuery, parseGroupBy } from './campaign-results.dto';
import { CampaignResultsQueries } from './campaign-results.queries';

const PRODUCES = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];
const DAY_MS = 86_400_000;
/** What the numbers cannot say yet, because campaigns does not publish it (stated in every answer). */
const NOTES = [
  'delivered = sent (accepted by the provider) and never bounced; attempted adds messages refused at once and those with no answer (outcomeUnknown)',
  'costMinor and roi: campaigns publishes no campaign cost yet, so they are null',
  'variant: campaigns publishes no variant on its message facts yet, so every message is (no variant)',
  'revenueMinor is not converted between currencies (`currency` says mixed when it would be)',
  'an order within the window of several messages counts as a conversion of each of them',
];

@ApiTags('reports')
@Controller('reports')
export class CampaignResultsController {
  constructor(
    private readonly queries: CampaignResultsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('campaign-results')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Campaign results per campaign, variant, channel or segment',
    description:
      'Messages handed to the provider between `from` and `to` (UTC days, both included) grouped by `groupBy`: ' +
      'attempted, sent (accepted), delivered (accepted, never bounced), bounced (hard and soft), spam complaints, ' +
      'outcome unknown, opened, clicked, unsubscribed (first times), conversions (messages whose recipient placed a standing order ' +
      'within ANALYTICS_CONVERSION_WINDOW_DAYS after the send), revenue of those orders (minor units), rates ' +
      '(delivery and bounce per attempted, the others per sent). By segment: the segments the recipient was in ' +
      'when the message was sent. `costMinor` and `roi` are null until campaigns publishes a cost (`notes`). ' +
      'Chart: delivered, opened, clicked and converted per group.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async results(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CampaignResultsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const to = query.to ?? this.clock.now().toISOString().slice(0, 10);
    const from = query.from ?? dayOffset(to, -90);
    // Only reachable with `from` given after today's default `to`; an explicit pair is the DTO's 400.
    if (from > to) {
      throw ProblemException.of(
        400,
        'ValidationFailed',
        `from (${from}) must not be after to (${to})`,
        {
          errors: [{ field: 'from', message: `from must not be after to (${to})` }],
        },
      );
    }
    const groupBy = parseGroupBy(query.groupBy ?? 'campaign');
    const rows = await this.queries.results(
      user.tenant,
      { start: `${from}T00:00:00.000Z`, end: `${dayOffset(to, 1)}T00:00:00.000Z` },
      groupBy,
    );
    const outcomes = ['Delivered', 'Opened', 'Clicked', 'Converted'] as const;
    return answerWithContext(
      reply,
      {
        rows,
        columns: [
          { field: 'label', title: groupTitle(groupBy), type: 'text' },
          { field: 'key', title: 'Id', type: 'text' },
          { field: 'campaigns', title: 'Campaigns', unit: 'count', type: 'number' },
          { field: 'attempted', title: 'Attempted', unit: 'messages', type: 'number' },
          { field: 'sent', title: 'Sent', unit: 'messages', type: 'number' },
          { field: 'delivered', title: 'Delivered', unit: 'messages', type: 'number' },
          { field: 'bounced', title: 'Bounced', unit: 'messages', type: 'number' },
          { field: 'hardBounced', title: 'Hard bounces', unit: 'messages', type: 'number' },
          { field: 'complained', title: 'Spam complaints', unit: 'messages', type: 'number' },
          { field: 'outcomeUnknown', title: 'Outcome unknown', unit: 'messages', type: 'number' },
          { field: 'opened', title: 'Opened', unit: 'messages', type: 'number' },
          { field: 'clicked', title: 'Clicked', unit: 'messages', type: 'number' },
          { field: 'unsubscribed', title: 'Unsubscribed', unit: 'messages', type: 'number' },
          { field: 'conversions', title: 'Conversions', unit: 'messages', type: 'number' },
          { field: 'revenueMinor', title: 'Revenue', unit: 'minor units', type: 'number' },
          { field: 'currency', title: 'Currency', type: 'text' },
          { field: 'deliveryRate', title: 'Delivery rate', type: 'number' },
          { field: 'bounceRate', title: 'Bounce rate', type: 'number' },
          { field: 'openRate', title: 'Open rate', type: 'number' },
          { field: 'clickRate', title: 'Click rate', type: 'number' },
          { field: 'conversionRate', title: 'Conversion rate', type: 'number' },
          { field: 'costMinor', title: 'Cost', unit: 'minor units', type: 'number' },
          { field: 'roi', title: 'ROI', type: 'number' },
        ],
        chart: (r) =>
          barChart(
            r.flatMap((row) =>
              outcomes.map((outcome) => ({
                group: row.label,
                outcome,
                messages:
                  outcome === 'Delivered'
                    ? row.delivered
                    : outcome === 'Opened'
                      ? row.opened
                      : outcome === 'Clicked'
                        ? row.clicked
                        : row.conversions,
              })),
            ),
            {
              title: {
                text: `Campaign results by ${groupBy}`,
                subtitle: `messages sent ${from} to ${to}; conversion = order within ${this.queries.conversionWindowDays} days`,
              },
              category: { field: 'group', title: groupTitle(groupBy) },
              value: { field: 'messages', title: 'Messages', unit: 'count', format: 'integer' },
              series: { field: 'outcome', title: 'Outcome', order: [...outcomes] },
            },
          ),
      },
      parseReportFormat(query.format),
      {
        from,
        to,
        groupBy,
        conversionWindowDays: this.queries.conversionWindowDays,
        notes: NOTES,
      },
    );
  }
}

function groupTitle(groupBy: string): string {
  return groupBy.charAt(0).toUpperCase() + groupBy.slice(1);
}

function dayOffset(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
