/**
 * The membership engine's own tables, written in the same transaction as the membership events
 * (so they are never behind the log, unlike the read models): the decider state of each contact
 * (its stream version, whether it is closed, its current memberships), which segment version was
 * last evaluated, and which duplicate was merged into which survivor (static lists name the
 * duplicate; its memberships move to the survivor). Ids and rule paths only. Not a projection:
 * a read-model rebuild must not empty them (they are the write side's state).
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';

export const MEMBERSHIP_DDL = `
CREATE TABLE IF NOT EXISTS ${S}.membership_contacts (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  closed_reason text,
  merged_into text,
  PRIMARY KEY (tenant, contact_id)
);
CREATE TABLE IF NOT EXISTS ${S}.membership_current (
  tenant text NOT NULL,
  segment_id text NOT NULL,
  contact_id text NOT NULL,
  segment_name text NOT NULL,
  kind text NOT NULL,
  rule_version integer NOT NULL,
  joined_at timestamptz NOT NULL,
  why jsonb NOT NULL,
  PRIMARY KEY (tenant, segment_id, contact_id)
);
CREATE INDEX IF NOT EXISTS membership_current_contact
  ON ${S}.membership_current (tenant, contact_id);
CREATE TABLE IF NOT EXISTS ${S}.segment_evaluations (
  tenant text NOT NULL,
  segment_id text NOT NULL,
  rule_version integer NOT NULL,
  status text NOT NULL,
  evaluated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, segment_id)
);
CREATE TABLE IF NOT EXISTS ${S}.membership_merges (
  tenant text NOT NULL,
  duplicate_id text NOT NULL,
  survivor_id text NOT NULL,
  PRIMARY KEY (tenant, duplicate_id)
);
CREATE INDEX IF NOT EXISTS membership_merges_survivor
  ON ${S}.membership_merges (tenant, survivor_id);
`;

/** Creates the tables under an advisory lock (concurrent CREATE IF NOT EXISTS is not safe). */
export async function migrateMembershipTables(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.campaigns.membership-migrate'))`);
    await tx.query(MEMBERSHIP_DDL);
  });
}
