/** The demand forecast over HTTP: `GET /reports/demand` (series list, or one series' forecast). */
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { barChart, forecastChart, parseReportFormat } from '@crm/charts';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { answerWithContext } from '../customer-value/report-answer';
import { REPORT_READERS } from '../shared/roles';
import { DemandQuery } from './demand.dto';
import { DemandReport, PREDICTION_LEVEL, seriesId, seriesLabel } from './demand-report';

const PRODUCES = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];
const INTERVAL_NOTE =
  'Interval bounds below 0 are shown as 0 (a quantity cannot be negative). Multiplicative ' +
  "models' intervals are an approximation (see the demand README).";

@ApiTags('reports')
@Controller('reports')
export class DemandController {
  constructor(private readonly demand: DemandReport) {}

  @Get('demand')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Demand forecast per product or price band',
    description:
      'Monthly quantities of standing order lines (UTC months, up to the last complete month) with a Holt-Winters ' +
      'forecast chosen by AIC (additive or multiplicative season, with or without trend; non-seasonal with fewer ' +
      'than two years), the 95% prediction interval for `horizon` months and the backtest error (MAPE, sMAPE, ' +
      'MASE of one-step forecasts over the last season, at most a quarter of the history). From the newest stored fit (`fit`: version, fitted at, ' +
      'age, `stale`; null before the first fit). Without `productId` or `priceBand`: every series with its model ' +
      'and MAPE (chart: MAPE per series). Price bands are quartiles of unit prices per currency (`EUR-1` cheapest).',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DemandQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = parseReportFormat(query.format);
    const horizon = query.horizon ?? 12;
    const current = await this.demand.fit(user.tenant);
    const selector = query.productId
      ? { productId: query.productId }
      : query.priceBand
        ? { priceBand: query.priceBand }
        : undefined;

    if (!selector) {
      const rows = current ? this.demand.summaries(current.stored) : [];
      return answerWithContext(
        reply,
        {
          rows,
          columns: [
            { field: 'series', title: 'Series', type: 'text' },
            { field: 'label', title: 'Label', type: 'text' },
            { field: 'months', title: 'History', unit: 'months', type: 'number' },
            { field: 'status', title: 'Status', type: 'text' },
            { field: 'model', title: 'Model', type: 'text' },
            { field: 'mape', title: 'Backtest MAPE', unit: '%', type: 'number' },
          ],
          chart: (r) =>
            barChart(
              r.filter((s) => s.mape !== null),
              {
                title: {
                  text: 'Demand forecast error per series',
                  subtitle:
                    'MAPE of one-step forecasts over the last season (at most a quarter of the history)',
                },
                category: { field: 'series', title: 'Series' },
                value: { field: 'mape', title: 'MAPE', unit: '%', format: 'decimal' },
              },
            ),
        },
        format,
        { fit: current?.info ?? null },
      );
    }

    const series = current ? this.demand.find(current.stored, selector) : undefined;
    const rows = series ? this.demand.rows(series, horizon) : [];
    const name = series ? seriesLabel(series) : (query.productId ?? query.priceBand)!;
    const status = !current
      ? 'not-fitted'
      : !series
        ? 'no-sales'
        : series.status === 'fitted'
          ? 'forecast'
          : 'cannot-fit';
    const reason = !current
      ? 'the demand model has not been fitted yet'
      : !series
        ? `no standing sales of ${name} up to ${current.info.lastMonth} in the current fit`
        : series.status === 'cannot-fit'
          ? series.reason
          : null;
    const fitted = series?.status === 'fitted' ? series : undefined;
    return answerWithContext(
      reply,
      {
        rows,
        columns: [
          { field: 'month', title: 'Month', type: 'text' },
          { field: 'actual', title: 'Units sold', unit: 'units', type: 'number' },
          { field: 'forecast', title: 'Forecast', unit: 'units', type: 'number' },
          { field: 'lower', title: '95% interval, low', unit: 'units', type: 'number' },
          { field: 'upper', title: '95% interval, high', unit: 'units', type: 'number' },
        ],
        chart: (r) =>
          forecastChart(r, {
            title: {
              text: `Demand forecast, ${name}`,
              subtitle: fitted
                ? `${fitted.model.name}${fitted.model.seasonalUnavailable ? ' (under two years of history: no season)' : ''}` +
                  `${mapeText(fitted)}; ${horizon} months ahead`
                : (reason ?? ''),
            },
            time: { field: 'month', title: 'Month', step: 'month' },
            measure: { title: 'Units sold', unit: 'units', format: 'integer' },
            actual: 'actual',
            forecast: 'forecast',
            interval: { lower: 'lower', upper: 'upper', level: PREDICTION_LEVEL },
          }),
      },
      format,
      {
        fit: current?.info ?? null,
        series: series ? seriesId(series) : null,
        label: name,
        status,
        reason,
        horizon,
        level: PREDICTION_LEVEL,
        model: fitted?.model ?? null,
        backtest: fitted?.backtest ?? null,
        note: fitted ? INTERVAL_NOTE : null,
      },
    );
  }
}

function mapeText(series: { backtest: { kind: string; mape?: number } }): string {
  return series.backtest.kind === 'backtested' && series.backtest.mape !== undefined
    ? `, backtest MAPE ${series.backtest.mape.toFixed(1)}%`
    : '';
}
