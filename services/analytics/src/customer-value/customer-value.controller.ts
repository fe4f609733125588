/** The customer-value reports over HTTP: RFM, its movement, lifetime value and its calibration. */
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  barChart,
  heatmapChart,
  histogramChart,
  parseReportFormat,
  scatterChart,
} from '@crm/charts';
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
import {
  CalibrationQuery,
  LifetimeValueQuery,
  parseCursor,
  RfmMovementQuery,
  RfmQuery,
} from './customer-value.dto';
import { LifetimeValueReport } from './lifetime-value-report';
import { answerWithContext } from './report-answer';
import { RfmReport } from './rfm-report';

const PRODUCES = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];
const DAY_MS = 86_400_000;

@ApiTags('reports')
@Controller('reports')
export class CustomerValueController {
  constructor(
    private readonly rfm: RfmReport,
    private readonly ltv: LifetimeValueReport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  @Get('rfm')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'RFM scores and segments',
    description:
      'Per customer recency (days), frequency (standing orders) and monetary (spend, minor units) as of `asOf`, ' +
      "scored 1-5 by the tenant's quintiles, with the segment of rfm 0.3.0's example map; `segments` counts " +
      'them. csv: one row per customer; chart: customers per segment.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async rfmReport(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RfmQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const asOf = query.asOf ?? this.today();
    const result = await this.rfm.at(user.tenant, asOf);
    const scored = result.status === 'scored';
    const segments = scored ? result.segments : [];
    return answerWithContext(
      reply,
      {
        rows: scored ? result.customers : [],
        columns: [
          { field: 'customerId', title: 'Customer', type: 'text' },
          { field: 'segment', title: 'Segment', type: 'text' },
          { field: 'recencyDays', title: 'Recency', unit: 'days', type: 'number' },
          { field: 'frequency', title: 'Frequency', unit: 'orders', type: 'number' },
          { field: 'monetary', title: 'Monetary', unit: 'minor units', type: 'number' },
          { field: 'r', title: 'R', type: 'number' },
          { field: 'f', title: 'F', type: 'number' },
          { field: 'm', title: 'M', type: 'number' },
        ],
        chart: () =>
          barChart(segments, {
            title: { text: 'Customers per RFM segment', subtitle: `as of ${asOf}` },
            category: { field: 'segment', title: 'Segment' },
            value: { field: 'customers', title: 'Customers', unit: 'count', format: 'integer' },
          }),
      },
      parseReportFormat(query.format),
      scored
        ? { status: 'scored', asOf, thresholds: result.scoring.thresholds, segments }
        : { status: result.status, asOf, reason: result.reason, segments },
    );
  }

