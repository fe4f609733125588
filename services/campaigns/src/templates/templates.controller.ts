/**
 * The templates API: CRUD with versions (each content change is the next one), archive, the
 * variable catalogue, and previews for a contact. Marketers write, every reader reads and
 * previews (shared/roles.ts).
 */
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  answerRead,
  Caller,
  CurrentUser,
  Roles,
  resourceCommands,
  validationProblem,
  type AuthenticatedUser,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STREAM } from '../infrastructure/streams';
import { MARKETERS, READERS } from '../shared/roles';
import type { TemplateCommand } from './template.commands';
import { templateDecider, validContent } from './template.decider';
import {
  CreateTemplateDto,
  ListTemplatesQuery,
  PatchTemplateDto,
  PreviewDraftDto,
  PreviewTemplateDto,
  RenderedMessageDto,
  TemplateDto,
  TemplatePage,
  TemplateVersionDto,
  VariableCatalogueDto,
} from './template.dto';
import { TemplateErrors } from './template.errors';
import { TemplatePreview } from './template-preview';
import type { RenderedMessage } from './template-rendering';
import { TemplateQueries } from './template.queries';
import { describeVariables } from './template-variables';

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  private readonly templateCommands: ResourceCommands<TemplateCommand, CommandAnswer<TemplateDto>>;

  constructor(
    commands: AggregateCommands,
    private readonly queries: TemplateQueries,
    private readonly previews: TemplatePreview,
  ) {
    this.templateCommands = resourceCommands(commands, {
      decider: templateDecider,
      streamOf: STREAM.template,
      read: (tenant, id) => queries.get(tenant, id),
    });
  }

  @Post()
  @Roles(...MARKETERS)
  @ApiOperation({
    summary: 'Create an email (subject, html, text?) or SMS (text) template: version 1',
    description:
      'Liquid that does not parse or names a variable outside GET /templates/variables is a 422 whose errors[] name the field (subject, html, text), the variable, line and column; nothing is saved.',
  })
  @ApiCreatedResponse({
    type: TemplateDto,
    description: 'The new template; ETag = version, Location',
  })
  @ApiProblems(400, 401, 403, 422)
  create(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: CreateTemplateDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<TemplateDto>> {
    const templateId = randomUUID();
    return this.templateCommands.create(
      caller,
      templateId,
      reply,
      { type: 'CreateTemplate', data: { templateId, ...dto } },
      `/templates/${templateId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Templates filtered by channel, status and name, in keyset pages' })
  @ApiOkResponse({ type: TemplatePage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListTemplatesQuery,
  ): Promise<TemplatePage> {
    return this.queries.list(user.tenant, query);
  }

  @Get('variables')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The variables a template may use, with types, and the extra filters' })
  @ApiOkResponse({ type: VariableCatalogueDto })
  @ApiProblems(401, 403)
  variables(): VariableCatalogueDto {
    return { variables: describeVariables(), extraFilters: ['track'] };
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Render an unsaved template for a contact (or the catalogue examples); nothing is saved',
    description:
      'Checked as a save would be (422 naming the field and variable); an unknown contact is a 404.',
  })
  @ApiOkResponse({ type: RenderedMessageDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async previewDraft(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: PreviewDraftDto,
  ): Promise<RenderedMessage> {
    const { contactId, offer, channel, subject, html, text } = dto;
    // The checks a save makes (the decider's own), without a stream.
    const content = validContent(channel, { subject, html, text });
    return this.previews.render(user.tenant, content, { contactId, offer });
  }

  @Get(':templateId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read one template with its current content' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblems(401, 403, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('templateId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TemplateDto> {
    return answerRead(
      reply,
      await this.queries.get(user.tenant, id),
      TemplateErrors.templateNotFound,
    );
  }

  @Patch(':templateId')
  @Roles(...MARKETERS)
  @ApiOperation({
    summary:
      'Rename or change the content (merge patch; If-Match): a content change is the next version',
  })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  patch(
    @Caller() caller: CommandCaller,
    @Param('templateId') id: string,
    @Body() dto: PatchTemplateDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<TemplateDto>> {
    return this.templateCommands.run(caller, id, reply, { type: 'EditTemplate', data: dto });
  }

  @Post(':templateId/archive')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({ summary: 'Archive a template for good (its versions stay readable)' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblems(401, 403, 404, 412)
  archive(
    @Caller() caller: CommandCaller,
    @Param('templateId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<TemplateDto>> {
    return this.templateCommands.run(caller, id, reply, { type: 'ArchiveTemplate', data: {} });
  }

  @Get(':templateId/versions/:n')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One version of the content, as a campaign pins it' })
  @ApiOkResponse({ type: TemplateVersionDto })
  @ApiProblems(400, 401, 403, 404)
  async versionOf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('templateId') id: string,
    @Param('n') raw: string,
  ): Promise<TemplateVersionDto> {
    const n = versionNumber(raw);
    const version = await this.queries.version(user.tenant, id, n);
    if (version) return version;
    if (!(await this.queries.get(user.tenant, id))) throw TemplateErrors.templateNotFound();
    throw TemplateErrors.templateVersionNotFound(n);
  }

  @Post(':templateId/preview')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Render the template (current or a given version) for an audience contact',
    description:
      'An unknown contact (or one of another tenant) is a 404; a render over its limits a 422.',
  })
  @ApiOkResponse({ type: RenderedMessageDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async preview(
    @CurrentUser() user: AuthenticatedUser,
    @Param('templateId') id: string,
    @Body() dto: PreviewTemplateDto,
  ): Promise<RenderedMessage> {
    const loaded = await this.queries.loadVersion(user.tenant, id, dto.version);
    if (!loaded) {
      if (dto.version !== undefined && (await this.queries.get(user.tenant, id)))
        throw TemplateErrors.templateVersionNotFound(dto.version);
      throw TemplateErrors.templateNotFound();
    }
    return this.previews.render(user.tenant, loaded.content, {
      contactId: dto.contactId,
      offer: dto.offer,
    });
  }
}

/** A version number in the path: 1, 2, ...; anything else is a 400 naming `n`. */
function versionNumber(raw: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw))
    throw validationProblem([{ field: 'n', message: 'n must be a version number (1, 2, ...)' }]);
  return Number(raw);
}
