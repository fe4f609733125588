import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { quoteTotals, type QuoteState } from './quote.decider';
import type { QuoteDto } from './quote.dto';

@Injectable()
export class QuoteQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The quote as JSON: lines with their arithmetic, and the totals (minor units). */
  async get(tenant: string, quoteId: string): Promise<QuoteDto | undefined> {
    const { rows } = await this.pool.query<{ state: QuoteState; version: number }>(
      `SELECT state, version FROM ${S}.quotes WHERE tenant = $1 AND quote_id = $2`,
      [tenant, quoteId],
    );
    if (!rows[0]) return undefined;
    const s = rows[0].state;
    const totals = quoteTotals(s);
    return {
      id: s.quoteId,
      quoteId: s.quoteId,
      opportunityId: s.opportunityId,
      ...(s.contactId ? { contactId: s.contactId } : {}),
      ...(s.companyId ? { companyId: s.companyId } : {}),
      status: s.status,
      currency: s.currency,
      taxRateBps: s.taxRateBps,
      discountBps: s.discountBps,
      validUntil: s.validUntil,
      lines: s.lines.map((line, i) => ({
        ...line,
        options: [...line.options],
        grossMinor: totals.lines[i].grossMinor,
        discountMinor: totals.lines[i].discountMinor,
        netMinor: totals.lines[i].netMinor,
      })),
      totals: {
        subtotalMinor: totals.subtotalMinor,
        discountMinor: totals.discountMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
      },
      ...(s.orderId ? { orderId: s.orderId } : {}),
      version: rows[0].version,
    };
  }
}
