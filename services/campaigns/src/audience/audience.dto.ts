/** What `GET /audience/contacts/{contactId}` answers: campaigns' copy of one person. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_CHANNELS } from '@crm/contracts';

export class AudienceDemographicsDto {
  @ApiPropertyOptional({ format: 'date', example: '1985-04-12' }) birthDate?: string;
  @ApiPropertyOptional({ example: '35-44' }) ageBand?: string;
  @ApiPropertyOptional({ example: 'female' }) gender?: string;
  @ApiPropertyOptional({ example: 'upper-middle' }) householdIncomeBand?: string;
}

export class AudienceConsentDto {
  @ApiProperty({ enum: ['granted', 'withdrawn', 'unknown'] }) email!: string;
  @ApiProperty({ enum: ['granted', 'withdrawn', 'unknown'] }) sms!: string;
  @ApiProperty({ enum: ['granted', 'withdrawn', 'unknown'] }) phone!: string;
  @ApiProperty({ enum: ['granted', 'withdrawn', 'unknown'] }) post!: string;
}

export class AudiencePurchasesDto {
  @ApiProperty({
    description: 'Standing orders (placed or fulfilled; cancelled and returned do not count)',
  })
  ordersCount!: number;
  @ApiProperty({
    description:
      'Sum of the standing orders in spendCurrency, minor units (orders in other currencies are not converted and not in it)',
  })
  totalSpentMinor!: number;
  @ApiPropertyOptional({
    example: 'EUR',
    description: "The currency most of the standing orders are in (a tie: the latest order's)",
  })
  spendCurrency?: string;
  @ApiPropertyOptional({ format: 'date-time' }) firstOrderAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastOrderAt?: string;
}

export class AudienceEngagementDto {
  @ApiProperty() messagesReceived!: number;
  @ApiPropertyOptional({ format: 'date-time' }) lastOpenedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastClickedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) unsubscribedAt?: string;
}

export class AudienceOrderLineDto {
  @ApiProperty() lineNo!: number;
  @ApiPropertyOptional() productId?: string;
  @ApiPropertyOptional() sku?: string;
  @ApiPropertyOptional({
    example: 'Cars',
    description: "The product's family as the catalogue names it now",
  })
  productFamily?: string;
  @ApiProperty({ type: [String], description: 'Selected option ids', example: ['automatic'] })
  options!: string[];
  @ApiPropertyOptional() quantity?: number;
  @ApiPropertyOptional({ description: 'Line net amount, minor units of the order currency' })
  netMinor?: number;
}

export class AudienceOrderDto {
  @ApiProperty() orderId!: string;
  @ApiPropertyOptional({ format: 'date-time' }) placedAt?: string;
  @ApiProperty({ enum: ['placed', 'cancelled', 'returned'] }) status!: string;
  @ApiPropertyOptional({ description: 'Total including tax, minor units' }) totalMinor?: number;
  @ApiPropertyOptional({ example: 'EUR' }) currency?: string;
  @ApiProperty({ type: [AudienceOrderLineDto] }) lines!: AudienceOrderLineDto[];
}

export class AudienceDealDto {
  @ApiProperty() opportunityId!: string;
  @ApiPropertyOptional() stageId?: string;
  @ApiPropertyOptional({ enum: ['open', 'won', 'lost'] }) status?: string;
  @ApiPropertyOptional({ description: 'Deal value, minor units' }) amountMinor?: number;
  @ApiPropertyOptional({ example: 'EUR' }) currency?: string;
}

export class AudienceRecommendationDto {
  @ApiProperty({ description: 'Model name (its version dropped)', example: 'next-best-offer' })
  model!: string;
  @ApiProperty({ type: [String], description: 'Recommended product ids, best first' })
  productIds!: string[];
  @ApiProperty({ format: 'date-time' }) producedAt!: string;
}

export class AudienceContactDto {
  @ApiProperty() contactId!: string;
  @ApiPropertyOptional() displayName?: string;
  @ApiPropertyOptional({ description: 'Primary email' }) email?: string;
  @ApiPropertyOptional({ description: 'Primary phone, E.164' }) phone?: string;
  @ApiPropertyOptional({ example: 'customer' }) lifecycleStage?: string;
  @ApiPropertyOptional({ enum: ['active', 'archived'] }) status?: string;
  @ApiPropertyOptional() ownerId?: string;
  @ApiPropertyOptional() companyId?: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Custom fields by key' })
  customFields!: Record<string, unknown>;
  @ApiProperty({ type: AudienceDemographicsDto }) demographics!: AudienceDemographicsDto;
  @ApiPropertyOptional({ example: 'Europe/Berlin' }) timeZone?: string;
  @ApiPropertyOptional({ example: 'DE', description: "The primary address's country" })
  country?: string;
  @ApiProperty({
    type: AudienceConsentDto,
    description: `Current decision per channel (${CONSENT_CHANNELS.join(', ')}); unknown = never decided`,
  })
  consent!: AudienceConsentDto;
  @ApiPropertyOptional({ format: 'date-time' }) registeredAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Time of the newest fact applied' })
  updatedAt?: string;
  @ApiProperty({ type: AudiencePurchasesDto }) purchases!: AudiencePurchasesDto;
  @ApiProperty({ type: AudienceEngagementDto }) engagement!: AudienceEngagementDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Scores by name',
  })
  scores!: Record<string, unknown>;
  @ApiProperty({
    type: [AudienceRecommendationDto],
    description: 'The latest recommendation list per model, newest first',
  })
  recommendations!: AudienceRecommendationDto[];
  @ApiProperty({
    type: [AudienceOrderDto],
    description: 'The latest orders, newest first (at most 10)',
  })
  lastOrders!: AudienceOrderDto[];
  @ApiProperty({ type: [AudienceDealDto] }) deals!: AudienceDealDto[];
}
