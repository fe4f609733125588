import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  answerRead,
  Caller,
  CurrentUser,
  Roles,
  requireRecordAccess,
  resourceCommands,
  setETag,
  type AuthenticatedUser,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
  AggregateCommands,
  CLOCK,
  isoNow,
  type Clock,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import { DomainError } from '@crm/event-sourcing';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PersonalData } from '../integration/personal-data';
import { LEAD_SOURCES, READERS, SELLERS } from '../shared/roles';
import { STREAM } from '../infrastructure/streams';
import { LeadConversion } from './lead-conversion';
import { toConversionDto } from './lead-conversion-view';
import { leadDecider } from './lead.decider';
import {
  CaptureLeadDto,
  ConvertLeadDto,
  DisqualifyLeadDto,
  ImportLeadsDto,
  ImportResultDto,
  LeadConvertedDto,
  LeadConversionDto,
  LeadDto,
  LeadListQueryDto,
  LeadPage,
  LeadProfileDto,
  RecordEngagementDto,
  StartWorkingDto,
} from './lead.dto';
import type { LeadCommand } from './lead.commands';
import { parseLeadCsv } from './lead-import';
import { LeadListQuery } from './lead-list.query';
import { LeadErrors } from './lead.errors';
import { leadRecord } from '../history/record-histories';

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  private readonly leadCommands: ResourceCommands<LeadCommand, CommandAnswer<LeadDto>>;

  constructor(
    private readonly commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly leads: LeadListQuery,
    private readonly personalData: PersonalData,
    private readonly conversion: LeadConversion,
    private readonly history: RecordHistory,
  ) {
    this.leadCommands = resourceCommands(commands, {
      decider: leadDecider,
      streamOf: STREAM.lead,
      read: (tenant, id) => leads.get(tenant, id),
      // A lead nobody works yet is the pool: any seller may work it and so take it.
      access: { record: 'lead', holders: (s) => (s.exists ? [s.ownerId] : undefined) },
    });
  }

  @Post()
  @Roles(...LEAD_SOURCES)
  @ApiOperation({
    summary:
      'Capture a lead (web form, import, campaign response, referral, by hand); it is scored at once',
  })
  @ApiCreatedResponse({ type: LeadDto, description: 'The new lead; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 422)
  async capture(
    @Caller() caller: CommandCaller,
    @Body() dto: CaptureLeadDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<LeadDto>> {
    const leadId = randomUUID();
    return this.leadCommands.create(
      caller,
      leadId,
      reply,
      { type: 'CaptureLead', data: { leadId, ...dto, at: isoNow(this.clock) } },
      `/leads/${leadId}`,
    );
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...LEAD_SOURCES)
  @ApiOperation({
    summary:
      'Import leads from CSV (source "import"); every row is captured and scored, bad rows are reported, not fatal',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiProblems(400, 401, 403, 422)
  async import(
    // Every row is a new lead: If-Match names no version of any of them.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: ImportLeadsDto,
  ): Promise<ImportResultDto> {
    const result: ImportResultDto = { leadIds: [], rejected: [] };
    for (const { row, profile } of parseLeadCsv(dto.csv)) {
      const leadId = randomUUID();
      try {
        await this.commands.execute(
          leadDecider,
          STREAM.lead(leadId),
          {
            type: 'CaptureLead',
            data: {
              leadId,
              source: 'import',
              campaignId: dto.campaignId,
              ownerId: dto.ownerId,
              profile,
              at: isoNow(this.clock),
            },
          },
          caller,
        );
        result.leadIds.push(leadId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.rejected.push({ row, code: error.code, detail: error.message });
      }
    }
    return result;
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Leads in signed keyset pages: filters, search (q), sorts (default best score first)',
    description:
      'status, source, ownerId and minScore/maxScore filter; q keeps leads whose name, email or ' +
      'company contains every word. nextCursor continues the same list and sort (a cursor of ' +
      'another sort, or a tampered one, is 400 naming cursor).',
  })
  @ApiOkResponse({ type: LeadPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: LeadListQueryDto,
  ): Promise<LeadPage> {
    return this.leads.list(user.tenant, query);
  }

  @Get(':leadId')
  @Roles(...READERS)
  @ApiOkResponse({ type: LeadDto })
  @ApiProblems(400, 401, 404)
  @ApiOperation({
    summary: 'Read one lead',
    description:
      '`asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.',
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('leadId') leadId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery,
  ): Promise<LeadDto> {
    if (query.asOf !== undefined) {
      const stream = { tenant: user.tenant, id: STREAM.lead(leadId) };
      return this.history.asOf(leadRecord(), stream, query.asOf, LeadErrors.leadNotFound);
    }
    return answerRead(reply, await this.leads.get(user.tenant, leadId), LeadErrors.leadNotFound);
  }

  @Put(':leadId/profile')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Replace the profile (If-Match); the lead is rescored' })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  updateProfile(
    @Caller() caller: CommandCaller,
    @Param('leadId') leadId: string,
    @Body() profile: LeadProfileDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<LeadDto>> {
    return this.leadCommands.run(caller, leadId, reply, {
      type: 'UpdateLeadProfile',
      data: { profile },
    });
  }

  @Post(':leadId/engagements')
  @HttpCode(200)
  @Roles(...LEAD_SOURCES)
  @ApiOperation({ summary: 'Record an interaction or campaign click; the lead is rescored' })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  engage(
    @Caller() caller: CommandCaller,
    @Param('leadId') leadId: string,
    @Body() dto: RecordEngagementDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<LeadDto>> {
    return this.leadCommands.run(caller, leadId, reply, {
      type: 'RecordLeadEngagement',
      data: { kind: dto.kind, campaignId: dto.campaignId, at: dto.at ?? isoNow(this.clock) },
    });
  }

  @Post(':leadId/work')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: LeadDto })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Start working a lead' })
  startWork(
    @Caller() caller: CommandCaller,
    @Param('leadId') leadId: string,
    @Body() dto: StartWorkingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<LeadDto>> {
    return this.leadCommands.run(caller, leadId, reply, {
      type: 'StartWorkingLead',
      data: { ownerId: dto.ownerId ?? caller.actor, at: isoNow(this.clock) },
    });
  }

  @Post(':leadId/qualify')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: LeadDto })
  @ApiProblems(401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Qualify a lead' })
  qualify(
    @Caller() caller: CommandCaller,
    @Param('leadId') leadId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<LeadDto>> {
    return this.leadCommands.run(caller, leadId, reply, {
      type: 'QualifyLead',
      data: { at: isoNow(this.clock) },
    });
  }

  @Post(':leadId/disqualify')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: LeadDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Disqualify a lead, recording why' })
  disqualify(
    @Caller() caller: CommandCaller,
    @Param('leadId') leadId: string,
    @Body() dto: DisqualifyLeadDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<LeadDto>> {
    return this.leadCommands.run(caller, leadId, reply, {
      type: 'DisqualifyLead',
      data: { reason: dto.reason, at: isoNow(this.clock) },
    });
  }

  @Post(':leadId/convert')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({
    summary:
      'Convert a qualified lead: creates (or links) the contact and company and opens an opportunity',
    description:
      'A process: the lead first records the conversion with every id it will create ' +
      '(deterministic), then, with CONTACTS_URL set, sales creates the company and then the ' +
      "contact through the contacts service's REST API (PUT create-if-absent, the caller's " +
      'token, an Idempotency-Key per step), opens the opportunity and converts the lead. A ' +
      'refusal there is 422 and what was done is undone (the lead is qualified again). ' +
      'existingContactId / existingCompanyId link existing ones instead. contactCreated / ' +
      'companyCreated say whether the conversion created them. Without CONTACTS_URL only ids ' +
      'are recorded (both false). The same request again (a retry, or concurrent) answers the ' +
      'same conversion, 200 with the same ids; 202 while it is still under way (it is resumed ' +
      'in the background; GET /leads/{id}/conversion follows it). Another conversion of a ' +
      'converted lead is 409 LeadAlreadyConverted.',
  })
  @ApiOkResponse({ type: LeadConvertedDto })
  @ApiResponse({ status: 202, type: LeadConvertedDto, description: 'Recorded, still under way' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async convert(
    @Caller() caller: CommandCaller,
    @Param('leadId') leadId: string,
    @Body() dto: ConvertLeadDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('authorization') authorization: string,
  ): Promise<LeadConvertedDto> {
    // Converting is working the lead: the rule every other lead command gets from resourceCommands.
    const { state: lead } = await this.commands.load(
      leadDecider,
      caller.tenant,
      STREAM.lead(leadId),
    );
    if (lead.exists && caller.user) requireRecordAccess(caller.user, 'lead', [lead.ownerId]);
    const { conversionId, status, plan, created, version } = await this.conversion.convert(
      leadId,
      dto,
      { ...caller, authorization },
    );
    setETag(reply, version);
    // Pending: recorded and under way (resumed in the background); the ids are already final.
    if (status === 'pending') void reply.status(202);
    return {
      id: leadId,
      conversionId,
      status: status === 'completed' ? 'converted' : 'converting',
      contactId: plan.contactId,
      contactCreated: created.contact,
      ...(plan.companyId ? { companyId: plan.companyId } : {}),
      companyCreated: created.company,
      opportunityId: plan.opportunityId,
      version,
    };
  }

  @Get(':leadId/conversion')
  @Roles(...READERS)
  @ApiOperation({
    summary: "The lead's (last) conversion process: its steps done, attempts and last error",
    description:
      'A conversion that could not finish yet shows here as pending (it is retried in the ' +
      'background), one refused on the way as compensated with the refusal.',
  })
  @ApiOkResponse({ type: LeadConversionDto })
  @ApiProblems(401, 403, 404)
  async conversionStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('leadId') leadId: string,
  ): Promise<LeadConversionDto> {
    const record = await this.conversion.status(user.tenant, leadId);
    if (!record) throw LeadErrors.leadConversionNotFound();
    return toConversionDto(record);
  }

  @Delete(':leadId/personal-data')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({
    summary:
      "GDPR erasure of a lead's personal data (crypto-shredded in the log, scrubbed from read models)",
  })
  @ApiProblems(401, 403, 404)
  async erase(
    @CurrentUser() user: AuthenticatedUser,
    @Param('leadId') leadId: string,
  ): Promise<void> {
    const { state } = await this.commands.load(leadDecider, user.tenant, STREAM.lead(leadId));
    if (!state.exists) throw LeadErrors.leadNotFound();
    await this.personalData.eraseLead(user.tenant, leadId);
  }
}
