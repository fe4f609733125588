/** Request and answer shapes of the template endpoints (Liquid sources are judged by the decider). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { Parses, parseCurrency } from '@crm/values';
import {
  MAX_EMAIL_TEXT,
  MAX_HTML,
  MAX_SMS_TEXT,
  MAX_SUBJECT,
  MAX_TEMPLATE_NAME,
  TEMPLATE_CHANNELS,
  type TemplateChannel,
} from './template-content';
import { TEMPLATE_STATUSES, type TemplateStatus } from './template.events';

const SOURCE = 'Liquid; variables: GET /templates/variables';
const MAX_TEXT = Math.max(MAX_EMAIL_TEXT, MAX_SMS_TEXT);

/** The content members both the create and the patch take (their channel decides which apply). */
class TemplateSourcesDto {
  @ApiPropertyOptional({ description: `Email: the subject (${SOURCE})`, maxLength: MAX_SUBJECT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SUBJECT)
  subject?: string;
  @ApiPropertyOptional({
    description: `Email: the HTML body, every output escaped (${SOURCE})`,
    maxLength: MAX_HTML,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_HTML)
  html?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_TEXT,
    description: `SMS: the text. Email: the plain-text part, generated from the HTML when absent; null drops it (${SOURCE})`,
  })
  @IsOptional()
  @ValidateIf((o) => o.text !== null)
  @IsString()
  @MaxLength(MAX_TEXT)
  text?: string | null;
}

export class CreateTemplateDto extends TemplateSourcesDto {
  @ApiProperty({ enum: TEMPLATE_CHANNELS })
  @IsIn(TEMPLATE_CHANNELS)
  channel!: TemplateChannel;
  @ApiProperty({ example: 'Service plan after a car', maxLength: MAX_TEMPLATE_NAME })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TEMPLATE_NAME)
  name!: string;
}

/** JSON merge patch: absent members stay; a content change is the next version. */
export class PatchTemplateDto extends TemplateSourcesDto {
  @ApiPropertyOptional({ maxLength: MAX_TEMPLATE_NAME })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TEMPLATE_NAME)
  name?: string;
}

export class PriceDto {
  @ApiProperty({ example: '199.00', description: 'Decimal amount' })
  @IsString()
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: 'amount must be a decimal such as 199.00' })
  amount!: string;
  @ApiProperty({ example: 'EUR' })
  @Parses(parseCurrency)
  currency!: string;
}

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** The offer to render with (a campaign fills it from its product); members left out are null. */
export class OfferDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) productId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) sku?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) family?: string;
  @ApiPropertyOptional({ type: PriceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PriceDto)
  price?: PriceDto;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2000) imageUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2000) url?: string;
}

export class PreviewTemplateDto {
  @ApiProperty({ description: 'The audience contact to render for (404 when unknown)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  contactId!: string;
  @ApiPropertyOptional({ type: OfferDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OfferDto)
  offer?: OfferDto;
  @ApiPropertyOptional({ description: 'The version to render; the current one by default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** An unsaved template: checked like a save (422), rendered for a contact or the catalogue's examples. */
export class PreviewDraftDto extends TemplateSourcesDto {
  @ApiProperty({ enum: TEMPLATE_CHANNELS })
  @IsIn(TEMPLATE_CHANNELS)
  channel!: TemplateChannel;
  @ApiPropertyOptional({
    description: 'Not needed for a preview (taken so a create body can be sent as is)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEMPLATE_NAME)
  name?: string;
  @ApiPropertyOptional({
    description: 'The audience contact to render for; the examples when absent',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  contactId?: string;
  @ApiPropertyOptional({ type: OfferDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OfferDto)
  offer?: OfferDto;
}

export class SmsLengthDto {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] }) encoding!: string;
  @ApiProperty({ description: 'Septets (GSM-7) or UTF-16 units (UCS-2)' }) length!: number;
  @ApiProperty({ description: 'Parts it is sent in (160/153 GSM-7, 70/67 UCS-2)' })
  segments!: number;
}

class TemplateContentViewDto {
  @ApiProperty({ enum: TEMPLATE_CHANNELS }) channel!: TemplateChannel;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional() html?: string;
  @ApiPropertyOptional({ description: "SMS text, or the email's own plain-text part" })
  text?: string;
  @ApiPropertyOptional({
    type: SmsLengthDto,
    description:
      'SMS: the raw template text counted as it stands (a render is counted in the preview)',
  })
  sms?: SmsLengthDto;
  @ApiProperty({ type: [String], description: 'Catalogue variables the content reads' })
  variables!: string[];
}

export class TemplateDto extends TemplateContentViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TEMPLATE_STATUSES }) status!: TemplateStatus;
  @ApiProperty({ description: 'The content version in use (GET /templates/{id}/versions/{n})' })
  currentVersion!: number;
  @ApiProperty({ description: 'Stream version; the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TemplateVersionDto extends TemplateContentViewDto {
  @ApiProperty() templateId!: string;
  @ApiProperty({ description: 'The content version, 1 for the first' }) number!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TemplatePage {
  @ApiProperty({ type: [TemplateDto] }) items!: TemplateDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}

export const TEMPLATE_SORTS = ['name', '-createdAt', 'createdAt', '-updatedAt'] as const;
export type TemplateSort = (typeof TEMPLATE_SORTS)[number];

export class ListTemplatesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: TEMPLATE_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(TEMPLATE_SORTS)
  sort?: TemplateSort;
  @ApiPropertyOptional({ enum: TEMPLATE_CHANNELS })
  @IsOptional()
  @IsIn(TEMPLATE_CHANNELS)
  channel?: TemplateChannel;
  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES })
  @IsOptional()
  @IsIn(TEMPLATE_STATUSES)
  status?: TemplateStatus;
  @ApiPropertyOptional({ description: 'Words the name contains (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class RenderedMessageDto {
  @ApiProperty({ enum: TEMPLATE_CHANNELS }) channel!: TemplateChannel;
  @ApiPropertyOptional({ description: 'Email: the subject, one line' }) subject?: string;
  @ApiPropertyOptional({ description: 'Email: the HTML, every value escaped' }) html?: string;
  @ApiProperty({ description: "The SMS, or the email's plain-text part" }) text!: string;
  @ApiPropertyOptional({ enum: ['GSM-7', 'UCS-2'] }) encoding?: string;
  @ApiPropertyOptional({ description: 'SMS: septets or UTF-16 units' }) length?: number;
  @ApiPropertyOptional({ description: 'SMS: parts' }) segments?: number;
}

export class VariableDocDto {
  @ApiProperty({ example: 'contact.displayName' }) path!: string;
  @ApiProperty({ enum: ['string', 'number', 'string[]', 'any'] }) type!: string;
  @ApiProperty() description!: string;
}

export class VariableCatalogueDto {
  @ApiProperty({ type: [VariableDocDto] }) variables!: VariableDocDto[];
  @ApiProperty({
    type: [String],
    description: "Filters beyond Liquid's standard ones (raw is not available in HTML)",
  })
  extraFilters!: string[];
}
