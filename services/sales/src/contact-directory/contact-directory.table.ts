/**
 * `contact_directory`: the local copy of contact and company names from crm.contacts.v1 and the
 * contacts state topics, so lists can show names without calling the contacts service. Written by
 * the contacts consumers, not by the projection (it does not come from this service's log), so a
 * rebuild leaves it alone.
 */
import { S, type ReadModelPart } from '../infrastructure/read-model-part';

export const contactDirectoryPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.contact_directory (
      tenant text NOT NULL,
      contact_id text NOT NULL,
      display_name text,
      company_id text,
      merged_into text,
      erased boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, contact_id)
    );
    -- Who owns the relationship in contacts: a customer's quote request goes to them (cpq/).
    -- Rows mirrored before it learn it from the contact's next registration or owner change.
    ALTER TABLE ${S}.contact_directory ADD COLUMN IF NOT EXISTS owner_id text;
    -- A company is known to sales when a mirrored contact works there (known-references.ts).
    CREATE INDEX IF NOT EXISTS contact_directory_by_company ON ${S}.contact_directory (tenant, company_id);
    CREATE TABLE IF NOT EXISTS ${S}.company_directory (
      tenant text NOT NULL,
      company_id text NOT NULL,
      name text,
      PRIMARY KEY (tenant, company_id)
    );
    -- Bootstrap from the state topics (contact-state.consumer.ts): the version and ce_time of the
    -- last state applied, so an older state or an event the state already holds changes nothing;
    -- gone = a tombstone (erased or merged away in contacts; for good, so nothing revives it).
    ALTER TABLE ${S}.contact_directory ADD COLUMN IF NOT EXISTS state_version integer,
      ADD COLUMN IF NOT EXISTS state_at timestamptz,
      ADD COLUMN IF NOT EXISTS gone boolean NOT NULL DEFAULT false;
    ALTER TABLE ${S}.company_directory ADD COLUMN IF NOT EXISTS state_version integer,
      ADD COLUMN IF NOT EXISTS state_at timestamptz,
      ADD COLUMN IF NOT EXISTS updated_at timestamptz,
      ADD COLUMN IF NOT EXISTS gone boolean NOT NULL DEFAULT false;`,
  tables: [],
  handlers: {},
};
