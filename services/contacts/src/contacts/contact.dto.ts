/**
 * HTTP shapes of the contact resource. DTOs check types and shapes (400 naming the field, unknown
 * fields rejected); the decider checks meaning (valid email, E.164, IANA zone: 422 naming the
 * field). The domain never sees these classes, only commands built from them.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CUSTOM_FIELD_KEY } from '../custom-fields/custom-field';
import {
  AGE_BANDS,
  CONTACT_CHANNELS,
  GENDERS,
  INCOME_BANDS,
  LIFECYCLE_STAGES,
  WEEKDAYS,
} from './contact';

export class PersonNameDto {
  @ApiPropertyOptional({ example: 'Ada', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  given?: string;

  @ApiPropertyOptional({ example: 'Lovelace', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  family?: string;
}

export class EmailDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  address!: string;

  @ApiPropertyOptional({ example: 'work', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  label?: string;

  @ApiPropertyOptional({
    description: 'Make this the primary email (the first one is primary by default)',
  })
  @IsOptional()
  @IsBoolean()
  primary?: boolean;
}

export class PhoneDto {
  @ApiProperty({ example: '+4930123456', description: 'E.164', maxLength: 32 })
  @IsString()
  @MaxLength(32)
  number!: string;

  @ApiPropertyOptional({ example: 'mobile', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  primary?: boolean;
}

export class PostalAddressDto {
  @ApiPropertyOptional({ description: 'Client-chosen id; generated when absent', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  addressId?: string;

  @ApiPropertyOptional({ example: 'home', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  primary?: boolean;

  @ApiProperty({ type: [String], example: ['12 St James Square'], maxItems: 4 })
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  lines!: string[];

  @ApiProperty({ example: 'London', maxLength: 80 })
  @IsString()
  @MaxLength(80)
  city!: string;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  region?: string;

  @ApiPropertyOptional({ example: 'SW1Y 4LB', maxLength: 16 })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  postalCode?: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @MaxLength(2)
  country!: string;
}

export class CallWindowDto {
  @ApiProperty({ enum: WEEKDAYS })
  @IsIn(WEEKDAYS)
  day!: (typeof WEEKDAYS)[number];

  @ApiProperty({ example: '09:00', description: 'Local time HH:MM' })
  @IsString()
  @MaxLength(5)
  from!: string;

  @ApiProperty({ example: '12:00', description: 'Local time HH:MM, after `from`' })
  @IsString()
  @MaxLength(5)
  to!: string;
}

export class BestTimeToCallDto {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: [CallWindowDto], maxItems: 21 })
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => CallWindowDto)
  windows!: CallWindowDto[];
}

export class DemographicsDto {
  @ApiPropertyOptional({
    example: '1815-12-10',
    description: 'YYYY-MM-DD; not together with ageBand',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  birthDate?: string;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: (typeof AGE_BANDS)[number];

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: (typeof GENDERS)[number];

  @ApiPropertyOptional({ enum: INCOME_BANDS })
  @IsOptional()
  @IsIn(INCOME_BANDS)
  householdIncomeBand?: (typeof INCOME_BANDS)[number];
}

export class CreateContactDto {
  @ApiProperty({ type: PersonNameDto })
  @ValidateNested()
  @Type(() => PersonNameDto)
  name!: PersonNameDto;

  @ApiPropertyOptional({ type: [EmailDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EmailDto)
  emails?: EmailDto[];

  @ApiPropertyOptional({ type: [PhoneDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PhoneDto)
  phones?: PhoneDto[];

  @ApiPropertyOptional({ type: [PostalAddressDto], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PostalAddressDto)
  addresses?: PostalAddressDto[];

  @ApiPropertyOptional({ type: BestTimeToCallDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BestTimeToCallDto)
  bestTimeToCall?: BestTimeToCallDto;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS })
  @IsOptional()
  @IsIn(CONTACT_CHANNELS)
  preferredChannel?: (typeof CONTACT_CHANNELS)[number];

  @ApiPropertyOptional({ type: DemographicsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DemographicsDto)
  demographics?: DemographicsDto;

  @ApiPropertyOptional({ type: [String], example: ['vip'], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { loyalty_tier: 'gold' },
    description: `Values of the tenant's custom fields (keys match ${CUSTOM_FIELD_KEY.source})`,
  })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'User id of the owner', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  ownerId?: string;

  @ApiPropertyOptional({ description: 'Company id', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  companyId?: string;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, default: 'subscriber' })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  lifecycleStage?: (typeof LIFECYCLE_STAGES)[number];
}

/** PATCH, a JSON Merge Patch: absent = unchanged, null = clear, nested objects merge. */
export class UpdateContactDto {
  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  name?: PersonNameDto;

  @ApiPropertyOptional({ type: BestTimeToCallDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BestTimeToCallDto)
  bestTimeToCall?: BestTimeToCallDto | null;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS, nullable: true })
  @IsOptional()
  @IsIn(CONTACT_CHANNELS)
  preferredChannel?: (typeof CONTACT_CHANNELS)[number] | null;

  @ApiPropertyOptional({ type: DemographicsDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DemographicsDto)
  demographics?: DemographicsDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  companyId?: string | null;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  lifecycleStage?: (typeof LIFECYCLE_STAGES)[number];
}

export class TagsDto {
  @ApiProperty({ type: [String], example: ['vip', 'golf'], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags!: string[];
}

export class CustomFieldValuesDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { loyalty_tier: 'gold', shoe_size: null },
    description: 'Values to set; null clears a field',
  })
  @IsObject()
  values!: Record<string, unknown>;
}

export class ArchiveContactDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ContactView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Stream version; also sent as ETag' }) version!: number;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: string;
  @ApiProperty({ type: PersonNameDto }) name!: PersonNameDto;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [EmailDto] }) emails!: EmailDto[];
  @ApiProperty({ type: [PhoneDto] }) phones!: PhoneDto[];
  @ApiProperty({ type: [PostalAddressDto] }) addresses!: PostalAddressDto[];
  @ApiPropertyOptional({ type: BestTimeToCallDto }) bestTimeToCall?: BestTimeToCallDto;
  @ApiPropertyOptional({ enum: CONTACT_CHANNELS }) preferredChannel?: string;
  @ApiPropertyOptional({ type: DemographicsDto }) demographics?: DemographicsDto;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) customFields!: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional() ownerId?: string;
  @ApiPropertyOptional() companyId?: string;
  @ApiPropertyOptional({ description: 'Name of the company (companyId), from the company record' })
  companyName?: string;
  @ApiProperty({ enum: LIFECYCLE_STAGES }) lifecycleStage!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the contact was registered' })
  createdAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Last change to the contact or its consent (as lists show it)',
  })
  updatedAt?: string;
}
