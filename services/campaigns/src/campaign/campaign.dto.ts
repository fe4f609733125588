/**
 * Request and answer shapes of the campaign endpoints. The definition's members are free JSON
 * here: parseCampaignDefinition judges them and one 422 names every bad field
 * (`errors[].field`, e.g. `variants[1].sharePercent`); only unknown top-level members are a 400.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { AB_METRICS } from './ab-test';
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  CHANNELS,
  type CampaignKindName,
  type CampaignStatus,
  type Channel,
} from './campaign.events';

const json = (description: string, example: unknown) =>
  ({ type: 'object', additionalProperties: true, description, example }) as const;

const KIND = json(
  "{ type: 'broadcast' } | { type: 'triggered', trigger: { event: 'order-placed', productFamily?, productId?, delayDays } | { event: 'segment-entered', segmentId, delayDays } | { event: 'warranty-ending', daysBefore } } | { type: 'recurring', every, unit: 'days'|'weeks', timeOfDay: 'HH:MM', timeZone }",
  { type: 'triggered', trigger: { event: 'order-placed', productFamily: 'Cars', delayDays: 14 } },
);
const AUDIENCE = json('{ segmentId, excludeSegmentId? }: segments of this tenant', {
  segmentId: 'segment id',
});
const VARIANTS = {
  type: 'array',
  items: json('{ id, templateId, templateVersion, sharePercent }; shares add up to 100', {
    id: 'A',
    templateId: 'template id',
    templateVersion: 1,
    sharePercent: 100,
  }),
} as const;
const AB_TEST = json(
  `{ testSharePercent (1-100), metric (${AB_METRICS.join('|')}), significance (0-0.2], minimumSamplePerVariant }; required with two or more variants`,
  { testSharePercent: 20, metric: 'clicked', significance: 0.05, minimumSamplePerVariant: 500 },
);
const OFFER = json(
  "{ model, fallbackProductId }: the offer per person from analytics' recommendations of model",
  {
    model: 'basket-rules',
    fallbackProductId: 'service-plan',
  },
);
const COST = json('{ amountMinor, currency }: what the campaign costs, for ROI', {
  amountMinor: 25000,
  currency: 'EUR',
});
const SENDER = json(
  'email: { name, email, replyTo? }; sms: { smsSenderId } (up to 11 letters/digits, or a number)',
  {
    name: 'Autohaus',
    email: 'news@autohaus.example',
  },
);

export class CreateCampaignDto {
  @ApiProperty({ type: String, maxLength: 200, example: 'Service plan for new car owners' })
  @Allow()
  name!: unknown;
  @ApiProperty(KIND) @Allow() kind!: unknown;
  @ApiProperty({ enum: CHANNELS }) @Allow() channel!: unknown;
  @ApiProperty(AUDIENCE) @Allow() audience!: unknown;
  @ApiProperty(VARIANTS) @Allow() variants!: unknown;
  @ApiPropertyOptional(AB_TEST) @Allow() abTest?: unknown;
  @ApiPropertyOptional(OFFER) @Allow() nextBestOffer?: unknown;
  @ApiPropertyOptional(COST) @Allow() cost?: unknown;
  @ApiProperty(SENDER) @Allow() sender!: unknown;
}

/** JSON merge patch of a draft: absent members stay, null removes an optional one, objects merge. */
export class PatchCampaignDto {
  @ApiPropertyOptional({ type: String, maxLength: 200 }) @Allow() name?: unknown;
  @ApiPropertyOptional(KIND) @Allow() kind?: unknown;
  @ApiPropertyOptional({ enum: CHANNELS }) @Allow() channel?: unknown;
  @ApiPropertyOptional(AUDIENCE) @Allow() audience?: unknown;
  @ApiPropertyOptional(VARIANTS) @Allow() variants?: unknown;
  @ApiPropertyOptional({ ...AB_TEST, nullable: true }) @Allow() abTest?: unknown;
  @ApiPropertyOptional({ ...OFFER, nullable: true }) @Allow() nextBestOffer?: unknown;
  @ApiPropertyOptional({ ...COST, nullable: true }) @Allow() cost?: unknown;
  @ApiPropertyOptional(SENDER) @Allow() sender?: unknown;
}

export class ScheduleCampaignDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description:
      'When: a broadcast is sent then (required); a recurring one runs first then; a triggered one starts counting then (default now). Never in the past (422).',
  })
  @Allow()
  sendAt?: unknown;
}

