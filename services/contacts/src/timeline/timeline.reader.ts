/** Reads of `timeline_entries`, newest first, keyset-paged. */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, ReadModels, type KeysetOrder } from '@crm/platform';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import type { TimelineEntry, TimelinePage } from './timeline.dto';

interface EntryRow {
  entry_id: string;
  source: string;
  kind: string;
  channel: string | null;
  direction: string | null;
  occurred_at: Date;
  occurred_text: string;
  user_id: string | null;
  subject: string | null;
  body: string | null;
  details: Record<string, unknown>;
}

/** A contact's timeline: newest first by occurred_at. */
const TIMELINE_LIST: KeysetOrder = {
  list: 'timeline:-occurred',
  column: 'occurred_at',
  cast: 'timestamptz',
  idColumn: 'entry_id',
  descending: true,
};

function toEntry(r: EntryRow): TimelineEntry {
  return {
    entryId: r.entry_id,
    source: r.source,
    kind: r.kind,
    channel: r.channel,
    direction: r.direction,
    occurredAt: r.occurred_at.toISOString(),
    userId: r.user_id,
    subject: r.subject,
    body: r.body,
    details: r.details,
  };
}

@Injectable()
export class TimelineReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly readModels: ReadModels,
    private readonly cursors: CursorCodec,
  ) {}

  async page(
    tenant: string,
    contactId: string,
    options: { limit: number; cursor?: string; source?: string },
  ): Promise<TimelinePage> {
    await this.readModels.assertReady('contacts.timeline');
    const keyset = new KeysetPage(this.cursors, TIMELINE_LIST, options);
    const params: unknown[] = [tenant, contactId.toLowerCase(), keyset.fetchLimit];
    const where = ['tenant = $1', 'contact_id = $2'];
    if (options.source) where.push(`source = $${params.push(options.source)}`);
    keyset.appendAfter(where, params);
    const { rows } = await this.pool.query<EntryRow>(
      `SELECT entry_id, source, kind, channel, direction, occurred_at, occurred_at::text AS occurred_text, user_id,
              subject, body, details
         FROM ${CONTACTS_SCHEMA}.timeline_entries WHERE ${where.join(' AND ')}
        ORDER BY occurred_at DESC, entry_id DESC LIMIT $3`,
      params,
    );
    return keyset.page(rows, toEntry, (last) => ({ value: last.occurred_text, id: last.entry_id }));
  }

  async all(tenant: string, contactId: string): Promise<TimelineEntry[]> {
    const { rows } = await this.pool.query<EntryRow>(
      `SELECT entry_id, source, kind, channel, direction, occurred_at, occurred_at::text AS occurred_text, user_id,
              subject, body, details
         FROM ${CONTACTS_SCHEMA}.timeline_entries WHERE tenant = $1 AND contact_id = $2 ORDER BY occurred_at DESC, entry_id DESC`,
      [tenant, contactId.toLowerCase()],
    );
    return rows.map(toEntry);
  }
}
