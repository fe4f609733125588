/**
 * Right of access, the sales part: everything sales holds about one person, for the contacts
 * service's subject access request (`GET /contacts/{id}/export` gathers it with the requester's
 * token). By contact id: the leads converted into the contact and the activities logged on them
 * (call notes from before the conversion), the contact's deals, activities, quotes and orders.
 * Read models as stored, personal fields included; erased people's rows are already gone.
 */
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PG_POOL, Roles, Tenant } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { MANAGERS } from '../shared/roles';

type Row = Record<string, unknown>;

@ApiTags('gdpr')
@Controller('subjects/:contactId/personal-data')
@Roles(...MANAGERS)
export class SubjectDataController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({
    summary: 'What sales holds about a contact (right of access; the contacts export gathers it)',
  })
  @ApiOkResponse({
    description: 'Leads, deals, activities, quotes and orders of the person (empty lists if none)',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiProblems(401, 403)
  async personalData(
    @Tenant() tenant: string,
    @Param('contactId') rawContactId: string,
  ): Promise<Record<string, unknown>> {
    const contactId = rawContactId.toLowerCase();
    const rows = async (sql: string, params: unknown[] = [tenant, contactId]) =>
      (await this.pool.query<Row>(sql, params)).rows;
    const leads = await rows(
      `SELECT lead_id, status, source, owner_id, state, captured_at, updated_at
         FROM ${S}.lead_list WHERE tenant = $1 AND contact_id = $2 ORDER BY captured_at`,
    );
    const leadIds = leads.map((l) => l.lead_id);
    return {
      service: 'sales',
      contactId,
      leads,
      opportunities: await rows(
        `SELECT opportunity_id, status, state, created_at, updated_at
           FROM ${S}.deals WHERE tenant = $1 AND contact_id = $2 ORDER BY created_at`,
      ),
      // The contact's own, and those logged on a lead before it became the contact.
      activities: await rows(
        `SELECT activity_id, kind, status, contact_id, lead_id, opportunity_id, state, created_at
           FROM ${S}.activities
          WHERE tenant = $1 AND (contact_id = $2 OR lead_id = ANY($3::text[])) ORDER BY created_at`,
        [tenant, contactId, leadIds],
      ),
      quotes: await rows(
        `SELECT quote_id, opportunity_id, status, state, created_at
           FROM ${S}.quotes WHERE tenant = $1 AND contact_id = $2 ORDER BY created_at`,
      ),
      orders: await rows(
        `SELECT order_id, status, source, opportunity_id, quote_id, currency, total_minor, lines,
                totals, placed_at, updated_at
           FROM ${S}.orders WHERE tenant = $1 AND contact_id = $2 ORDER BY placed_at`,
      ),
    };
  }
}
