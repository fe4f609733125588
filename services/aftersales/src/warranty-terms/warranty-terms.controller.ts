/** Warranty terms per product: `PUT /warranty-terms/{productId}` sets them, GET reads them. */
import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CLOCK, PG_POOL, Roles, Tenant, type Clock } from '@crm/platform';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Pool } from 'pg';
import { WarrantyTermsErrors } from './warranty-terms.errors';
import { MANAGERS, READERS } from '../shared/roles';
import { readWarrantyTerms, writeWarrantyTerms, type WarrantyTerms } from './warranty-terms';
import { productIdOf } from '../shared/ids';

export class WarrantyTermsDto {
  @ApiProperty({
    description: 'Months of cover from the delivery day (0: none)',
    minimum: 0,
    maximum: 240,
  })
  @IsInt()
  @Min(0)
  @Max(240)
  months!: number;
  @ApiPropertyOptional({ description: 'What is covered', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  covers?: string;
}

export class WarrantyTermsView {
  @ApiProperty() productId!: string;
  @ApiProperty() months!: number;
  @ApiProperty({ type: String, nullable: true }) covers!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

@ApiTags('warranty terms')
@Controller('warranty-terms')
export class WarrantyTermsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put(':productId')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: "Set a product's warranty terms (units delivered from now on get them)",
  })
  @ApiOkResponse({ type: WarrantyTermsView })
  @ApiProblems(400, 401, 403)
  put(
    @Tenant() tenant: string,
    @Param('productId') raw: string,
    @Body() dto: WarrantyTermsDto,
  ): Promise<WarrantyTerms> {
    const productId = productIdOf(raw);
    return writeWarrantyTerms(
      this.pool,
      tenant,
      { productId, months: dto.months, covers: dto.covers ?? null },
      this.clock.now(),
    );
  }

  @Get(':productId')
  @Roles(...READERS)
  @ApiOperation({ summary: "A product's warranty terms (404: none set, i.e. no warranty)" })
  @ApiOkResponse({ type: WarrantyTermsView })
  @ApiProblems(401, 403, 404)
  async get(@Tenant() tenant: string, @Param('productId') raw: string): Promise<WarrantyTerms> {
    const terms = await readWarrantyTerms(this.pool, tenant, productIdOf(raw));
    if (!terms) throw WarrantyTermsErrors.warrantyTermsNotFound();
    return terms;
  }
}
