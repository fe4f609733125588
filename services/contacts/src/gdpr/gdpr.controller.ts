import { Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Caller, Roles, Tenant, type CommandCaller } from '@crm/platform';
import { MANAGERS } from '../shared/roles';
import { EraseService } from './erase.service';
import { ExportService } from './export.service';

@ApiTags('gdpr')
@Controller('contacts/:id')
@Roles(...MANAGERS)
export class GdprController {
  constructor(
    private readonly erasure: EraseService,
    private readonly exports: ExportService,
  ) {}

  @Post('erase')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Erased (idempotent): personal data shredded in the log, read models purged',
    schema: {
      type: 'object',
      properties: { erased: { type: 'array', items: { type: 'string' } } },
    },
  })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: "Erase a contact's personal data (GDPR right to erasure)" })
  async erase(
    // Erasure spans every stream of the person: no single version for If-Match to name.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('id') id: string,
  ): Promise<{ erased: string[] }> {
    return { erased: await this.erasure.erase(caller, id) };
  }

  @Get('export')
  @ApiOkResponse({
    description:
      'Everything the CRM holds about the person (right of access): this service`s record, ' +
      'consent, timeline and events, and under `services` what each configured service holds ' +
      '(sales: leads, deals, activities with notes, quotes, orders), asked with the same token',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiProblems(401, 403, 404, 410, 502)
  @ApiOperation({ summary: 'Export all data held about a contact (GDPR subject access)' })
  export(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Headers('authorization') authorization: string,
  ): Promise<Record<string, unknown>> {
    return this.exports.export(tenant, id, authorization);
  }
}
