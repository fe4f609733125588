/**
 * `timeline_entries`: one row per (entry, contact) for the 360-degree timeline. Entries come from
 * this service's interactions and, through the integration consumers, from other services
 * (sales activities and orders, campaign messages). Merges re-point rows to the survivor;
 * erasure deletes the person's rows and takes their id out of everyone else's participants.
 */
import { idOfStream, type Projection, type RecordedEvent } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import type { ContactEvent } from '../contacts/contact.events';
import { blankErasedFields } from '../infrastructure/erased-fields';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import type { InteractionEvent } from '../interactions/interaction.events';

const S = CONTACTS_SCHEMA;

export interface TimelineEntryRow {
  readonly tenant: string;
  readonly entryId: string;
  readonly contactId: string;
  /** `contacts`, `sales`, `campaigns`: who recorded it. */
  readonly source: string;
  readonly kind: string;
  readonly channel: string | null;
  readonly direction: string | null;
  readonly occurredAt: string;
  readonly userId: string | null;
  readonly subject: string | null;
  readonly body: string | null;
  readonly details: Record<string, unknown>;
}

export async function upsertTimelineEntry(
  tx: Pick<PoolClient, 'query'>,
  row: TimelineEntryRow,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.timeline_entries (tenant, entry_id, contact_id, source, kind, channel, direction, occurred_at,
        user_id, subject, body, details)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     ON CONFLICT (tenant, entry_id, contact_id) DO UPDATE SET kind = $5, channel = $6, direction = $7,
        occurred_at = $8, user_id = $9, subject = $10, body = $11, details = $12`,
    [
      row.tenant,
      row.entryId,
      row.contactId,
      row.source,
      row.kind,
      row.channel,
      row.direction,
      row.occurredAt,
      row.userId,
      row.subject,
      row.body,
      JSON.stringify(row.details),
    ],
  );
}

async function interactionLogged(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { data } = blankErasedFields(event as unknown as InteractionEvent) as Extract<
    InteractionEvent,
    { type: 'InteractionLogged' }
  >;
  for (const contactId of data.contactIds) {
    await upsertTimelineEntry(tx, {
      tenant: event.tenant,
      entryId: data.interactionId,
      contactId,
      source: 'contacts',
      kind: data.kind,
      channel: data.channel,
      direction: data.direction ?? null,
      occurredAt: data.occurredAt,
      userId: data.userId ?? null,
      subject: data.subject ?? null,
      body: data.body ?? null,
      details: {
        ...(data.call ? { call: data.call } : {}),
        ...(data.feedback ? { feedback: data.feedback } : {}),
        participants: data.contactIds,
      },
    });
  }
}

/** Deleted by mistake: the entry leaves every participant's timeline. */
async function interactionDeleted(event: RecordedEvent, tx: PoolClient): Promise<void> {
  await tx.query(`DELETE FROM ${S}.timeline_entries WHERE tenant = $1 AND entry_id = $2`, [
    event.tenant,
    idOfStream(event.streamId),
  ]);
}

async function interactionReassigned(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { from, to } = event.data as Extract<
    InteractionEvent,
    { type: 'InteractionContactReassigned' }
  >['data'];
  await repoint(tx, event.tenant, from, to, `AND entry_id = $4`, [idOfStream(event.streamId)]);
}

async function interactionRedacted(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { contactId, contentRemoved } = event.data as Extract<
    InteractionEvent,
    { type: 'InteractionRedacted' }
  >['data'];
  const entryId = idOfStream(event.streamId);
  await tx.query(
    `DELETE FROM ${S}.timeline_entries WHERE tenant = $1 AND entry_id = $2 AND contact_id = $3`,
    [event.tenant, entryId, contactId],
  );
  await forgetParticipant(tx, event.tenant, contactId, `AND entry_id = $3`, [entryId]);
  if (contentRemoved) {
    await tx.query(
      `UPDATE ${S}.timeline_entries SET subject = NULL, body = NULL, details = '{}' WHERE tenant = $1 AND entry_id = $2`,
      [event.tenant, entryId],
    );
  }
}

/** Takes `contactId` out of `details.participants` of the rows that name it (an erased person). */
async function forgetParticipant(
  tx: PoolClient,
  tenant: string,
  contactId: string,
  extra = '',
  params: unknown[] = [],
): Promise<void> {
  await tx.query(
    `UPDATE ${S}.timeline_entries
        SET details = jsonb_set(details, '{participants}',
              (SELECT coalesce(jsonb_agg(p), '[]') FROM jsonb_array_elements(details -> 'participants') p
                WHERE p <> to_jsonb($2::text)))
      WHERE tenant = $1 AND jsonb_typeof(details -> 'participants') = 'array'
        AND details -> 'participants' ? $2 ${extra}`,
    [tenant, contactId, ...params],
  );
}

/** Moves `from`'s rows to `to`, dropping the ones `to` already has (same entry twice). */
async function repoint(
  tx: PoolClient,
  tenant: string,
  from: string,
  to: string,
  extra = '',
  params: unknown[] = [],
): Promise<void> {
  await tx.query(
    `DELETE FROM ${S}.timeline_entries t WHERE tenant = $1 AND contact_id = $2 ${extra}
        AND EXISTS (SELECT 1 FROM ${S}.timeline_entries o WHERE o.tenant = t.tenant AND o.entry_id = t.entry_id AND o.contact_id = $3)`,
    [tenant, from, to, ...params],
  );
  await tx.query(
    `UPDATE ${S}.timeline_entries SET contact_id = $3 WHERE tenant = $1 AND contact_id = $2 ${extra}`,
    [tenant, from, to, ...params],
  );
}

/**
 * The table's DDL, idempotent. Run by the projection and by the sales consumers before they
 * listen (a state read at start-up must not find the state columns missing); the advisory lock
 * keeps two concurrent runs from racing on CREATE TABLE, so it needs a transaction.
 */
export async function createTimelineTable(tx: Pick<PoolClient, 'query'>): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('${S}.timeline_entries'))`);
  await tx.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
  await tx.query(`
    CREATE TABLE IF NOT EXISTS ${S}.timeline_entries (
      tenant text NOT NULL,
      entry_id text NOT NULL,
      contact_id text NOT NULL,
      source text NOT NULL,
      kind text NOT NULL,
      channel text,
      direction text,
      occurred_at timestamptz NOT NULL,
      user_id text,
      subject text,
      body text,
      details jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (tenant, entry_id, contact_id)
    );
    CREATE INDEX IF NOT EXISTS timeline_by_contact ON ${S}.timeline_entries (tenant, contact_id, occurred_at DESC, entry_id DESC);
    -- Entries written from sales' state topics (sales-timeline-states.ts): the version and ce_time
    -- of the last state applied, and the newest fact's time from either path, so an older event
    -- or an older state arriving later changes nothing. Null for entries of events only.
    ALTER TABLE ${S}.timeline_entries ADD COLUMN IF NOT EXISTS state_version integer,
      ADD COLUMN IF NOT EXISTS state_at timestamptz,
      ADD COLUMN IF NOT EXISTS fact_at timestamptz;
  `);
}

