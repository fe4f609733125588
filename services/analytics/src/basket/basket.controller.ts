/**
 * The basket reports over HTTP: association rules by product or family, and one product's
 * "bought together". Both read the stored fit (basket-fit-job.ts); the answer carries the fit's
 * version and age, or why it could not fit, or that it has not run yet.
 */
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { parseReportFormat, scatterChart, type ReportColumn } from '@crm/charts';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { answerWithContext } from '../customer-value/report-answer';
import { REPORT_READERS } from '../shared/roles';
import { BasketRulesQuery, BoughtTogetherQuery } from './basket.dto';
import { BasketErrors } from './basket.errors';
import {
  BasketReport,
  LIFT_BANDS,
  type FitView,
  type RuleFilter,
  type RuleRow,
} from './basket-report';

const PRODUCES = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];

const RULE_COLUMNS: ReportColumn<RuleRow>[] = [
  { field: 'rank', title: 'Rank', type: 'number' },
  { field: 'rule', title: 'Rule', type: 'text' },
  { field: 'consequent', title: 'Then', type: 'text' },
  { field: 'count', title: 'Baskets', unit: 'count', type: 'number' },
  { field: 'support', title: 'Support', type: 'number' },
  { field: 'confidence', title: 'Confidence', type: 'number' },
  { field: 'coverage', title: 'Coverage', type: 'number' },
  { field: 'lift', title: 'Lift', type: 'number' },
  { field: 'leverage', title: 'Leverage', type: 'number' },
  { field: 'conviction', title: 'Conviction', type: 'number' },
];

function filterOf(query: BoughtTogetherQuery): RuleFilter {
  return {
    minSupport: query.minSupport ?? 0,
    minConfidence: query.minConfidence ?? 0,
    minLift: query.minLift ?? 0,
    limit: query.limit ?? 100,
  };
}

/** The fit as the answers show it: status, why, version and age (null before the first fit). */
function fitContext(fit: FitView | undefined) {
  if (!fit) return { status: 'not-fitted', reason: 'not fitted yet', fit: null };
  return {
    status: fit.status,
    reason: fit.reason,
    fit: {
      version: fit.version,
      fittedAt: fit.fittedAt,
      dataUpTo: fit.dataUpTo,
      ageSeconds: fit.ageSeconds,
      stale: fit.stale,
      parameters: fit.parameters,
      quality: fit.quality,
    },
  };
}

function rulesChart(rows: readonly RuleRow[], title: string, subtitle: string) {
  return scatterChart(rows, {
    title: { text: title, subtitle },
    x: { field: 'support', title: 'Support', unit: 'share of baskets', format: 'percent' },
    y: { field: 'confidence', title: 'Confidence', unit: 'P(then | if)', format: 'percent' },
    series: {
      field: 'liftBand',
      title: 'Lift',
      order: LIFT_BANDS.filter((band) => rows.some((r) => r.liftBand === band)),
    },
    label: { field: 'rule', title: 'Rule' },
  });
}

@ApiTags('reports')
@Controller('reports/basket')
export class BasketController {
  constructor(private readonly report: BasketReport) {}

  @Get('rules')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Association rules (market basket)',
    description:
      "Rules X => y over the tenant's standing orders (cancelled and returned ones excluded), by product " +
      "or by product family, from the current stored fit (FP-growth at the fit's thresholds, " +
      '`fit.parameters`): support, confidence, coverage, lift, leverage, conviction (null = never fails), ' +
      'count. Filtered by `minSupport`, `minConfidence`, `minLift`, sorted by `sort`, at most `limit`. ' +
      '`status`: `not-fitted`, `insufficient-data` (with `reason`) or `fitted`; `fit.ageSeconds` and ' +
      '`fit.stale` say how old the rules are. Chart: support vs confidence, coloured by lift.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async rules(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: BasketRulesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const level = query.level ?? 'product';
    const sort = query.sort ?? 'lift';
    const filter = filterOf(query);
    const [fit, rows] = await Promise.all([
      this.report.fit(user.tenant),
      this.report.rules(user.tenant, level, filter, sort),
    ]);
    return answerWithContext(
      reply,
      {
        rows,
        columns: RULE_COLUMNS,
        chart: (r) =>
          rulesChart(
            r,
            `Association rules by ${level}`,
            fit ? `fit ${fit.version}, ${r.length} rules, sorted by ${sort}` : 'not fitted yet',
          ),
      },
      parseReportFormat(query.format),
      { level, ...fitContext(fit), filter: { ...filter, sort }, rules: rows.length },
    );
  }

  @Get('products/:productId/bought-together')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Bought together with a product',
    description:
      'The stored product rules whose antecedent is this product alone ({product} => y), best first ' +
      '(lift, confidence, count): what else baskets holding it hold, and how much more often than all ' +
      'baskets. 404: analytics has never heard of the product. Chart: support vs confidence, coloured by lift.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403, 404)
  async boughtTogether(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') productId: string,
    @Query() query: BoughtTogetherQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!(await this.report.knowsProduct(user.tenant, productId))) {
      throw BasketErrors.productNotFound();
    }
    const filter = filterOf(query);
    const [fit, rows] = await Promise.all([
      this.report.fit(user.tenant),
      this.report.boughtTogether(user.tenant, productId, filter),
    ]);
    return answerWithContext(
      reply,
      {
        rows,
        columns: RULE_COLUMNS,
        chart: (r) => rulesChart(r, 'Bought together', `with ${productId}: ${r.length} rules`),
      },
      parseReportFormat(query.format),
      { productId, ...fitContext(fit), filter, rules: rows.length },
    );
  }
}
