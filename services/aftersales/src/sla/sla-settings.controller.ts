/** A tenant's SLA settings: business calendar and targets per priority (GET / PUT /sla-settings). */
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CLOCK, PG_POOL, Roles, Tenant, type Clock } from '@crm/platform';
import { Allow } from 'class-validator';
import type { Pool } from 'pg';
import { MANAGERS, READERS } from '../shared/roles';
import {
  parseSlaSettings,
  readSlaSettings,
  writeSlaSettings,
  type SlaSettings,
} from './sla-settings';

export class SlaSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "{ timeZone (IANA), workingHours: { mon: [{ from: '08:00', to: '17:00' }], ... }, holidays: ['YYYY-MM-DD'] }",
  })
  @Allow()
  calendar!: unknown;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      '{ urgent|high|normal|low: { firstResponseMinutes, resolutionMinutes } } in business minutes; default 30/480, 120/960, 480/2400, 960/4800',
  })
  @Allow()
  policy?: unknown;
}

@ApiTags('sla')
@Controller('sla-settings')
export class SlaSettingsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: "The tenant's SLA calendar and targets (default: 24x7 UTC)" })
  @ApiOkResponse({ type: SlaSettingsDto })
  @ApiProblems(401, 403)
  get(@Tenant() tenant: string): Promise<SlaSettings> {
    return readSlaSettings(this.pool, tenant);
  }

  @Put()
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: "Set the tenant's SLA calendar and targets (open cases' clocks follow)",
  })
  @ApiOkResponse({ type: SlaSettingsDto })
  @ApiProblems(400, 401, 403, 422)
  put(@Tenant() tenant: string, @Body() dto: SlaSettingsDto): Promise<SlaSettings> {
    return writeSlaSettings(this.pool, tenant, parseSlaSettings(dto), this.clock.now());
  }
}
