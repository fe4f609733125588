import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { PostalAddressDto } from '../contacts/contact.dto';
import { COMPANY_SIZE_BANDS } from './company';

export class CreateCompanyDto {
  @ApiProperty({ example: 'Analytical Engines Ltd', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional({ example: 'engines.example', maxLength: 253 })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;
  @ApiPropertyOptional({ example: 'Computing', maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  industry?: string;
  @ApiPropertyOptional({ enum: COMPANY_SIZE_BANDS })
  @IsOptional()
  @IsIn(COMPANY_SIZE_BANDS)
  sizeBand?: (typeof COMPANY_SIZE_BANDS)[number];

  @ApiPropertyOptional({ type: [PostalAddressDto], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PostalAddressDto)
  addresses?: PostalAddressDto[];

  @ApiPropertyOptional({ description: 'Parent company id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCompanyId?: string;
}

export class UpdateCompanyDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 253 })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  industry?: string | null;
  @ApiPropertyOptional({ enum: COMPANY_SIZE_BANDS, nullable: true })
  @IsOptional()
  @IsIn(COMPANY_SIZE_BANDS)
  sizeBand?: (typeof COMPANY_SIZE_BANDS)[number] | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCompanyId?: string | null;
}

export class ListCompaniesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ description: 'Name prefix or domain' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CompanyView {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() domain?: string;
  @ApiPropertyOptional() industry?: string;
  @ApiPropertyOptional({ enum: COMPANY_SIZE_BANDS }) sizeBand?: string;
  @ApiProperty({ type: [PostalAddressDto] }) addresses!: PostalAddressDto[];
  @ApiPropertyOptional() parentCompanyId?: string;
}

export class CompanyPage {
  @ApiProperty({ type: [CompanyView] }) items!: CompanyView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
