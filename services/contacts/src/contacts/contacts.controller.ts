/**
 * The contact resource: commands (POST, PATCH with If-Match, DELETE = archive, sub-resources)
 * and the single-contact read, which folds the stream so its ETag is the exact stream version.
 * A merged contact's id answers 308 Permanent Redirect to the survivor (Location header), so
 * links held anywhere keep working and clients learn the new id.
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@crm/event-sourcing';
import {
  ApiProblems,
  CurrentUser,
  IfMatch,
  Roles,
  Tenant,
  setETag,
  type AuthenticatedUser,
  AggregateCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CustomFieldCatalogueReader } from '../custom-fields/custom-field-catalogue';
import { todayUtc } from '../shared/clock';
import { READERS, WRITERS } from '../shared/roles';
import type { ContactCommand } from './contact.commands';
import { contactDecider, type ContactState } from './contact.decider';
import {
  ArchiveContactDto,
  ContactView,
  CreateContactDto,
  CustomFieldValuesDto,
  EmailDto,
  PhoneDto,
  PostalAddressDto,
  TagsDto,
  UpdateContactDto,
} from './contact.dto';
import { assertReadable, contactStreamId, toContactView } from './contact-view';

@ApiTags('contacts')
@Controller('contacts')
@Roles(...WRITERS)
export class ContactsController {
  constructor(
    private readonly aggregates: AggregateCommands,
    private readonly customFields: CustomFieldCatalogueReader,
  ) {}

  @Post()
  @ApiCreatedResponse({
    type: ContactView,
    description: 'Created; ETag = version, Location = the new contact',
  })
  @ApiProblems(400, 401, 403, 413, 422)
  async create(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const contactId = randomUUID();
    const result = await this.aggregates.execute(
      contactDecider,
      contactStreamId(contactId),
      {
        type: 'RegisterContact',
        data: {
          ...dto,
          contactId,
          addresses: dto.addresses?.map((a) => ({ ...a, addressId: a.addressId ?? randomUUID() })),
          customFieldCatalogue: await this.customFields.fieldsOf(tenant),
          today: todayUtc(),
        },
      },
      { tenant, actor: user.sub },
    );
    void reply.header('location', `/contacts/${contactId}`);
    return this.respond(contactId, result, reply);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ContactView, description: 'ETag = version' })
  @ApiResponse({
    status: 308,
    description: 'Merged into another contact: Location names the survivor',
  })
  @ApiProblems(401, 403, 404, 410)
  async get(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView | { survivorId: string }> {
    const { state, version } = await this.aggregates.load(
      contactDecider,
      tenant,
      contactStreamId(id),
    );
    assertReadable(state);
    if (state.status === 'merged') {
      void reply.status(308).header('location', `/contacts/${state.survivorId}`);
      return { survivorId: state.survivorId! };
    }
    setETag(reply, version);
    return toContactView(id, state, version);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  async update(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: UpdateContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'UpdateContact', data: { ...dto, today: todayUtc() } },
      reply,
      expectedVersion,
    );
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({
    type: ContactView,
    description: 'Archived (soft delete); POST /contacts/{id}/restore undoes it',
  })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412)
  archive(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(tenant, user, id, { type: 'ArchiveContact', data: {} }, reply, expectedVersion);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412)
  archiveWithReason(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: ArchiveContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'ArchiveContact', data: { reason: dto.reason } },
      reply,
      expectedVersion,
    );
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412)
  restore(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(tenant, user, id, { type: 'RestoreContact', data: {} }, reply, expectedVersion);
  }

  @Post(':id/emails')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  addEmail(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: EmailDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'AddContactEmail', data: dto },
      reply,
      expectedVersion,
    );
  }

  @Delete(':id/emails/:address')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412, 422)
  removeEmail(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('address') address: string,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'RemoveContactEmail', data: { address } },
      reply,
      expectedVersion,
    );
  }

  @Post(':id/phones')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  addPhone(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: PhoneDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'AddContactPhone', data: dto },
      reply,
      expectedVersion,
    );
  }

  @Delete(':id/phones/:number')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412, 422)
  removePhone(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('number') number: string,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'RemoveContactPhone', data: { number } },
      reply,
      expectedVersion,
    );
  }

  @Post(':id/addresses')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  addAddress(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: PostalAddressDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const data = { ...dto, addressId: dto.addressId ?? randomUUID() };
    return this.run(tenant, user, id, { type: 'AddContactAddress', data }, reply, expectedVersion);
  }

  @Delete(':id/addresses/:addressId')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412)
  removeAddress(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('addressId') addressId: string,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'RemoveContactAddress', data: { addressId } },
      reply,
      expectedVersion,
    );
  }

  @Post(':id/tags')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  tag(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: TagsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'TagContact', data: { tags: dto.tags } },
      reply,
      expectedVersion,
    );
  }

  @Delete(':id/tags/:tag')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412, 422)
  untag(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('tag') tag: string,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.run(
      tenant,
      user,
      id,
      { type: 'UntagContact', data: { tag } },
      reply,
      expectedVersion,
    );
  }

  @Patch(':id/custom-fields')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  async setCustomFields(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @Body() dto: CustomFieldValuesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const customFieldCatalogue = await this.customFields.fieldsOf(tenant);
    return this.run(
      tenant,
      user,
      id,
      { type: 'SetContactCustomFields', data: { values: dto.values, customFieldCatalogue } },
      reply,
      expectedVersion,
    );
  }

  private async run(
    tenant: string,
    user: AuthenticatedUser,
    id: string,
    command: ContactCommand,
    reply: FastifyReply,
    expectedVersion: number | undefined,
  ): Promise<ContactView> {
    const result = await this.aggregates.execute(contactDecider, contactStreamId(id), command, {
      tenant,
      actor: user.sub,
      expectedVersion,
    });
    return this.respond(id, result, reply);
  }

  private respond(
    id: string,
    result: CommandResult<ContactState>,
    reply: FastifyReply,
  ): ContactView {
    setETag(reply, result.nextExpectedVersion);
    return toContactView(id, result.state, result.nextExpectedVersion);
  }
}
