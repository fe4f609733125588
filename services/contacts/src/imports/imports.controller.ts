/**
 * Bulk import and export. PUT /contacts/imports/{importId} with a text/csv body runs the import
 * while the upload streams in (idempotent per id: the same file again returns the first report,
 * another file is 422 ImportIdReused); GET shows its progress at any time, also from another
 * client while it runs. A dry run (`?dryRun=true`, on GET too) is an import of its own under the
 * same id: trying a file first leaves the id free for the real import.
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
import { CONTACTS_CONFIG, type ContactsConfig } from '../contacts.config';
import { READERS, WRITERS } from '../shared/roles';
import { ContactImportService } from './contact-import.service';
import type { ImportKey, ImportRowReport, ImportSummary } from './import-store';
import { ImportErrors } from './import.errors';

export class ImportQuery {
  @ApiPropertyOptional({
    description: 'Decide every row, append nothing (a dry run is kept apart from the real import)',
    default: 'false',
  })
  @IsOptional()
  @IsBooleanString()
  dryRun?: string;
}

export class ImportRowsQuery extends ImportQuery {
  @ApiPropertyOptional({ enum: ['created', 'updated', 'unchanged', 'rejected'] })
  @IsOptional()
  @IsIn(['created', 'updated', 'unchanged', 'rejected'])
  outcome?: ImportRowReport['outcome'];

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

export class ImportSummaryView {
  @ApiProperty() importId!: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() processed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() rejected!: number;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) error!:
    object | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) finishedAt!:
    string | null;
}

export class ImportRowView {
  @ApiProperty() row!: number;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'rejected'] }) outcome!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) contactId!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  reasons!: object[];
}

function importKey(tenant: string, rawId: string, query: ImportQuery): ImportKey {
  return { tenant, importId: importIdOf(rawId), dryRun: query.dryRun === 'true' };
}

@ApiTags('import/export')
@Controller('contacts/imports')
export class ImportsController implements OnModuleInit {
  constructor(
    private readonly imports: ContactImportService,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(CONTACTS_CONFIG) private readonly config: ContactsConfig,
  ) {}

  onModuleInit(): void {
    // Hand the raw stream to the controller: no buffering, no JSON body limit for CSV uploads.
    streamUploadsOf(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), ['text/csv']);
  }

  @Put(':importId')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'email,given_name,family_name,tags\nada@example.com,Ada,Lovelace,vip;math\n',
    },
  })
  @ApiQuery({ name: 'dryRun', required: false, type: String })
  @ApiOkResponse({
    type: ImportSummaryView,
    description:
      'Final report; rows via GET .../rows. The same id and file again replays it ' +
      '(Idempotent-Replay: true); the same id with another file is 422 ImportIdReused',
  })
  @ApiProblems(400, 401, 403, 409, 413, 415, 422)
  @ApiOperation({ summary: 'Import contacts from a CSV file under a client-chosen import id' })
  async run(
    // Every row is a contact of its own: If-Match names no version of any of them.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('importId') rawId: string,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportSummary> {
    const importId = importIdOf(rawId);
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') {
      throw ProblemException.of(
        415,
        'CsvBodyRequired',
        'Send the CSV file as the request body with Content-Type: text/csv',
      );
    }
    const { summary, replayed } = await this.imports.run(
      caller,
      importId,
      query.dryRun === 'true',
      pipeline(body, limitBytes(this.config.importMaxBytes, 'A CSV import'), () => undefined),
    );
    if (replayed) void reply.header('idempotent-replay', 'true');
    return summary;
  }

  @Get(':importId')
  @Roles(...READERS)
  @ApiOkResponse({
    type: ImportSummaryView,
    description: 'Progress while running, totals when done',
  })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: "Read an import's summary" })
  async get(
    @Tenant() tenant: string,
    @Param('importId') rawId: string,
    @Query() query: ImportQuery,
  ): Promise<ImportSummary> {
    const summary = await this.imports.store.get(importKey(tenant, rawId, query));
    if (!summary) throw ImportErrors.importNotFound();
    return summary;
  }

  @Get(':importId/rows')
  @Roles(...READERS)
  @ApiOkResponse({ type: [ImportRowView] })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: "Read an import's row outcomes" })
  async rows(
    @Tenant() tenant: string,
    @Param('importId') rawId: string,
    @Query() query: ImportRowsQuery,
  ): Promise<ImportRowReport[]> {
    await this.get(tenant, rawId, query);
    return this.imports.store.rows(importKey(tenant, rawId, query), {
      outcome: query.outcome,
      afterRow: query.after ?? 0,
      limit: query.limit ?? 100,
    });
  }
}
