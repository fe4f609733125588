/**
 * `GET /<resource>/{id}/history` for leads, opportunities, quotes, orders and activities: every change of
 * the record (who, when, which fact, what changed in its view), newest first, from its own
 * stream; the roles are the record GET's. Erased personal data reads "[erased]".
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  HistoryPageDto,
  HistoryQuery,
  RecordHistory,
  Roles,
  Tenant,
  type HistoryEntry,
  type Page,
} from '@crm/platform';
import { ActivityErrors } from '../activities/activity.errors';
import { STREAM } from '../infrastructure/streams';
import { LeadErrors } from '../leads/lead.errors';
import { OpportunityErrors } from '../opportunities/opportunity.errors';
import { OrderErrors } from '../orders/order.errors';
import { QuoteErrors } from '../quotes/quote.errors';
import { READERS } from '../shared/roles';
import {
  activityRecord,
  leadRecord,
  opportunityRecord,
  orderRecord,
  quoteRecord,
} from './record-histories';

const DESCRIPTION =
  'Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and ' +
  '`changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person ' +
  'reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.';

type History = Promise<Page<HistoryEntry>>;

// Grouped as history (else Swagger tags the operations with the class name) and by resource.
@ApiTags('history')
@Controller()
@Roles(...READERS)
export class RecordHistoryController {
  constructor(private readonly history: RecordHistory) {}

  @Get('leads/:leadId/history')
  @ApiTags('leads')
  @ApiOperation({ summary: "A lead's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  lead(@Tenant() tenant: string, @Param('leadId') id: string, @Query() q: HistoryQuery): History {
    const stream = { tenant, id: STREAM.lead(id) };
    return this.history.page(leadRecord(), stream, q, LeadErrors.leadNotFound);
  }

  @Get('opportunities/:opportunityId/history')
  @ApiTags('opportunities')
  @ApiOperation({ summary: "An opportunity's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  opportunity(
    @Tenant() tenant: string,
    @Param('opportunityId') id: string,
    @Query() q: HistoryQuery,
  ): History {
    const stream = { tenant, id: STREAM.opportunity(id) };
    return this.history.page(opportunityRecord(), stream, q, OpportunityErrors.opportunityNotFound);
  }

  @Get('quotes/:quoteId/history')
  @ApiTags('quotes')
  @ApiOperation({ summary: "A quote's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  quote(@Tenant() tenant: string, @Param('quoteId') id: string, @Query() q: HistoryQuery): History {
    const stream = { tenant, id: STREAM.quote(id) };
    return this.history.page(quoteRecord(), stream, q, QuoteErrors.quoteNotFound);
  }

  @Get('activities/:activityId/history')
  @ApiTags('activities')
  @ApiOperation({ summary: "An activity's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  activity(
    @Tenant() tenant: string,
    @Param('activityId') id: string,
    @Query() q: HistoryQuery,
  ): History {
    const stream = { tenant, id: STREAM.activity(id) };
    return this.history.page(activityRecord(), stream, q, ActivityErrors.activityNotFound);
  }

  @Get('orders/:orderId/history')
  @ApiTags('orders')
  @ApiOperation({ summary: "An order's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  order(@Tenant() tenant: string, @Param('orderId') id: string, @Query() q: HistoryQuery): History {
    const stream = { tenant, id: STREAM.order(id) };
    return this.history.page(orderRecord(), stream, q, OrderErrors.orderNotFound);
  }
}
