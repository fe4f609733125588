/** The sales reports over HTTP: json, csv, Vega-Lite or SVG by `?format=` (@crm/charts). */
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { answerReport, barChart, funnelChart, parseReportFormat } from '@crm/charts';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { REPORT_READERS } from '../shared/roles';
import { FunnelQuery } from './funnel.dto';
import { FunnelQueries } from './funnel.queries';
import { funnelSteps } from './funnel-steps';
import { windowInstants } from './report-window.dto';

const FORMATS = [
  'application/json',
  'text/csv',
  'application/vnd.vegalite.v5+json',
  'image/svg+xml',
];

@ApiTags('reports')
@Controller('reports')
export class SalesFunnelController {
  constructor(private readonly funnel: FunnelQueries) {}

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
}
