/** The propensity report over HTTP: the model of one target family and its top-scored customers. */
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { histogramChart, parseReportFormat } from '@crm/charts';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { answerWithContext } from '../customer-value/report-answer';
import { REPORT_READERS } from '../shared/roles';
import { PropensityQuery } from './propensity.dto';
import { PropensityReport } from './propensity-report';

const PRODUCES = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];

@ApiTags('reports')
@Controller('reports')
export class PropensityController {
  constructor(private readonly report: PropensityReport) {}

  @Get('propensity')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Propensity to buy a product family (logistic regression)',
    description:
      'The stored model of `family` (default: the first modelled family by name): coefficients with standard ' +
      'errors on the standardised features, holdout AUC, training size, fitted at, age and `stale`; `status` ' +
      '`insufficient-data` says why it cannot fit, `not-fitted` before the first fit. Rows: the `limit` ' +
      'customers most likely to buy the family within the window, best first; `families` lists every ' +
      'modelled family. Chart: the distribution of every customer’s score.',
  })
  @ApiProduces(...PRODUCES)
  @ApiProblems(400, 401, 403)
  async propensity(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PropensityQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const models = await this.report.models(user.tenant);
    const family = query.family ?? models[0]?.family ?? null;
    const model = models.find((m) => m.family === family) ?? null;
    const format = parseReportFormat(query.format);
    const fitted = model?.status === 'fitted' && family !== null;
    // A chart draws every customer; json and csv answer the top `limit`.
    const rows = fitted
      ? await this.report.scores(
          user.tenant,
          family,
          format === 'json' || format === 'csv' ? (query.limit ?? 20) : undefined,
        )
      : [];
    const window = model?.windowDays ? `within ${model.windowDays} days` : 'within the window';
    return answerWithContext(
      reply,
      {
        rows: rows.map((r, i) => ({ rank: i + 1, ...r })),
        columns: [
          { field: 'rank', title: 'Rank', type: 'number' },
          { field: 'contactId', title: 'Customer', type: 'text' },
          { field: 'score', title: `P(buys ${family ?? 'the family'} ${window})`, type: 'number' },
          { field: 'modelVersion', title: 'Model version', type: 'number' },
          { field: 'scoredAt', title: 'Scored at', type: 'text' },
        ],
        chart: (r) =>
          histogramChart(r, {
            title: {
              text: `Propensity to buy ${family ?? '(no family modelled)'}`,
              subtitle: !model
                ? 'not fitted yet'
                : model.status === 'fitted'
                  ? `model ${model.version}, holdout AUC ${model.quality.holdout?.auc?.toFixed(3) ?? 'n/a'}, ${r.length} customers`
                  : `model ${model.version} cannot fit (${model.reason?.split(':')[0]})`,
            },
            value: { field: 'score', title: `P(buys ${family ?? 'the family'} ${window})` },
            countTitle: 'Customers',
            maxBins: 20,
          }),
      },
      format,
      {
        family,
        status: model?.status ?? 'not-fitted',
        reason: model
          ? model.reason
          : family
            ? `no propensity model for ${family} yet`
            : 'not fitted yet',
        model,
        families: models.map((m) => ({
          family: m.family,
          status: m.status,
          version: m.version,
          holdoutAuc: m.quality.holdout?.auc ?? null,
        })),
      },
    );
  }
}
