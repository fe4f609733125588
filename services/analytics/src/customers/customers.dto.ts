/** What `GET /customers/{contactId}` answers: the customer summary for front-ends. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CustomerDemographicsDto {
  @ApiPropertyOptional({
    example: '35-44',
    description: 'As published, or from the birth date on the day of the request',
  })
  ageBand?: string;
  @ApiPropertyOptional({ example: 'female' }) gender?: string;
  @ApiPropertyOptional({ example: 'upper-middle' }) incomeBand?: string;
}

export class CustomerPurchasesDto {
  @ApiProperty({ description: 'Standing orders (placed or fulfilled)' }) ordersCount!: number;
  @ApiPropertyOptional({ example: 'EUR', description: 'The currency of most standing orders' })
  currency?: string;
  @ApiPropertyOptional({ format: 'date-time' }) firstPurchaseAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastPurchaseAt?: string;
  @ApiProperty({ description: 'Distinct purchase days (UTC)' }) purchaseDays!: number;
  @ApiProperty({
    description: 'Purchase days after the first (BG/NBD frequency x)',
  })
  repeatPurchases!: number;
  @ApiPropertyOptional({ description: 'Days from the first to the last purchase day (t_x)' })
  recencyDays?: number;
  @ApiPropertyOptional({
    description: 'Days from the first purchase day to today (T), by the service clock',
  })
  ageDays?: number;
  @ApiProperty({ description: 'Sum of the standing orders in `currency`, minor units' })
  totalSpentMinor!: number;
  @ApiPropertyOptional({ description: 'Mean order total in `currency`, minor units' })
  averageOrderMinor?: number;
  @ApiPropertyOptional({
    description: 'Mean value of the repeat purchase days (Gamma-Gamma m), minor units',
  })
  averageRepeatDayMinor?: number;
  @ApiProperty({ description: 'Units on standing order lines' }) unitsBought!: number;
}

export class HeldProductDto {
  @ApiProperty() productId!: string;
  @ApiPropertyOptional() sku?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() family?: string;
}

export class CustomerHoldingsDto {
  @ApiProperty({ type: [HeldProductDto], description: 'Products on standing orders' })
  products!: HeldProductDto[];
  @ApiProperty({ type: [String], example: ['Cars'] }) families!: string[];
}

export class CustomerEngagementDto {
  @ApiProperty() messagesSent!: number;
  @ApiProperty() messagesOpened!: number;
  @ApiProperty() messagesClicked!: number;
  @ApiProperty() unsubscribes!: number;
  @ApiPropertyOptional({ format: 'date-time' }) lastEngagedAt?: string;
}

export class ModelStatusDto {
  @ApiProperty({
    enum: ['not-fitted', 'fitted', 'insufficient-data'],
    description: 'The current lifetime-value fit behind P(alive), churn risk and CLV',
  })
  status!: 'not-fitted' | 'fitted' | 'insufficient-data';
  @ApiProperty({ example: 'not fitted yet', description: 'Why not fitted, or which fit' })
  detail!: string;
  @ApiPropertyOptional({ description: 'Fit version' }) version?: number;
  @ApiPropertyOptional({ format: 'date-time' }) fittedAt?: string;
  @ApiPropertyOptional({ description: 'Seconds since the fit, by the service clock' })
  ageSeconds?: number;
  @ApiPropertyOptional({ description: 'Older than twice the fit interval' }) stale?: boolean;
}

/** Recency, frequency and monetary scores, 1 (worst) to 5 (best). */
export class RfmScoresDto {
  @ApiProperty({ type: Number, minimum: 1, maximum: 5 }) r!: number;
  @ApiProperty({ type: Number, minimum: 1, maximum: 5 }) f!: number;
  @ApiProperty({ type: Number, minimum: 1, maximum: 5 }) m!: number;
}

/** P(buys a family within the model's window), from the current propensity fit of that family. */
export class PropensityScoreDto {
  @ApiProperty({ example: 'Cars' }) family!: string;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 }) score!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Days the probability is about' })
  windowDays!: number | null;
  @ApiProperty() modelVersion!: number;
  @ApiProperty({ format: 'date-time' }) scoredAt!: string;
  @ApiProperty({ type: Number, nullable: true, description: "The model's holdout ROC AUC" })
  holdoutAuc!: number | null;
}

export class CustomerSummaryDto {
  @ApiProperty() contactId!: string;
  @ApiPropertyOptional({ example: 'customer' }) lifecycleStage?: string;
  @ApiPropertyOptional({ enum: ['active', 'archived'] }) status?: string;
  @ApiPropertyOptional({ format: 'date-time' }) registeredAt?: string;
  @ApiProperty({ type: CustomerDemographicsDto }) demographics!: CustomerDemographicsDto;
  @ApiProperty({ type: CustomerPurchasesDto }) purchases!: CustomerPurchasesDto;
  @ApiProperty({ type: CustomerHoldingsDto }) holdings!: CustomerHoldingsDto;
  @ApiProperty({ type: CustomerEngagementDto }) engagement!: CustomerEngagementDto;
  @ApiProperty({ type: ModelStatusDto }) model!: ModelStatusDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "RFM segment today (rfm 0.3.0's map; null with fewer than 5 customers)",
  })
  segment!: string | null;
  @ApiProperty({ type: RfmScoresDto, nullable: true, description: 'RFM scores r, f, m today' })
  rfm!: RfmScoresDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'P(alive) (BG/NBD, after a fit)' })
  probabilityAlive!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Churn risk 1 - P(alive)' })
  churnRisk!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Lifetime value over 12 months at 1 % a month, minor units (after a fit)',
  })
  clvMinor!: number | null;
  @ApiProperty({
    type: [PropensityScoreDto],
    description: 'Propensity to buy per modelled family (empty before a fit)',
  })
  propensity!: PropensityScoreDto[];
  @ApiProperty({ type: [String], nullable: true, description: 'Next best offers (product ids)' })
  recommendations!: string[] | null;
}
