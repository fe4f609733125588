/**
 * Order history import. PUT /orders/imports/{importId} with the file as the body runs the import
 * while the upload streams in (idempotent per import id: the same file again returns the first
 * report, another file is 422 OrderImportIdReused; and per external order id across imports:
 * an order imported before is `duplicate`, or `conflict` if its content changed). GET shows its
 * progress at any time, also while it runs; GET .../rows the per-row report. A dry run
 * (`?dryRun=true`, on the GETs too) is an import of its own under the same id.
 */
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Put,
  Query,
  Req,
  Res,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  importIdOf,
  limitBytes,
  ProblemException,
  Roles,
  streamUploadsOf,
  Tenant,
  type CommandCaller,
} from '@crm/platform';
import { Type } from 'class-transformer';
import { IsBooleanString, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pipeline, type Readable } from 'node:stream';
import { MANAGERS } from '../../shared/roles';
import {
  ORDER_IMPORT_OUTCOMES,
  OrderImportService,
  type OrderImportBody,
  type OrderImportOutcome,
  type OrderImportRow,
} from './order-import.service';
import { OrderImportErrors } from './order-import.errors';

/** The largest upload taken (bytes); the import streams, this only bounds one request. */
export const ORDER_IMPORT_MAX_BYTES = 512 * 1024 * 1024;
const STREAMED_TYPES = ['text/csv', 'application/x-ndjson'] as const;

export class OrderImportQuery {
  @ApiPropertyOptional({
    description:
      'Decide every order, append nothing (a dry run is kept apart from the real import)',
    default: 'false',
  })
  @IsOptional()
  @IsBooleanString()
  dryRun?: string;
}

export class OrderImportRowsQuery extends OrderImportQuery {
  @ApiPropertyOptional({ enum: ORDER_IMPORT_OUTCOMES })
  @IsOptional()
  @IsIn(ORDER_IMPORT_OUTCOMES)
  outcome?: OrderImportOutcome;

  @ApiPropertyOptional({ description: 'Rows after this row number', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class OrderImportSummaryView {
  @ApiProperty() importId!: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Rows processed so far (CSV rows, or JSON records)' })
  processed!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty({ description: 'Rows of orders imported before with the same content' })
  duplicate!: number;
  @ApiProperty({ description: 'Rows of orders imported before with other content' })
  conflict!: number;
  @ApiProperty() rejected!: number;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true })
  error!: object | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  finishedAt!: string | null;
}

export class OrderImportRowView {
  @ApiProperty() row!: number;
  @ApiProperty({ enum: ORDER_IMPORT_OUTCOMES }) outcome!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The order (its id in sales)' })
  orderId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  reasons!: object[];
}

/** One page of row outcomes, in row order; the list shape every sales list has. */
export class OrderImportRowPage {
  @ApiProperty({ type: [OrderImportRowView] }) items!: OrderImportRowView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` for the next page (the last row number); null on the last page',
  })
  nextCursor!: string | null;
}

@ApiTags('orders')
@Controller('orders/imports')
@Roles(...MANAGERS)
export class OrderImportsController implements OnModuleInit {
  constructor(
    private readonly imports: OrderImportService,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    // Hand the raw stream to the controller: no buffering, no JSON body limit for uploads.
    streamUploadsOf(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), STREAMED_TYPES);
  }

  @Put(':importId')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/x-ndjson', 'application/json')
  @ApiBody({
    description:
      'text/csv: one row per order line, the rows of an order one after the other. ' +
      'application/x-ndjson: one order per line, or a JSON array of orders (both streamed). ' +
      'application/json: a JSON array of orders (read whole, within the request body limit).',
    schema: {
      type: 'string',
      example:
        'external_order_id,placed_at,contact_id,currency,sku,quantity,unit_price,status\n' +
        'ERP-1001,2019-03-04,c-1,EUR,WB-11,1,899.00,fulfilled\n',
    },
  })
  @ApiQuery({ name: 'dryRun', required: false, type: String })
  @ApiOkResponse({
    type: OrderImportSummaryView,
    description:
      'Final report; rows via GET .../rows. The same id and file again replays it ' +
      '(Idempotent-Replay: true); the same id with another file is 422 OrderImportIdReused',
  })
  @ApiProblems(400, 401, 403, 409, 413, 415, 422)
  @ApiOperation({ summary: 'Import order history (CSV or JSON) under a client-chosen import id' })
  async run(
    // Every order is a stream of its own: If-Match names no version of any of them.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('importId') rawId: string,
    @Query() query: OrderImportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const importId = importIdOf(rawId);
    const { summary, replayed } = await this.imports.run(
      caller,
      importId,
      query.dryRun === 'true',
      bodyOf(request),
    );
    if (replayed) void reply.header('idempotent-replay', 'true');
    return summaryView(summary);
  }

  @Get(':importId')
  @ApiOkResponse({
    type: OrderImportSummaryView,
    description: 'Progress while running, totals when done',
  })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: "Read an order import's progress and totals" })
  async get(
    @Tenant() tenant: string,
    @Param('importId') rawId: string,
    @Query() query: OrderImportQuery,
  ) {
    const summary = await this.imports.store.get({
      tenant,
      importId: importIdOf(rawId),
      dryRun: query.dryRun === 'true',
    });
    if (!summary) throw OrderImportErrors.orderImportNotFound();
    return summaryView(summary);
  }

  @Get(':importId/rows')
  @ApiOkResponse({ type: OrderImportRowPage })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: "Read an order import's row outcomes" })
  async rows(
    @Tenant() tenant: string,
    @Param('importId') rawId: string,
    @Query() query: OrderImportRowsQuery,
  ) {
    await this.get(tenant, rawId, query);
    const limit = query.limit ?? 100;
    const rows = await this.imports.store.rows(
      { tenant, importId: importIdOf(rawId), dryRun: query.dryRun === 'true' },
      { outcome: query.outcome, afterRow: query.after ?? 0, limit: limit + 1 },
    );
    const items = rows.slice(0, limit).map(rowView);
    return {
      items,
      nextCursor: rows.length > limit ? String(items[items.length - 1].row) : null,
    };
  }
}

function summaryView(s: Awaited<ReturnType<OrderImportService['run']>>['summary']) {
  const { counts, ...rest } = s;
  return { ...rest, ...counts };
}

function rowView(r: OrderImportRow) {
  return {
    row: r.row,
    outcome: r.outcome,
    orderId: r.recordId,
    externalId: r.key,
    reasons: r.reasons,
  };
}

/** The upload as the service reads it; 415 for any other body. */
function bodyOf(request: FastifyRequest): OrderImportBody {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = request.body as unknown;
  if (Array.isArray(body)) return { format: 'json-array', records: body };
  if (body && typeof (body as Readable).pipe === 'function') {
    const stream = pipeline(
      body as Readable,
      limitBytes(ORDER_IMPORT_MAX_BYTES, 'An order import'),
      () => undefined,
    );
    return { format: type === 'text/csv' ? 'csv' : 'json', stream };
  }
  if (type === 'application/json') throw OrderImportErrors.orderImportBodyRequired();
  throw ProblemException.of(
    415,
    'UnsupportedImportMediaType',
    'Send the file with Content-Type text/csv, application/x-ndjson or application/json',
  );
}