export class CampaignDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty(KIND) kind!: object;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty(AUDIENCE) audience!: object;
  @ApiProperty(VARIANTS) variants!: object[];
  @ApiPropertyOptional(AB_TEST) abTest?: object;
  @ApiPropertyOptional(OFFER) nextBestOffer?: object;
  @ApiPropertyOptional(COST) cost?: object;
  @ApiProperty(SENDER) sender!: object;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sendAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) launchedAt!: string | null;
  @ApiProperty({
    type: String,
    enum: ['test', 'rest', 'all'],
    nullable: true,
    description:
      'While sending: test (the A/B share), rest (the winner to the others), all (no test)',
  })
  phase!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'After the A/B test: the winning variant; null when none won',
  })
  winner?: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Completed or cancelled at',
  })
  finishedAt!: string | null;
  @ApiProperty({ description: 'Stream version; the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignDto] }) items!: CampaignDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page (same sort); null on the last page',
  })
  nextCursor!: string | null;
}

export const CAMPAIGN_SORTS = ['name', '-createdAt', 'createdAt', '-updatedAt'] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number];

export class ListCampaignsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(CAMPAIGN_SORTS)
  sort?: CampaignSort;
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;
  @ApiPropertyOptional({ enum: CAMPAIGN_KINDS })
  @IsOptional()
  @IsIn(CAMPAIGN_KINDS)
  kind?: CampaignKindName;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ description: 'Words the name contains (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class VariantStatsDto {
  @ApiProperty() variant!: string;
  @ApiProperty() templateId!: string;
  @ApiProperty() templateVersion!: number;
  @ApiProperty() sharePercent!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() opened!: number;
  @ApiProperty() clicked!: number;
  @ApiProperty({ description: 'Orders attributed to this variant (a cancelled one is taken back)' })
  converted!: number;
  @ApiProperty({ type: () => [MoneyByCurrencyDto], description: 'Their revenue, per currency' })
  revenue!: MoneyByCurrencyDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Of the metric, per message sent; null before any send',
  })
  rate!: number | null;
}

export class MoneyByCurrencyDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'In minor units (cents)' }) amountMinor!: number;
}

export class CampaignConversionsDto {
  @ApiProperty({ description: 'Orders attributed to the campaign' }) orders!: number;
  @ApiProperty({ type: [MoneyByCurrencyDto] }) revenue!: MoneyByCurrencyDto[];
  @ApiProperty({ type: MoneyByCurrencyDto, nullable: true, description: "The campaign's cost" })
  cost!: MoneyByCurrencyDto | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "(revenue - cost) / cost, in the cost's currency; null without a cost",
  })
  roi!: number | null;
  @ApiProperty({ description: 'The attribution rule, in words' }) rule!: string;
}

export class AbTestStatsDto {
  @ApiProperty({ enum: AB_METRICS }) metric!: string;
  @ApiProperty() significance!: number;
  @ApiProperty() minimumSamplePerVariant!: number;
  @ApiProperty({ enum: ['winner', 'no-significant-difference', 'not-enough-data'] })
  outcome!: string;
  @ApiProperty({ description: 'The decision in words ("no sends yet", "B wins", ...)' })
  summary!: string;
  @ApiPropertyOptional({ description: 'The best observed variant' }) best?: string;
  @ApiPropertyOptional({
    type: 'array',
    items: json('{ against, z, pValue, adjustedPValue, significant }', {}),
    description: 'The best vs each other variant (two-proportion z-test; Bonferroni-adjusted)',
  })
  comparisons?: object[];
  @ApiPropertyOptional({ description: 'significance / (variants - 1)' })
  perComparisonSignificance?: number;
  @ApiPropertyOptional(
    json('Pearson chi-squared over all variants: { statistic, degreesOfFreedom, pValue }', {}),
  )
  chiSquared?: object;
  @ApiPropertyOptional({ type: [String], description: 'Variants below the minimum sample' })
  waitingFor?: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The winner the campaign recorded when it concluded the test',
  })
  concludedWinner?: string | null;
}

export class CampaignStatsDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ description: 'Messages sent over all variants' }) sent!: number;
  @ApiProperty({ description: 'What the numbers mean now, e.g. "no sends yet"' }) note!: string;
  @ApiProperty({ type: [VariantStatsDto] }) variants!: VariantStatsDto[];
  @ApiProperty({ type: AbTestStatsDto, nullable: true, description: 'null: one variant, no test' })
  abTest!: AbTestStatsDto | null;
  @ApiProperty({ type: CampaignConversionsDto }) conversions!: CampaignConversionsDto;
}
