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
      contact_id text,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, quote_id)
    );
    -- For GET /quotes (projection version 4): nullable on a table that may still hold rows; the
    -- rebuild that version bump starts fills them.
    ALTER TABLE ${S}.quotes ADD COLUMN IF NOT EXISTS contact_id text,
      ADD COLUMN IF NOT EXISTS created_at timestamptz;
    CREATE INDEX IF NOT EXISTS quotes_by_opportunity ON ${S}.quotes (tenant, opportunity_id);
    CREATE INDEX IF NOT EXISTS quotes_by_contact ON ${S}.quotes (tenant, contact_id);
    CREATE INDEX IF NOT EXISTS quotes_newest ON ${S}.quotes (tenant, created_at, quote_id);`,
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
    write: async (tx, { tenant, id, state, version, event }) => {
      await tx.query(
        `INSERT INTO ${S}.quotes (tenant, quote_id, opportunity_id, status, currency, total_minor, valid_until, state, version, contact_id, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
         ON CONFLICT (tenant, quote_id) DO UPDATE SET status = $4, currency = $5, total_minor = $6, valid_until = $7, state = $8,
           version = $9, contact_id = $10`,
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
          state.contactId ?? null,
          // Kept from the first event (the upsert leaves it); its time, so a replay agrees.
          event.createdAt,
        ],
      );
    },
  }),
};
