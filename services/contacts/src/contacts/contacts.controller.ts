/**
 * The contact resource: commands (POST, PATCH with If-Match, DELETE = archive, sub-resources)
 * and the single-contact read, which folds the stream so its ETag is the exact stream version.
 * A merged contact's id answers 308 Permanent Redirect to the survivor (Location header), so
 * links held anywhere keep working and clients learn the new id.
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
  UseInterceptors,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  Roles,
  resourceCommands,
  Tenant,
  setETag,
  type CommandCaller,
  type ResourceCommands,
  AggregateCommands,
  CLOCK,
  createIfAbsent,
  isDomainError,
  todayUtc,
  type Clock,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CompanyReferences } from '../companies/company-references';
import { CustomFieldCatalogueReader } from '../custom-fields/custom-field-catalogue';
import { READERS, WRITERS } from '../shared/roles';
import { acceptMergePatchJson, MERGE_PATCH_JSON } from '../shared/merge-patch-content-type';
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
import { ContactViewDetails } from './contact-view-details.interceptor';
import { assertReadable, contactStreamId, toContactView, UUID } from './contact-view';
import { ContactErrors } from './contact.errors';
import { contactRecord } from '../history/record-histories';

/** Who may change a contact beyond the route's roles (record-access.ts): its owner. */
const contactHolders = (state: ContactState) =>
  state.status === 'active' || state.status === 'archived' ? [state.ownerId] : undefined;

@ApiTags('contacts')
@Controller('contacts')
@Roles(...WRITERS)
@UseInterceptors(ContactViewDetails)
export class ContactsController implements OnModuleInit {
  private readonly contactCommands: ResourceCommands<ContactCommand, ContactView>;

  constructor(
    private readonly aggregates: AggregateCommands,
    private readonly customFields: CustomFieldCatalogueReader,
    private readonly companies: CompanyReferences,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    private readonly history: RecordHistory,
  ) {
    this.contactCommands = resourceCommands(aggregates, {
      decider: contactDecider,
      streamOf: contactStreamId,
      fromState: toContactView,
      // A merged or erased contact answers its own 409/410, whoever asks; an unowned one is the pool.
      access: { record: 'contact', holders: contactHolders },
    });
  }

