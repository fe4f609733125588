import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LEGAL_BASES } from './consent';

export class ConsentDecisionDto {
  @ApiProperty({ enum: ['granted', 'withdrawn'] })
  @IsIn(['granted', 'withdrawn'])
  status!: 'granted' | 'withdrawn';

  @ApiPropertyOptional({ enum: LEGAL_BASES, description: 'Required when granting' })
  @IsOptional()
  @IsIn(LEGAL_BASES)
  legalBasis?: (typeof LEGAL_BASES)[number];

  @ApiProperty({
    example: 'web-form:newsletter',
    maxLength: 200,
    description: 'Where the decision was captured',
  })
  @IsString()
  @MaxLength(200)
  source!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the person decided (default: now); at most 5 minutes (clock skew) later than now',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  decidedAt?: string;
}

export class CustomerConsentWithdrawalDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ChannelConsentView {
  @ApiProperty({ enum: ['granted', 'withdrawn'] }) status!: string;
  @ApiPropertyOptional() legalBasis?: string;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ConsentHistoryEntry {
  @ApiProperty() channel!: string;
  @ApiProperty({ enum: ['granted', 'withdrawn'] }) status!: string;
  @ApiPropertyOptional() legalBasis?: string;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

// A map's value type is only named by $ref, so the model is registered here (else it dangles).
@ApiExtraModels(ChannelConsentView)
export class ConsentView {
  @ApiProperty() contactId!: string;
  @ApiProperty({ description: 'Stream version of the consent record; ETag' }) version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ChannelConsentView) },
  })
  channels!: Record<string, ChannelConsentView>;
  @ApiProperty({ type: [String], description: 'Channels campaigns may use now' })
  contactable!: string[];
  @ApiProperty({ type: [ConsentHistoryEntry] }) history!: ConsentHistoryEntry[];
}
