/** Service KPIs over HTTP: `GET /reports/service` (after-sales, issue 17 in analytics, issue 16). */
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
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
import { parseGroupBy, parseInterval, ServiceKpisQuery } from './service-kpis.dto';
import { serviceKpisChart } from './service-kpis.chart';
import { ServiceKpisQueries } from './service-kpis.queries';

const PRODUCES = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];
const DAY_MS = 86_400_000;
const MAX_PERIODS = 130;
const PERIOD_DAYS = { week: 7, month: 28, quarter: 89 } as const;
/** What crm.aftersales.v1 does not carry, said in every answer. */
const NOTES = [
  'first response time: crm.aftersales.v1 publishes no first public reply, so only first-response SLA breaches are counted; resolution time runs from opened to the latest resolution',
  'resolved = a resolution that still stands (not reopened since); reopenRate = cases ever reopened / cases ever resolved',
  'MTBF: mean days between consecutive failure cases (resolution with failure = true) of the same asset, among the cases of the group opened in the window',
  'cases are counted in the period they were opened in; an erased contact’s cases are gone',
];

@ApiTags('reports')
@Controller('reports')
export class ServiceKpisController {
  constructor(
    private readonly queries: ServiceKpisQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('service')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Service KPIs per period and category, priority or product',
    description:
      'Cases opened between `from` and `to` (UTC days, both included) per `interval` and `groupBy`: volume, ' +
      'resolved, resolution time (median and mean hours from opened to the latest resolution), SLA breaches ' +
      '(first response, resolution), CSAT (mean of 1-5 and count), reopen rate, failures and MTBF (mean days ' +
      'between failure cases of the same asset). First-response time is not published by after-sales (`notes`). ' +
      'Chart: opened, resolved, breached and reopened cases per group (per period: opened cases per group).',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async service(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ServiceKpisQuery,
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
        { errors: [{ field: 'from', message: `from must not be after to (${to})` }] },
      );
    }
    const groupBy = parseGroupBy(query.groupBy ?? 'category');
    const interval = parseInterval(query.interval ?? 'all');
    // A chart and a table a person can read: at most MAX_PERIODS periods (ten years by month).
    const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
    if (interval !== 'all' && span / PERIOD_DAYS[interval] > MAX_PERIODS) {
      throw ProblemException.of(
        400,
        'ValidationFailed',
        `too many ${interval}s between from and to`,
        {
          errors: [
            {
              field: 'interval',
              message: `at most ${MAX_PERIODS} periods: choose a longer interval or a shorter window`,
            },
          ],
        },
      );
    }
    const rows = await this.queries.kpis(
      user.tenant,
      { start: `${from}T00:00:00.000Z`, end: `${dayOffset(to, 1)}T00:00:00.000Z` },
      interval,
      groupBy,
    );
    const group = groupBy.charAt(0).toUpperCase() + groupBy.slice(1);
    return answerWithContext(
      reply,
      {
        rows,
        columns: [
          { field: 'period', title: 'Period starting', type: 'date' },
          { field: 'label', title: group, type: 'text' },
          { field: 'key', title: 'Id', type: 'text' },
          { field: 'opened', title: 'Opened', unit: 'cases', type: 'number' },
          { field: 'resolved', title: 'Resolved', unit: 'cases', type: 'number' },
          { field: 'medianResolutionHours', title: 'Median resolution', unit: 'h', type: 'number' },
          { field: 'meanResolutionHours', title: 'Mean resolution', unit: 'h', type: 'number' },
          { field: 'breachedCases', title: 'SLA breached', unit: 'cases', type: 'number' },
          {
            field: 'firstResponseBreaches',
            title: 'First-response breaches',
            unit: 'cases',
            type: 'number',
          },
          {
            field: 'resolutionBreaches',
            title: 'Resolution breaches',
            unit: 'cases',
            type: 'number',
          },
          { field: 'breachRate', title: 'Breach rate', type: 'number' },
          { field: 'csatMean', title: 'CSAT', unit: '1-5', type: 'number' },
          { field: 'csatCount', title: 'Ratings', unit: 'count', type: 'number' },
          { field: 'reopened', title: 'Reopened', unit: 'cases', type: 'number' },
          { field: 'reopenRate', title: 'Reopen rate', type: 'number' },
          { field: 'failures', title: 'Failures', unit: 'cases', type: 'number' },
          { field: 'mtbfDays', title: 'MTBF', unit: 'days', type: 'number' },
          { field: 'mtbfIntervals', title: 'MTBF intervals', unit: 'count', type: 'number' },
        ],
        chart: (r) => serviceKpisChart(r, { from, to, interval, groupBy, groupTitle: group }),
      },
      parseReportFormat(query.format),
      { from, to, interval, groupBy, notes: NOTES },
    );
  }
}

function dayOffset(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
