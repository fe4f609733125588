/** `quotes`: each quote's state (lines, terms) for GET /quotes/:id; totals are computed on read. */
import { foldingProjection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { quoteDecider, quoteTotals } from './quote.decider';

export const quotePart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.quotes (
      tenant text NOT NULL,
      quote_id text NOT NULL,
      opportunity_id text NOT NULL,
      status text NOT NULL,
      currency text NOT NULL,
      total_minor bigint NOT NULL,
      valid_until date NOT NULL,
      state jsonb NOT NULL,
      version int NOT NULL,
      PRIMARY KEY (tenant, quote_id)
    );
    CREATE INDEX IF NOT EXISTS quotes_by_opportunity ON ${S}.quotes (tenant, opportunity_id);`,
  tables: ['quotes'],
  handlers: foldingProjection({
    table: `${S}.quotes`,
    idColumn: 'quote_id',
    decider: quoteDecider,
    events: {
      QuoteDrafted: true,
      QuoteLineAdded: true,
      QuoteLineChanged: true,
      QuoteLineRemoved: true,
      QuoteDiscountSet: true,
      QuoteTermsChanged: true,
      QuoteSent: true,
      QuoteAccepted: true,
      QuoteRejected: true,
      QuoteExpired: true,
    },
    write: async (tx, { tenant, id, state, version }) => {
      await tx.query(
        `INSERT INTO ${S}.quotes (tenant, quote_id, opportunity_id, status, currency, total_minor, valid_until, state, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (tenant, quote_id) DO UPDATE SET status = $4, currency = $5, total_minor = $6, valid_until = $7, state = $8, version = $9`,
        [
          tenant,
          id,
          state.opportunityId,
          state.status,
          state.currency,
          quoteTotals(state).totalMinor,
          state.validUntil,
          JSON.stringify(state),
          version,
        ],
      );
    },
  }),
};
