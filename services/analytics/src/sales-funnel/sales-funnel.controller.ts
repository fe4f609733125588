/** The sales reports over HTTP: json, csv, Vega-Lite or SVG by `?format=` (@crm/charts). */
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { answerReport, barChart, funnelChart, lineChart, parseReportFormat } from '@crm/charts';
import {
  ApiProblems,
  CLOCK,
  CurrentUser,
  Roles,
  type AuthenticatedUser,
  type Clock,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { REPORT_READERS } from '../shared/roles';
import { FunnelQuery } from './funnel.dto';
import { FunnelQueries } from './funnel.queries';
import { funnelSteps } from './funnel-steps';
import { windowInstants } from './report-window.dto';
import { performanceBy, periodStart } from './deal-performance';
import { PerformanceQuery } from './performance.dto';
import { PerformanceQueries } from './performance.queries';
import { PipelineQuery } from './pipeline.dto';
import { PipelineQueries } from './pipeline.queries';
import { ForecastAccuracyQueries } from './forecast-accuracy.queries';

const FORMATS = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];

@ApiTags('reports')
@Controller('reports')
export class SalesFunnelController {
  constructor(
    private readonly funnel: FunnelQueries,
    private readonly performance: PerformanceQueries,
    private readonly pipelines: PipelineQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly accuracy: ForecastAccuracyQueries,
  ) {}

