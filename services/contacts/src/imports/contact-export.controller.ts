/**
 * GET /contacts/export?format=csv|json: the tenant's contacts streamed from the directory read
 * model in keyset batches, so an export of any size holds one batch in memory.
 */
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, PG_POOL, Roles, Tenant } from '@crm/platform';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { MANAGERS } from '../shared/roles';

const BATCH = 1_000;

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'json'])
  format?: 'csv' | 'json';
}

interface ExportRow {
  contact_id: string;
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  primary_email: string | null;
  primary_phone: string | null;
  emails: string[];
  phones: string[];
  company_id: string | null;
  company_name: string | null;
  owner_id: string | null;
  lifecycle_stage: string;
  tags: string[];
  consent: Record<string, string>;
  custom_fields: Record<string, unknown>;
  status: string;
  created_at: Date;
  updated_at: Date;
}

const CSV_COLUMNS = [
  'id',
  'given_name',
  'family_name',
  'email',
  'phone',
  'emails',
  'phones',
  'company_id',
  'company_name',
  'owner_id',
  'lifecycle_stage',
  'tags',
  'consent',
  'status',
  'created_at',
  'updated_at',
];

@ApiTags('import/export')
@Controller('contacts/export')
// Every name, email and phone of the tenant at once: as guarded as the per-contact GDPR export.
@Roles(...MANAGERS)
export class ContactExportController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'CSV (same columns the import reads, plus ids) or NDJSON, one contact per line',
  })
  @ApiProblems(400, 401, 403)
  @ApiOperation({ summary: 'Export every contact of the tenant as JSON or CSV' })
  export(@Tenant() tenant: string, @Query() query: ExportQuery, @Res() reply: FastifyReply): void {
    const rows = Readable.from(this.batches(tenant));
    if ((query.format ?? 'csv') === 'json') {
      void reply
        .header('content-type', 'application/x-ndjson')
        .send(rows.map((r: ExportRow) => `${JSON.stringify(toJson(r))}\n`));
      return;
    }
    const csv = stringify({ header: true, columns: CSV_COLUMNS });
    rows.on('error', (error) => csv.destroy(error));
    rows.map(toCsv).pipe(csv);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="contacts.csv"')
      .send(csv);
  }

  private async *batches(tenant: string): AsyncGenerator<ExportRow> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<ExportRow>(
        `SELECT * FROM ${CONTACTS_SCHEMA}.contact_list WHERE tenant = $1 AND status IN ('active', 'archived') AND contact_id > $2
          ORDER BY contact_id LIMIT ${BATCH}`,
        [tenant, after],
      );
      yield* rows;
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].contact_id;
    }
  }
}

function toJson(r: ExportRow) {
  return {
    id: r.contact_id,
    displayName: r.display_name,
    emails: r.emails,
    phones: r.phones,
    companyId: r.company_id,
    companyName: r.company_name,
    ownerId: r.owner_id,
    lifecycleStage: r.lifecycle_stage,
    tags: r.tags,
    consent: r.consent,
    customFields: r.custom_fields,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function toCsv(r: ExportRow): Record<string, string> {
  return {
    id: r.contact_id,
    given_name: r.given_name ?? '',
    family_name: r.family_name ?? '',
    email: r.primary_email ?? '',
    phone: r.primary_phone ?? '',
    emails: r.emails.join(';'),
    phones: r.phones.join(';'),
    company_id: r.company_id ?? '',
    company_name: r.company_name ?? '',
    owner_id: r.owner_id ?? '',
    lifecycle_stage: r.lifecycle_stage,
    tags: r.tags.join(';'),
    consent: Object.entries(r.consent)
      .map(([c, s]) => `${c}:${s}`)
      .join(';'),
    status: r.status,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}