  onModuleInit(): void {
    acceptMergePatchJson(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }

  @Post()
  @ApiCreatedResponse({
    type: ContactView,
    description: 'Created; ETag = version, Location = the new contact',
  })
  @ApiProblems(400, 401, 403, 413, 422)
  @ApiOperation({ summary: 'Register a contact (the server picks its id)' })
  async create(
    @Caller() caller: CommandCaller,
    @Body() dto: CreateContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.register(caller, randomUUID(), dto, reply);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Create the contact under this id unless it exists (idempotent)',
    description:
      'For callers that choose the id (lead conversion sends a deterministic UUID): 201 when ' +
      'this call created it; when the id names a contact already, the answer is that contact as ' +
      'GET answers it (200, 308 if merged, 410 if erased) and the body is not applied. A retry is ' +
      'always safe. The id must be a UUID.',
  })
  @ApiCreatedResponse({ type: ContactView, description: 'Created; ETag = version' })
  @ApiOkResponse({ type: ContactView, description: 'It existed: the contact as it is' })
  @ApiProblems(400, 401, 403, 410, 413, 422)
  async createWithId(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: CreateContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView | { survivorId: string }> {
    if (!UUID.test(id)) throw ContactErrors.invalidContactId();
    return createIfAbsent<ContactView | { survivorId: string }>({
      exists: async () =>
        (await this.aggregates.load(contactDecider, caller.tenant, contactStreamId(id))).state
          .status !== 'unregistered',
      create: () => this.register(caller, id.toLowerCase(), dto, reply),
      existing: () => this.get(caller.tenant, id, reply),
      lostRace: (error) => isDomainError(error) && error.code === 'ContactAlreadyRegistered',
    });
  }

  private async register(
    caller: CommandCaller,
    contactId: string,
    dto: CreateContactDto,
    reply: FastifyReply,
  ): Promise<ContactView> {
    await this.companies.assertKnown(caller.tenant, dto.companyId, 'companyId');
    return this.contactCommands.create(
      caller,
      contactId,
      reply,
      {
        type: 'RegisterContact',
        data: {
          ...dto,
          contactId,
          addresses: dto.addresses?.map((a) => ({ ...a, addressId: a.addressId ?? randomUUID() })),
          customFieldCatalogue: await this.customFields.fieldsOf(caller.tenant),
          today: todayUtc(this.clock),
        },
      },
      `/contacts/${contactId}`,
    );
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ContactView, description: 'ETag = version' })
  @ApiResponse({
    status: 308,
    description: 'Merged into another contact: Location names the survivor',
  })
  @ApiProblems(400, 401, 403, 404, 410)
  @ApiOperation({
    summary: 'Read one contact (308 to the survivor when merged)',
    description:
      '`asOf`: the contact as it stood at that instant, whatever its status then (no ETag; ' +
      'personal data of an erased contact reads "[erased]"); 404 if it did not exist yet.',
  })
  async get(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery = {},
  ): Promise<ContactView | { survivorId: string }> {
    if (query.asOf !== undefined) {
      const stream = { tenant, id: contactStreamId(id) };
      return this.history.asOf(
        contactRecord(id),
        stream,
        query.asOf,
        ContactErrors.contactNotFound,
      );
    }
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
  @ApiOperation({
    summary: 'Change a contact (JSON Merge Patch, RFC 7396)',
    description:
      'Members left out stay as they are, `null` removes an optional member, nested objects ' +
      '(`name`, `demographics`, `bestTimeToCall`) merge into the current ones; arrays ' +
      '(`bestTimeToCall.windows`) are replaced whole. `{"name":{"given":"Ada"}}` keeps the family name.',
  })
  @ApiConsumes('application/json', MERGE_PATCH_JSON)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  async update(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: UpdateContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    await this.companies.assertKnown(caller.tenant, dto.companyId, 'companyId');
    return this.contactCommands.run(caller, id, reply, {
      type: 'UpdateContact',
      data: { ...dto, today: todayUtc(this.clock) },
    });
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({
    type: ContactView,
    description: 'Archived (soft delete); POST /contacts/{id}/restore undoes it',
  })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412)
  @ApiOperation({ summary: 'Archive a contact' })
  archive(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, { type: 'ArchiveContact', data: {} });
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412)
  @ApiOperation({ summary: 'Archive a contact, recording why' })
  archiveWithReason(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: ArchiveContactDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, {
      type: 'ArchiveContact',
      data: { reason: dto.reason },
    });
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412)
  @ApiOperation({ summary: 'Restore an archived contact' })
  restore(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, { type: 'RestoreContact', data: {} });
  }

  @Post(':id/emails')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Add an email address to a contact' })
  addEmail(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: EmailDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, { type: 'AddContactEmail', data: dto });
  }

  @Delete(':id/emails/:address')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Remove an email address from a contact' })
  removeEmail(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Param('address') address: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, {
      type: 'RemoveContactEmail',
      data: { address },
    });
  }

  @Post(':id/phones')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Add a phone number to a contact' })
  addPhone(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: PhoneDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, { type: 'AddContactPhone', data: dto });
  }

  @Delete(':id/phones/:number')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Remove a phone number from a contact' })
  removePhone(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Param('number') number: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, {
      type: 'RemoveContactPhone',
      data: { number },
    });
  }

  @Post(':id/addresses')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Add a postal address to a contact' })
  addAddress(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: PostalAddressDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const data = { ...dto, addressId: dto.addressId ?? randomUUID() };
    return this.contactCommands.run(caller, id, reply, { type: 'AddContactAddress', data });
  }

  @Delete(':id/addresses/:addressId')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412)
  @ApiOperation({ summary: 'Remove a postal address from a contact' })
  removeAddress(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Param('addressId') addressId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, {
      type: 'RemoveContactAddress',
      data: { addressId },
    });
  }

  @Post(':id/tags')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Tag a contact' })
  tag(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: TagsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, {
      type: 'TagContact',
      data: { tags: dto.tags },
    });
  }

  @Delete(':id/tags/:tag')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: 'Remove a tag from a contact' })
  untag(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Param('tag') tag: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    return this.contactCommands.run(caller, id, reply, { type: 'UntagContact', data: { tag } });
  }

  @Patch(':id/custom-fields')
  @ApiOkResponse({ type: ContactView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 422)
  @ApiOperation({ summary: "Set or clear a contact's custom field values" })
  async setCustomFields(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: CustomFieldValuesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const customFieldCatalogue = await this.customFields.fieldsOf(caller.tenant);
    return this.contactCommands.run(caller, id, reply, {
      type: 'SetContactCustomFields',
      data: { values: dto.values, customFieldCatalogue },
    });
  }
}