export const timelineProjection: Projection = {
  name: 'contacts.timeline',
  // 2: erasure also removes the person from other entries' participants (a rebuild applies it).
  version: 2,
  categories: ['interaction', 'contact'],
  handlers: {
    InteractionLogged: interactionLogged,
    // A correction carries the whole record for the same participants: the rows are rewritten.
    InteractionCorrected: interactionLogged,
    InteractionDeleted: interactionDeleted,
    InteractionContactReassigned: interactionReassigned,
    InteractionRedacted: interactionRedacted,
    // Entries other services published about the duplicate follow it to the survivor.
    ContactMerged: async (event, tx) => {
      const { survivorId } = event.data as Extract<ContactEvent, { type: 'ContactMerged' }>['data'];
      await repoint(tx, event.tenant, idOfStream(event.streamId), survivorId);
    },
    ContactErased: async (event, tx) => {
      const contactId = idOfStream(event.streamId);
      await tx.query(`DELETE FROM ${S}.timeline_entries WHERE tenant = $1 AND contact_id = $2`, [
        event.tenant,
        contactId,
      ]);
      // Entries the redactions did not reach (other sources) must not name the person either.
      await forgetParticipant(tx, event.tenant, contactId);
    },
  },
  async init(tx) {
    await createTimelineTable(tx);
  },
  async reset(tx) {
    // Entries from other services are not in this log: only this service's own rows are rebuilt.
    await timelineProjection.init(tx);
    await tx.query(`DELETE FROM ${S}.timeline_entries WHERE source = 'contacts'`);
  },
};
