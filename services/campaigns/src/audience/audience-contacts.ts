/**
 * Writes of a person's profile and consent on audience_contacts (the purchase summary is
 * purchase-history.ts's). One upsert for every path: a fact about a contact whose row does not
 * exist yet (its registration expired from the topic, no state read yet) creates the row with
 * what it carries, consent defaulting to 'unknown' on every channel.
 */
import type { Sql } from './audience-changes';
import { S } from '../infrastructure/read-model-part';
import {
  PROFILE_COLUMNS,
  UNKNOWN_CONSENT,
  type ConsentColumn,
  type ProfilePatch,
} from './contact-profile';

export interface ContactWrite {
  readonly profile: ProfilePatch;
  /** The whole consent column (a registration, a state). */
  readonly consent?: ConsentColumn;
  /** One channel's new decision (consent_changed). */
  readonly consentChange?: { readonly channel: string; readonly status: string };
  readonly registeredAt?: string | null;
  /** The fact's time: updated_at moves to it unless a newer fact was applied. */
  readonly at: string;
}

const JSON_COLUMNS = new Set(['custom_fields']);

export async function upsertAudienceContact(
  tx: Sql,
  tenant: string,
  contactId: string,
  write: ContactWrite,
): Promise<void> {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const column of PROFILE_COLUMNS) {
    if (!(column in write.profile)) continue;
    const value = write.profile[column];
    columns.push(column);
    values.push(JSON_COLUMNS.has(column) ? JSON.stringify(value) : value);
  }
  const updates = columns.map((column) => `${column} = EXCLUDED.${column}`);
  if (write.registeredAt !== undefined) {
    columns.push('registered_at');
    values.push(write.registeredAt);
    updates.push('registered_at = coalesce(EXCLUDED.registered_at, c.registered_at)');
  }
  const initialConsent: Record<string, string> = { ...UNKNOWN_CONSENT, ...write.consent };
  if (write.consentChange) initialConsent[write.consentChange.channel] = write.consentChange.status;
  columns.push('consent', 'updated_at');
  values.push(JSON.stringify(initialConsent), write.at);
  updates.push('updated_at = greatest(c.updated_at, EXCLUDED.updated_at)');
  // Extra parameters only after every column's value, so columns[i] stays $i+3.
  if (write.consent) updates.push('consent = EXCLUDED.consent');
  else if (write.consentChange)
    updates.push(
      `consent = c.consent || jsonb_build_object(${param(values, write.consentChange.channel)}::text, ${param(values, write.consentChange.status)}::text)`,
    );
  const placeholders = columns.map((_, i) => `$${i + 3}`);
  await tx.query(
    `INSERT INTO ${S}.audience_contacts AS c (tenant, contact_id, ${columns.join(', ')})
       VALUES ($1, $2, ${placeholders.join(', ')})
     ON CONFLICT (tenant, contact_id) DO UPDATE SET ${updates.join(', ')}`,
    [tenant, contactId, ...values],
  );
}

/** Appends a value and returns its placeholder (after tenant and contact id, $1 and $2). */
function param(values: unknown[], value: unknown): string {
  values.push(value);
  return `$${values.length + 2}`;
}