  @Get('forecast-accuracy')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'The forecast at each period start against what closed won in the period',
    description:
      'Per month or quarter starting from `from` to `to`, per currency: the deals open at the ' +
      "period's start (by stage history) expected to close in it, weighted by the win rate of the " +
      'stage each stood in then, against the amount won in the period. Amounts and close dates are ' +
      'as they stand now (the tables keep no history of them); see the feature README.',
  })
  @ApiProduces(...FORMATS)
  @ApiOkResponse({ description: '`{ columns, rows }`, CSV, a Vega-Lite spec or SVG' })
  @ApiProblems(400, 401, 403)
  async forecastAccuracy(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PerformanceQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const interval = query.interval ?? 'month';
    const rows = await this.accuracy.accuracy(
      user.tenant,
      query.from,
      query.to,
      interval,
      query.currency,
    );
    const lines = rows.flatMap((r) => [
      { period: r.period, series: `forecast ${r.currency}`, valueMinor: r.forecastMinor },
      { period: r.period, series: `actual ${r.currency}`, valueMinor: r.actualMinor },
    ]);
    const answer = await answerReport(
      {
        rows,
        columns: [
          {
            field: 'period',
            title: `${interval === 'month' ? 'Month' : 'Quarter'} starting`,
            type: 'date',
          },
          { field: 'currency', title: 'Currency', type: 'text' },
          { field: 'forecastDeals', title: 'Deals forecast', unit: 'count', type: 'number' },
          {
            field: 'forecastMinor',
            title: 'Forecast at period start',
            unit: 'minor units',
            type: 'number',
          },
          { field: 'wonDeals', title: 'Deals won', unit: 'count', type: 'number' },
          { field: 'actualMinor', title: 'Won in period', unit: 'minor units', type: 'number' },
        ],
        // one line per currency and measure: forecast and actual never share a currency-less axis
        chart: () =>
          lineChart(lines, {
            title: { text: 'Forecast vs actual', subtitle: `${query.from} to ${query.to}` },
            time: {
              field: 'period',
              title: interval === 'month' ? 'Month' : 'Quarter',
              step: interval,
            },
            value: { field: 'valueMinor', title: 'Amount', unit: 'minor units', format: 'integer' },
            series: { field: 'series', title: 'Measure' },
          }),
      },
      parseReportFormat(query.format),
    );
    reply.type(answer.contentType);
    return answer.body;
  }

  @Get('pipeline')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Weighted pipeline by period of expected close, owner and forecast category',
    description:
      'Open deals as they stand now by period (month or quarter) of expected close, owner, currency ' +
      'and forecast category as sales publishes it (pipeline, best-case, commit, omitted): deals, ' +
      'amount and weighted amount (amount x probability, minor units); plus `closed-won` per period ' +
      'of winning from the period of `asOf` (default today, UTC) on. Never summed across currencies.',
  })
  @ApiProduces(...FORMATS)
  @ApiOkResponse({ description: '`{ columns, rows }`, CSV, a Vega-Lite spec or SVG' })
  @ApiProblems(400, 401, 403)
  async pipeline(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PipelineQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const asOf = query.asOf ?? this.clock.now().toISOString().slice(0, 10);
    const interval = query.interval ?? 'month';
    const rows = (await this.pipelines.pipeline(user.tenant, asOf, interval, query.currency)).map(
      // one bar per period and currency, so a stack never adds two currencies
      (r) => ({ ...r, bar: `${r.period} ${r.currency}` }),
    );
    const answer = await answerReport(
      {
        rows,
        columns: [
          {
            field: 'period',
            title: `${interval === 'month' ? 'Month' : 'Quarter'} starting`,
            type: 'date',
          },
          { field: 'ownerId', title: 'Owner', type: 'text' },
          { field: 'currency', title: 'Currency', type: 'text' },
          { field: 'category', title: 'Forecast category', type: 'text' },
          { field: 'deals', title: 'Deals', unit: 'count', type: 'number' },
          { field: 'amountMinor', title: 'Amount', unit: 'minor units', type: 'number' },
          { field: 'weightedMinor', title: 'Weighted amount', unit: 'minor units', type: 'number' },
        ],
        chart: (rows) =>
          barChart(rows, {
            title: { text: 'Weighted pipeline and closed-won', subtitle: `as of ${asOf}` },
            category: { field: 'bar', title: 'Period and currency' },
            value: {
              field: 'weightedMinor',
              title: 'Weighted amount',
              unit: 'minor units',
              format: 'integer',
            },
            series: { field: 'category', title: 'Forecast category' },
            arrangement: 'stacked',
          }),
      },
      parseReportFormat(query.format),
    );
    reply.type(answer.contentType);
    return answer.body;
  }

  @Get('funnel')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'The sales funnel of the leads captured in a window',
    description:
      'Leads captured from `from` to `to` (UTC days, both included) -> qualified (or converted) -> ' +
      'converted -> each stage their deals entered (most deals first) -> won, with counts, the ' +
      'share of the previous step and of the leads; per source, owner or pipeline with `groupBy`.',
  })
  @ApiProduces(...FORMATS)
  @ApiOkResponse({ description: '`{ columns, rows }`, CSV, a Vega-Lite spec or SVG' })
  @ApiProblems(400, 401, 403)
  async funnelReport(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: FunnelQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const journeys = await this.funnel.journeys(
      user.tenant,
      windowInstants(query),
      query.groupBy,
      query.pipelineId,
    );
    const rows = funnelSteps(journeys, { grouped: !!query.groupBy }).map((s) => ({
      ...s,
      group: s.group ?? '(none)',
    }));
    const title = {
      text: 'Sales funnel',
      subtitle: `Leads captured ${query.from} to ${query.to}${query.pipelineId ? `, pipeline ${query.pipelineId}` : ''}`,
    };
    const answer = await answerReport(
      {
        rows,
        columns: [
          ...(query.groupBy
            ? [{ field: 'group' as const, title: query.groupBy, type: 'text' as const }]
            : []),
          { field: 'position', title: 'Position', type: 'number' },
          { field: 'step', title: 'Step', type: 'text' },
          { field: 'count', title: 'Leads', unit: 'count', type: 'number' },
          {
            field: 'conversionFromPrevious',
            title: 'Of previous step',
            unit: 'ratio',
            type: 'number',
          },
          { field: 'conversionFromLeads', title: 'Of leads', unit: 'ratio', type: 'number' },
        ],
        chart: (rows) =>
          query.groupBy
            ? barChart(rows, {
                title,
                category: { field: 'step', title: 'Step' },
                value: { field: 'count', title: 'Leads', unit: 'count', format: 'integer' },
                series: { field: 'group', title: query.groupBy },
              })
            : funnelChart(rows, {
                title,
                stage: { field: 'step', title: 'Step' },
                value: { field: 'count', title: 'Leads', unit: 'count', format: 'integer' },
              }),
      },
      parseReportFormat(query.format),
    );
    reply.type(answer.contentType);
    return answer.body;
  }

  @Get('sales-performance')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Win rate, deal size, sales cycle, time in stage and the rep leaderboard',
    description:
      'Deals won or lost (as they stand now) from `from` to `to` (UTC days, both included). ' +
      '`view=periods` (default): per month or quarter of closing; `view=owners`: per owner; per ' +
      'currency within each (amounts in minor units are never added across currencies; the win ' +
      "rate counts every currency of the row's period or owner). Sales cycle: opened -> won in " +
      'days. `view=stages`: time in each stage (next stage entry - this one) of entries in the window.',
  })
  @ApiProduces(...FORMATS)
  @ApiOkResponse({ description: '`{ columns, rows }`, CSV, a Vega-Lite spec or SVG' })
  @ApiProblems(400, 401, 403)
  async salesPerformance(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PerformanceQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const window = windowInstants(query);
    const format = parseReportFormat(query.format);
    const subtitle = `${query.from} to ${query.to}${query.currency ? `, ${query.currency}` : ''}`;
    const answer =
      query.view === 'stages'
        ? await this.stagesAnswer(user.tenant, window, query.currency, subtitle, format)
        : await this.performanceAnswer(user.tenant, window, query, subtitle, format);
    reply.type(answer.contentType);
    return answer.body;
  }

  private async stagesAnswer(
    tenant: string,
    window: { start: string; end: string },
    currency: string | undefined,
    subtitle: string,
    format: ReturnType<typeof parseReportFormat>,
  ) {
    const rows = await this.performance.stageTimes(tenant, window, currency);
    return answerReport(
      {
        rows,
        columns: [
          { field: 'stageId', title: 'Stage', type: 'text' },
          { field: 'entries', title: 'Entries', unit: 'count', type: 'number' },
          { field: 'meanDays', title: 'Mean time in stage', unit: 'days', type: 'number' },
          { field: 'medianDays', title: 'Median time in stage', unit: 'days', type: 'number' },
        ],
        chart: (rows) =>
          barChart(rows, {
            title: { text: 'Time in stage', subtitle },
            category: { field: 'stageId', title: 'Stage' },
            value: {
              field: 'medianDays',
              title: 'Median time in stage',
              unit: 'days',
              format: 'decimal',
            },
          }),
      },
      format,
    );
  }

  private async performanceAnswer(
    tenant: string,
    window: { start: string; end: string },
    query: PerformanceQuery,
    subtitle: string,
    format: ReturnType<typeof parseReportFormat>,
  ) {
    const deals = await this.performance.closedDeals(tenant, window, query.currency);
    const byOwner = query.view === 'owners';
    const interval = query.interval ?? 'month';
    const rows = performanceBy(deals, (d) =>
      byOwner ? (d.ownerId ?? '(none)') : periodStart(d.closedAt, interval),
    );
    const value = {
      field: 'wonAmountMinor' as const,
      title: 'Won amount',
      unit: 'minor units',
      format: 'integer' as const,
    };
    return answerReport(
      {
        rows,
        columns: [
          byOwner
            ? { field: 'key', title: 'Owner', type: 'text' }
            : {
                field: 'key',
                title: `${interval === 'month' ? 'Month' : 'Quarter'} starting`,
                type: 'date',
              },
          { field: 'currency', title: 'Currency', type: 'text' },
          { field: 'won', title: 'Won', unit: 'count', type: 'number' },
          { field: 'lost', title: 'Lost', unit: 'count', type: 'number' },
          { field: 'winRate', title: 'Win rate (all currencies)', unit: 'ratio', type: 'number' },
          { field: 'wonAmountMinor', title: 'Won amount', unit: 'minor units', type: 'number' },
          {
            field: 'averageDealMinor',
            title: 'Average won deal',
            unit: 'minor units',
            type: 'number',
          },
          { field: 'cycleMedianDays', title: 'Median sales cycle', unit: 'days', type: 'number' },
          { field: 'cycleMeanDays', title: 'Mean sales cycle', unit: 'days', type: 'number' },
        ],
        chart: (rows) =>
          byOwner
            ? barChart(rows, {
                title: { text: 'Won amount by owner', subtitle },
                category: { field: 'key', title: 'Owner' },
                value,
                series: { field: 'currency', title: 'Currency' },
              })
            : lineChart(rows, {
                title: { text: `Won amount per ${interval}`, subtitle },
                time: {
                  field: 'key',
                  title: interval === 'month' ? 'Month' : 'Quarter',
                  step: interval,
                },
                value,
                series: { field: 'currency', title: 'Currency' },
              }),
      },
      format,
    );
  }
}
