/**
 * Companies (accounts): commands on the company stream, single reads from the stream (ETag =
 * version), lists from `company_list`. Parent links are checked for cycles with the ancestry the
 * read model knows.
 */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  PG_POOL,
  Roles,
  resourceCommands,
  Tenant,
  setETag,
  type CommandCaller,
  type ResourceCommands,
  AggregateCommands,
  CursorCodec,
  createIfAbsent,
  isDomainError,
  KeysetPage,
  type KeysetOrder,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { READERS, WRITERS } from '../shared/roles';
import { toCompanyView as toView } from './company-view';
import { PostalAddressDto } from '../contacts/contact.dto';
import type { CompanyCommand } from './company.commands';
import { companyDecider, type CompanyState } from './company.decider';
import {
  CompanyPage,
  CompanyView,
  CreateCompanyDto,
  ListCompaniesQuery,
  UpdateCompanyDto,
} from './company.dto';
import { CompanyErrors } from './company.errors';
import { CompanyReferences } from './company-references';
import { companyRecord } from '../history/record-histories';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Companies by name (the cursor's value compares as text, as `lower(name)` is). */
const COMPANY_LIST: KeysetOrder = {
  list: 'companies:name',
  column: 'lower(name)',
  idColumn: 'company_id',
  descending: false,
};

export function companyStreamId(id: string): string {
  if (!UUID.test(id)) throw CompanyErrors.companyNotFound();
  return `company-${id.toLowerCase()}`;
}

@ApiTags('companies')
@Controller('companies')
@Roles(...WRITERS)
export class CompaniesController {
  private readonly companyCommands: ResourceCommands<CompanyCommand, CompanyView>;

  constructor(
    private readonly aggregates: AggregateCommands,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
    private readonly companies: CompanyReferences,
    private readonly history: RecordHistory,
  ) {
    this.companyCommands = resourceCommands(aggregates, {
      decider: companyDecider,
      streamOf: companyStreamId,
      fromState: (id, state, version) => toView(id.toLowerCase(), state, version),
      // Who registered the account owns it; accounts registered before owners were recorded are the pool.
      access: {
        record: 'company',
        holders: (s) => (s.status === 'unregistered' ? undefined : [s.ownerId]),
      },
    });
  }

  @Post()
  @ApiCreatedResponse({ type: CompanyView })
  @ApiProblems(400, 401, 403, 422)
  @ApiOperation({ summary: 'Register a company (the server picks its id)' })
  async create(
    @Caller() caller: CommandCaller,
    @Body() dto: CreateCompanyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanyView> {
    return this.register(caller, randomUUID(), dto, reply);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Create the company under this id unless it exists (idempotent)',
    description:
      'For callers that choose the id (lead conversion sends a deterministic UUID): 201 when ' +
      'this call created it; when the id names a company already, the answer is that company as ' +
      'GET answers it (200) and the body is not applied. A retry is always safe. The id must be a UUID.',
  })
  @ApiCreatedResponse({ type: CompanyView, description: 'Created; ETag = version' })
  @ApiOkResponse({ type: CompanyView, description: 'It existed: the company as it is' })
  @ApiProblems(400, 401, 403, 422)
  async createWithId(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: CreateCompanyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanyView> {
    if (!UUID.test(id)) throw CompanyErrors.invalidCompanyId();
    return createIfAbsent({
      exists: async () =>
        (await this.aggregates.load(companyDecider, caller.tenant, companyStreamId(id))).state
          .status !== 'unregistered',
      create: () => this.register(caller, id.toLowerCase(), dto, reply),
      existing: () => this.get(caller.tenant, id, reply),
      lostRace: (error) => isDomainError(error) && error.code === 'CompanyAlreadyRegistered',
    });
  }

  private async register(
    caller: CommandCaller,
    companyId: string,
    dto: CreateCompanyDto,
    reply: FastifyReply,
  ): Promise<CompanyView> {
    await this.companies.assertKnown(caller.tenant, dto.parentCompanyId, 'parentCompanyId');
    return this.companyCommands.create(
      caller,
      companyId,
      reply,
      {
        type: 'RegisterCompany',
        data: {
          ...dto,
          companyId,
          ownerId: caller.actor,
          addresses: dto.addresses?.map((a) => ({ ...a, addressId: a.addressId ?? randomUUID() })),
          parentAncestry: dto.parentCompanyId
            ? await this.ancestry(caller.tenant, dto.parentCompanyId)
            : undefined,
        },
      },
      `/companies/${companyId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: CompanyPage })
  @ApiProblems(400, 401, 403)
  @ApiOperation({ summary: 'List companies in signed cursor pages' })
  async list(@Tenant() tenant: string, @Query() query: ListCompaniesQuery): Promise<CompanyPage> {
    const keyset = new KeysetPage(this.cursors, COMPANY_LIST, query);
    const params: unknown[] = [tenant, keyset.fetchLimit];
    const where = ['tenant = $1', `status = 'active'`];
    if (query.q)
      where.push(
        `(lower(name) LIKE $${params.push(`${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR domain = $${params.push(query.q.toLowerCase())})`,
      );
    keyset.appendAfter(where, params);
    const { rows } = await this.pool.query<{
      company_id: string;
      state: CompanyState;
      version: number;
      sort: string;
    }>(
      `SELECT company_id, state, version, lower(name) AS sort FROM ${CONTACTS_SCHEMA}.company_list
        WHERE ${where.join(' AND ')} ORDER BY lower(name), company_id LIMIT $2`,
      params,
    );
    return keyset.page(
      rows,
      (r) => toView(r.company_id, r.state, r.version),
      (last) => ({ value: last.sort, id: last.company_id }),
    );
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: CompanyView })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({
    summary: 'Read one company',
    description:
      '`asOf`: the company as it stood at that instant (no ETag); 404 before it existed.',
  })
  async get(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery = {},
  ): Promise<CompanyView> {
    if (query.asOf !== undefined) {
      const stream = { tenant, id: companyStreamId(id) };
      return this.history.asOf(
        companyRecord(id),
        stream,
        query.asOf,
        CompanyErrors.companyNotFound,
      );
    }
    const { state, version } = await this.aggregates.load(
      companyDecider,
      tenant,
      companyStreamId(id),
    );
    if (state.status === 'unregistered') throw CompanyErrors.companyNotFound();
    setETag(reply, version);
    return toView(id.toLowerCase(), state, version);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CompanyView })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Change a company (JSON Merge Patch)' })
  async update(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: UpdateCompanyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanyView> {
    await this.companies.assertKnown(caller.tenant, dto.parentCompanyId, 'parentCompanyId');
    const parentAncestry = dto.parentCompanyId
      ? await this.ancestry(caller.tenant, dto.parentCompanyId)
      : undefined;
    return this.companyCommands.run(caller, id, reply, {
      type: 'UpdateCompany',
      data: { ...dto, parentAncestry },
    });
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: CompanyView, description: 'Archived' })
  @ApiProblems(401, 403, 404, 412)
  @ApiOperation({ summary: 'Archive a company' })
  archive(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanyView> {
    return this.companyCommands.run(caller, id, reply, { type: 'ArchiveCompany', data: {} });
  }

  @Post(':id/addresses')
  @HttpCode(200)
  @ApiOkResponse({ type: CompanyView })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Add a postal address to a company' })
  addAddress(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: PostalAddressDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanyView> {
    const data = { ...dto, addressId: dto.addressId ?? randomUUID() };
    return this.companyCommands.run(caller, id, reply, { type: 'AddCompanyAddress', data });
  }

  @Delete(':id/addresses/:addressId')
  @ApiOkResponse({ type: CompanyView })
  @ApiProblems(401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Remove a postal address from a company' })
  removeAddress(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Param('addressId') addressId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanyView> {
    return this.companyCommands.run(caller, id, reply, {
      type: 'RemoveCompanyAddress',
      data: { addressId },
    });
  }

  /** The proposed parent and its ancestors, nearest first (bounded: hierarchies are shallow). */
  private async ancestry(tenant: string, parentId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ company_id: string }>(
      `WITH RECURSIVE up(company_id, parent_company_id, depth) AS (
         SELECT company_id, parent_company_id, 0 FROM ${CONTACTS_SCHEMA}.company_list WHERE tenant = $1 AND company_id = $2
         UNION ALL
         SELECT c.company_id, c.parent_company_id, up.depth + 1 FROM ${CONTACTS_SCHEMA}.company_list c
           JOIN up ON c.tenant = $1 AND c.company_id = up.parent_company_id WHERE up.depth < 50)
       SELECT company_id FROM up ORDER BY depth`,
      [tenant, parentId.toLowerCase()],
    );
    return rows.map((r) => r.company_id);
  }
}
