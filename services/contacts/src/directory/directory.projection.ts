/**
 * The directory read model: one row per contact (`contact_list`) and per company
 * (`company_list`), plus the consent history. Answers lists, filters, search and duplicate
 * candidates. A row's `state` is the aggregate folded with the decider's own `evolve`, so the
 * read model can never disagree with the write model about what an event means.
 */
import {
  foldingProjection,
  idOfStream,
  type FoldedRow,
  type Projection,
  type RecordedEvent,
} from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { companyDecider, type CompanyState } from '../companies/company.decider';
import { displayName } from '../contacts/contact';
import { contactDecider, type ContactState } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import type { ConsentEvent } from '../consent/consent.events';
import { toDomainEvent } from '../infrastructure/erased-fields';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

const S = CONTACTS_SCHEMA;

async function writeContactRow(
  tx: PoolClient,
  { tenant, id: contactId, state, version, event }: FoldedRow<ContactState>,
): Promise<void> {
  const companyName = state.companyId
    ? ((
        await tx.query<{ name: string }>(
          `SELECT name FROM ${S}.company_list WHERE tenant = $1 AND company_id = $2`,
          [tenant, state.companyId],
        )
      ).rows[0]?.name ?? null)
    : null;
  const name = displayName(state.name);
  const emails = state.emails.map((e) => e.address);
  const phones = state.phones.map((p) => p.number);
  const searchText = [name, ...emails, ...phones, companyName ?? ''].join(' ').toLowerCase();
  await tx.query(
    `INSERT INTO ${S}.contact_list AS c (tenant, contact_id, display_name, given_name, family_name, primary_email,
        primary_phone, emails, phones, company_id, company_name, owner_id, lifecycle_stage, tags, custom_fields,
        status, survivor_id, state, search_text, version, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$21)
     ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = $3, given_name = $4, family_name = $5,
        primary_email = $6, primary_phone = $7, emails = $8, phones = $9, company_id = $10, company_name = $11,
        owner_id = $12, lifecycle_stage = $13, tags = $14, custom_fields = $15, status = $16, survivor_id = $17,
        state = $18, search_text = $19, version = $20, updated_at = $21`,
    [
      tenant,
      contactId,
      name,
      state.name.given ?? null,
      state.name.family ?? null,
      state.emails.find((e) => e.primary)?.address ?? null,
      state.phones.find((p) => p.primary)?.number ?? null,
      emails,
      phones,
      state.companyId ?? null,
      companyName,
      state.ownerId ?? null,
      state.lifecycleStage,
      state.tags,
      JSON.stringify(state.customFields),
      state.status,
      state.survivorId ?? null,
      JSON.stringify(state),
      searchText,
      version,
      event.metadata.occurredAt,
    ],
  );
  // A contact registered after its consent stream began takes its consent from the history.
  if (event.type === 'ContactRegistered') await seedConsent(event, tx);
}

async function eraseContact(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const contactId = idOfStream(event.streamId);
  await tx.query(`DELETE FROM ${S}.contact_list WHERE tenant = $1 AND contact_id = $2`, [
    event.tenant,
    contactId,
  ]);
  await tx.query(`DELETE FROM ${S}.consent_history WHERE tenant = $1 AND contact_id = $2`, [
    event.tenant,
    contactId,
  ]);
}

