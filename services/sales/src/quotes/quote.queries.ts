import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, type KeysetOrder } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { quoteTotals, type QuoteState } from './quote.decider';
import type { ListQuotesQuery, QuoteDto, QuotePage } from './quote.dto';

/** Quotes newest first by created_at. */
const QUOTE_LIST: KeysetOrder = {
  list: 'quotes:-createdAt',
  column: 'created_at',
  cast: 'timestamptz',
  idColumn: 'quote_id',
  descending: true,
};

@Injectable()
export class QuoteQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  /** The quote as JSON: lines with their arithmetic, and the totals (minor units). */
  async get(tenant: string, quoteId: string): Promise<QuoteDto | undefined> {
    const { rows } = await this.pool.query<{ state: QuoteState; version: number }>(
      `SELECT state, version FROM ${S}.quotes WHERE tenant = $1 AND quote_id = $2`,
      [tenant, quoteId],
    );
    return rows[0] && toDto(rows[0].state, rows[0].version);
  }

  /** The quotes of a deal and/or contact (both given must match), newest first. */
  async list(tenant: string, q: ListQuotesQuery): Promise<QuotePage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (q.opportunityId) where.push(`opportunity_id = ${bind(q.opportunityId)}`);
    if (q.contactId) where.push(`contact_id = ${bind(q.contactId)}`);
    const keyset = new KeysetPage(this.cursors, QUOTE_LIST, q);
    keyset.appendAfter(where, params);
    const { rows } = await this.pool.query<{
      state: QuoteState;
      version: number;
      quote_id: string;
      created_text: string;
    }>(
      `SELECT state, version, quote_id, created_at::text AS created_text FROM ${S}.quotes
        WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, quote_id DESC
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(
      rows,
      (row) => toDto(row.state, row.version),
      (last) => ({ value: last.created_text, id: last.quote_id }),
    );
  }
}

/** GET /quotes/:id from the folded state (also the quote's state-topic value). */
export function toDto(s: QuoteState, version: number): QuoteDto {
  const totals = quoteTotals(s);
  return {
    id: s.quoteId,
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
    version,
  };
}