  @Get('rfm/movement')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'RFM segment movement between two dates',
    description:
      'Customers by (segment on `from`, segment on `to`), "Not a customer" for newcomers and leavers; chart: heatmap.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async movement(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RfmMovementQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const to = query.to ?? this.today();
    const from =
      query.from ??
      new Date(Date.parse(`${to}T00:00:00Z`) - 90 * DAY_MS).toISOString().slice(0, 10);
    const t = await this.rfm.movement(user.tenant, from, to);
    const rows = t.segments.flatMap((f, i) =>
      t.segments.map((to_, j) => ({
        from: f,
        to: to_,
        customers: t.counts[i][j],
        share: t.rowShares[i][j],
      })),
    );
    return answerWithContext(
      reply,
      {
        rows,
        columns: [
          { field: 'from', title: `Segment on ${from}`, type: 'text' },
          { field: 'to', title: `Segment on ${to}`, type: 'text' },
          { field: 'customers', title: 'Customers', unit: 'count', type: 'number' },
          { field: 'share', title: 'Share of row', type: 'number' },
        ],
        chart: (r) =>
          heatmapChart(r, {
            title: 'RFM segment movement',
            x: { field: 'to', title: `Segment on ${to}`, order: t.segments },
            y: { field: 'from', title: `Segment on ${from}`, order: t.segments },
            value: { field: 'customers', title: 'Customers', unit: 'count', format: 'integer' },
          }),
      },
      parseReportFormat(query.format),
      { from, to, moved: t.moved, stayed: t.stayed },
    );
  }

  @Get('lifetime-value')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Customer lifetime value (BG/NBD + Gamma-Gamma)',
    description:
      'The current stored fit (parameters, log-likelihood, fitted at, age, `stale` when older than twice the fit ' +
      'interval) and per customer P(alive), expected purchases in the next `weeks`, expected value per purchase ' +
      "and CLV over `months` at a monthly `discountRate`, in the customer's currency (minor units), keyset-paged " +
      'by CLV descending (`after` = `nextCursor`). `fit` is null before the first fit. Chart: CLV histogram.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async lifetimeValue(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: LifetimeValueQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const fit = await this.ltv.fit(user.tenant);
    const options = {
      weeks: query.weeks ?? 4,
      months: query.months ?? 12,
      discountRate: query.discountRate ?? 0.01,
    };
    const all = fit?.parameters ? await this.ltv.values(user.tenant, fit.parameters, options) : [];
    const format = parseReportFormat(query.format);
    // A chart draws every customer; json and csv page.
    const page =
      format === 'json' || format === 'csv'
        ? this.ltv.page(all, query.after ? parseCursor(query.after) : undefined, query.limit ?? 50)
        : { rows: all, nextCursor: null };
    return answerWithContext(
      reply,
      {
        rows: page.rows,
        columns: [
          { field: 'contactId', title: 'Customer', type: 'text' },
          { field: 'currency', title: 'Currency', type: 'text' },
          { field: 'frequency', title: 'Repeat purchases', unit: 'days', type: 'number' },
          { field: 'recencyWeeks', title: 'Recency', unit: 'weeks', type: 'number' },
          { field: 'ageWeeks', title: 'Age', unit: 'weeks', type: 'number' },
          { field: 'probabilityAlive', title: 'P(alive)', type: 'number' },
          {
            field: 'expectedPurchases',
            title: `Expected purchases, next ${options.weeks} weeks`,
            type: 'number',
          },
          {
            field: 'expectedValuePerPurchaseMinor',
            title: 'Expected value per purchase',
            unit: 'minor units',
            type: 'number',
          },
          { field: 'clvMinor', title: 'CLV', unit: 'minor units', type: 'number' },
        ],
        chart: (rows) =>
          histogramChart(
            rows.filter((r) => r.clvMinor !== null),
            {
              title: {
                text: 'Customer lifetime value',
                subtitle: `${options.months} months at ${options.discountRate * 100}% a month`,
              },
              value: { field: 'clvMinor', title: 'CLV', unit: 'minor units', format: 'integer' },
              countTitle: 'Customers',
              maxBins: 20,
            },
          ),
      },
      format,
      { fit: fit ?? null, options, customers: all.length, nextCursor: page.nextCursor },
    );
  }

  @Get('lifetime-value/calibration')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'BG/NBD calibration vs holdout',
    description:
      'BG/NBD fitted on the orders up to `calibrationEnd`, then per calibration frequency (0 … 7+) the mean ' +
      'expected vs actual repeat purchases from the day after to today. Chart: scatter with y = x.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async calibration(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CalibrationQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const result = await this.ltv.calibration(user.tenant, query.calibrationEnd);
    return answerWithContext(
      reply,
      {
        rows: result.buckets,
        columns: [
          { field: 'label', title: 'Calibration repeat purchases', type: 'text' },
          { field: 'customers', title: 'Customers', unit: 'count', type: 'number' },
          {
            field: 'expectedMean',
            title: 'Expected holdout purchases',
            unit: 'per customer',
            type: 'number',
          },
          {
            field: 'actualMean',
            title: 'Actual holdout purchases',
            unit: 'per customer',
            type: 'number',
          },
        ],
        chart: (rows) =>
          scatterChart(rows, {
            title: 'Purchase model calibration',
            x: { field: 'expectedMean', title: 'Expected purchases', unit: 'per customer' },
            y: { field: 'actualMean', title: 'Actual purchases', unit: 'per customer' },
            identityLine: 'perfect calibration (y = x)',
          }),
      },
      parseReportFormat(query.format),
      {
        calibrationEnd: query.calibrationEnd,
        holdoutWeeks: result.holdoutLength,
        fit: result.fit,
        totals: result.totals,
      },
    );
  }
}
