/** The customer touchpoint's list filters (the contact is the token's subject, never a filter). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { CASE_STATUSES } from '../cases/case.events';

const WARRANTY_STATUSES = [
  'in_warranty',
  'expired',
  'not_yet_delivered',
  'none',
  'retired',
] as const;

export class ListMyAssetsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: WARRANTY_STATUSES })
  @IsOptional()
  @IsIn(WARRANTY_STATUSES)
  warrantyStatus?: (typeof WARRANTY_STATUSES)[number];
}

export class ListMyCasesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
}
