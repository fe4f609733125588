/**
 * `GET /<resource>/{id}/history` for leads, opportunities, quotes, orders and activities: every change of
 * the record (who, when, which fact, what changed in its view), newest first, from its own
 * stream; the roles are the record GET's. Erased personal data reads "[erased]".
 */
import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HistoryQuery,
  HistoryRoute,
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

type History = Promise<Page<HistoryEntry>>;

// Grouped as history (else Swagger tags the operations with the class name) and by resource.
@ApiTags('history')
@Controller()
@Roles(...READERS)
export class RecordHistoryController {
  constructor(private readonly history: RecordHistory) {}

  @HistoryRoute('leads/:leadId/history', 'leads', "A lead's changes, newest first")
  lead(@Tenant() tenant: string, @Param('leadId') id: string, @Query() q: HistoryQuery): History {
    const stream = { tenant, id: STREAM.lead(id) };
    return this.history.page(leadRecord(), stream, q, LeadErrors.leadNotFound);
  }

  @HistoryRoute(
    'opportunities/:opportunityId/history',
    'opportunities',
    "An opportunity's changes, newest first",
  )
  opportunity(
    @Tenant() tenant: string,
    @Param('opportunityId') id: string,
    @Query() q: HistoryQuery,
  ): History {
    const stream = { tenant, id: STREAM.opportunity(id) };
    return this.history.page(opportunityRecord(), stream, q, OpportunityErrors.opportunityNotFound);
  }

  @HistoryRoute('quotes/:quoteId/history', 'quotes', "A quote's changes, newest first")
  quote(@Tenant() tenant: string, @Param('quoteId') id: string, @Query() q: HistoryQuery): History {
    const stream = { tenant, id: STREAM.quote(id) };
    return this.history.page(quoteRecord(), stream, q, QuoteErrors.quoteNotFound);
  }

  @HistoryRoute(
    'activities/:activityId/history',
    'activities',
    "An activity's changes, newest first",
  )
  activity(
    @Tenant() tenant: string,
    @Param('activityId') id: string,
    @Query() q: HistoryQuery,
  ): History {
    const stream = { tenant, id: STREAM.activity(id) };
    return this.history.page(activityRecord(), stream, q, ActivityErrors.activityNotFound);
  }

  @HistoryRoute('orders/:orderId/history', 'orders', "An order's changes, newest first")
  order(@Tenant() tenant: string, @Param('orderId') id: string, @Query() q: HistoryQuery): History {
    const stream = { tenant, id: STREAM.order(id) };
    return this.history.page(orderRecord(), stream, q, OrderErrors.orderNotFound);
  }
}
