/** The tenant's custom field catalogue: admins define and retire fields; everyone can read it. */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  Roles,
  Tenant,
  type CommandCaller,
  AggregateCommands,
} from '@crm/platform';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { READERS } from '../shared/roles';
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinition } from './custom-field';
import type { CustomFieldCommand } from './custom-field.commands';
import { CUSTOM_FIELD_CATALOGUE_STREAM, customFieldDecider } from './custom-field.decider';
import { CustomFieldCatalogueReader } from './custom-field-catalogue';

export class DefineCustomFieldDto {
  @ApiProperty({ example: 'loyalty_tier', description: 'snake_case, max 40' })
  @IsString()
  @MaxLength(40)
  key!: string;
  @ApiProperty({ example: 'Loyalty tier', maxLength: 80 })
  @IsString()
  @MaxLength(80)
  label!: string;
  @ApiProperty({ enum: CUSTOM_FIELD_TYPES })
  @IsIn(CUSTOM_FIELD_TYPES)
  type!: (typeof CUSTOM_FIELD_TYPES)[number];
  @ApiPropertyOptional({ type: [String], description: 'Select types only', maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  options?: string[];
}

export class CustomFieldOptionsDto {
  @ApiProperty({ type: [String], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  options!: string[];
}

export class CustomFieldView {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: CUSTOM_FIELD_TYPES }) type!: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
}

@ApiTags('custom-fields')
@Controller('custom-fields')
@Roles('admin')
export class CustomFieldsController {
  constructor(
    private readonly aggregates: AggregateCommands,
    private readonly catalogue: CustomFieldCatalogueReader,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [CustomFieldView] })
  @ApiProblems(401, 403)
  @ApiOperation({ summary: "List the tenant's custom field definitions" })
  async list(@Tenant() tenant: string): Promise<CustomFieldDefinition[]> {
    return Object.values(await this.catalogue.fieldsOf(tenant));
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: [CustomFieldView], description: 'The catalogue after the change' })
  @ApiProblems(400, 401, 403, 409, 422)
  @ApiOperation({ summary: 'Define a custom field for contacts' })
  define(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: DefineCustomFieldDto,
  ): Promise<CustomFieldDefinition[]> {
    return this.run(caller, {
      type: 'DefineCustomField',
      data: { key: dto.key, label: dto.label, fieldType: dto.type, options: dto.options },
    });
  }

  @Put(':key/options')
  @ApiOkResponse({ type: [CustomFieldView] })
  @ApiProblems(400, 401, 403, 404, 422)
  @ApiOperation({ summary: 'Replace the options of a choice custom field' })
  changeOptions(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('key') key: string,
    @Body() dto: CustomFieldOptionsDto,
  ): Promise<CustomFieldDefinition[]> {
    return this.run(caller, {
      type: 'ChangeCustomFieldOptions',
      data: { key, options: dto.options },
    });
  }

  @Delete(':key')
  @ApiOkResponse({ type: [CustomFieldView] })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Retire a custom field (its key cannot be reused)' })
  retire(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('key') key: string,
  ): Promise<CustomFieldDefinition[]> {
    return this.run(caller, { type: 'RetireCustomField', data: { key } });
  }

  /** Callers come without If-Match (`ifMatch: false`): catalogue answers carry no ETag to send back. */
  private async run(
    caller: CommandCaller,
    command: CustomFieldCommand,
  ): Promise<CustomFieldDefinition[]> {
    const result = await this.aggregates.execute(
      customFieldDecider,
      CUSTOM_FIELD_CATALOGUE_STREAM,
      command,
      caller,
    );
    return Object.values(result.state.fields);
  }
}