async function writeCompanyRow(
  tx: PoolClient,
  { tenant, id: companyId, state, version, event }: FoldedRow<CompanyState>,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.company_list (tenant, company_id, name, domain, industry, size_band, parent_company_id, status,
        state, version, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11)
     ON CONFLICT (tenant, company_id) DO UPDATE SET name = $3, domain = $4, industry = $5, size_band = $6,
        parent_company_id = $7, status = $8, state = $9, version = $10, updated_at = $11`,
    [
      tenant,
      companyId,
      state.name ?? '',
      state.domain ?? null,
      state.industry ?? null,
      state.sizeBand ?? null,
      state.parentCompanyId ?? null,
      state.status,
      JSON.stringify(state),
      version,
      event.metadata.occurredAt,
    ],
  );
  // Contacts carry the company name for search and lists.
  await tx.query(
    `UPDATE ${S}.contact_list SET company_name = $3,
        search_text = lower(concat_ws(' ', display_name, array_to_string(emails, ' '), array_to_string(phones, ' '), $3))
      WHERE tenant = $1 AND company_id = $2 AND company_name IS DISTINCT FROM $3`,
    [tenant, companyId, state.name ?? ''],
  );
}

async function applyConsentEvent(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { type, data } = event as unknown as ConsentEvent;
  const status = type === 'ConsentGranted' ? 'granted' : 'withdrawn';
  const legalBasis = type === 'ConsentGranted' ? data.legalBasis : null;
  await tx.query(
    `INSERT INTO ${S}.consent_history (tenant, contact_id, channel, status, legal_basis, source, decided_at, recorded_at, event_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (event_id) DO NOTHING`,
    [
      event.tenant,
      data.contactId,
      data.channel,
      status,
      legalBasis,
      data.source,
      data.at,
      // When the log recorded the decision (not when this row is written), so a rebuild agrees.
      event.metadata.occurredAt,
      event.id,
    ],
  );
  await tx.query(
    `UPDATE ${S}.contact_list SET consent = consent || jsonb_build_object($3::text, $4::text), updated_at = $5
      WHERE tenant = $1 AND contact_id = $2`,
    [event.tenant, data.contactId, data.channel, status, event.metadata.occurredAt],
  );
}

/** Consent of a contact registered after its consent stream began is taken from the history. */
async function seedConsent(event: RecordedEvent, tx: PoolClient): Promise<void> {
  await tx.query(
    `UPDATE ${S}.contact_list c SET consent = coalesce((
        SELECT jsonb_object_agg(channel, status) FROM (
          SELECT DISTINCT ON (channel) channel, status FROM ${S}.consent_history
           WHERE tenant = $1 AND contact_id = $2 ORDER BY channel, recorded_at DESC, id DESC) latest), '{}')
      WHERE tenant = $1 AND contact_id = $2`,
    [event.tenant, idOfStream(event.streamId)],
  );
}

export const directoryProjection: Projection = {
  name: 'contacts.directory',
  // 2: consent_history.recorded_at and contact_list.updated_at come from the events, not the
  // database clock; the rebuild gives existing read models the same values a replay would.
  version: 2,
  categories: ['contact', 'company', 'consent'],
  handlers: {
    ...foldingProjection({
      table: `${S}.contact_list`,
      idColumn: 'contact_id',
      decider: contactDecider,
      events: {
        ContactRegistered: true,
        ContactDetailsChanged: true,
        ContactOwnerAssigned: true,
        ContactCompanyLinked: true,
        ContactLifecycleStageChanged: true,
        ContactEmailAdded: true,
        ContactEmailRemoved: true,
        ContactPhoneAdded: true,
        ContactPhoneRemoved: true,
        ContactAddressAdded: true,
        ContactAddressRemoved: true,
        ContactTagged: true,
        ContactUntagged: true,
        ContactCustomFieldsChanged: true,
        ContactArchived: true,
        ContactRestored: true,
        ContactDuplicateAbsorbed: true,
        ContactMerged: true,
        ContactErased: eraseContact,
      },
      toDomainEvent: toDomainEvent<ContactEvent>,
      write: writeContactRow,
    }),
    ...foldingProjection({
      table: `${S}.company_list`,
      idColumn: 'company_id',
      decider: companyDecider,
      events: {
        CompanyRegistered: true,
        CompanyDetailsChanged: true,
        CompanyParentChanged: true,
        CompanyAddressAdded: true,
        CompanyAddressRemoved: true,
        CompanyArchived: true,
      },
      write: writeCompanyRow,
    }),
    ConsentGranted: applyConsentEvent,
    ConsentWithdrawn: applyConsentEvent,
  },
  async init(tx) {
    await tx.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS ${S}.contact_list (
        tenant text NOT NULL,
        contact_id text NOT NULL,
        display_name text NOT NULL,
        given_name text,
        family_name text,
        primary_email text,
        primary_phone text,
        emails text[] NOT NULL,
        phones text[] NOT NULL,
        company_id text,
        company_name text,
        owner_id text,
        lifecycle_stage text NOT NULL,
        tags text[] NOT NULL,
        custom_fields jsonb NOT NULL,
        consent jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL,
        survivor_id text,
        state jsonb NOT NULL,
        search_text text NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant, contact_id)
      );
      CREATE INDEX IF NOT EXISTS contact_list_created ON ${S}.contact_list (tenant, created_at, contact_id);
      CREATE INDEX IF NOT EXISTS contact_list_updated ON ${S}.contact_list (tenant, updated_at, contact_id);
      CREATE INDEX IF NOT EXISTS contact_list_name ON ${S}.contact_list (tenant, lower(display_name), contact_id);
      CREATE INDEX IF NOT EXISTS contact_list_tags ON ${S}.contact_list USING gin (tags);
      CREATE INDEX IF NOT EXISTS contact_list_emails ON ${S}.contact_list USING gin (emails);
      CREATE INDEX IF NOT EXISTS contact_list_phones ON ${S}.contact_list USING gin (phones);
      CREATE INDEX IF NOT EXISTS contact_list_search ON ${S}.contact_list USING gin (search);
      CREATE INDEX IF NOT EXISTS contact_list_trgm ON ${S}.contact_list USING gin (search_text gin_trgm_ops);
      CREATE INDEX IF NOT EXISTS contact_list_name_trgm ON ${S}.contact_list USING gin (lower(display_name) gin_trgm_ops);
      CREATE TABLE IF NOT EXISTS ${S}.company_list (
        tenant text NOT NULL,
        company_id text NOT NULL,
        name text NOT NULL,
        domain text,
        industry text,
        size_band text,
        parent_company_id text,
        status text NOT NULL,
        state jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant, company_id)
      );
      CREATE TABLE IF NOT EXISTS ${S}.consent_history (
        id bigserial PRIMARY KEY,
        tenant text NOT NULL,
        contact_id text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        legal_basis text,
        source text NOT NULL,
        decided_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        event_id uuid NOT NULL UNIQUE
      );
      CREATE INDEX IF NOT EXISTS consent_history_contact ON ${S}.consent_history (tenant, contact_id, channel);
    `);
  },
  async reset(tx) {
    await tx.query(
      `DROP TABLE IF EXISTS ${S}.contact_list, ${S}.company_list, ${S}.consent_history`,
    );
  },
};
