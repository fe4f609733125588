/** Reads of `timeline_entries`, newest first, keyset-paged. */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, PG_POOL, ReadModels } from '@crm/platform';
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

/** What a timeline cursor is made for: newest first by occurred_at (see CursorCodec). */
const TIMELINE_LIST = 'timeline:-occurred';

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
    const cursor = this.cursors.decode(TIMELINE_LIST, options.cursor);
    const params: unknown[] = [tenant, contactId.toLowerCase(), options.limit + 1];
    const where = ['tenant = $1', 'contact_id = $2'];
    if (options.source) where.push(`source = $${params.push(options.source)}`);
    if (cursor)
      where.push(
        `(occurred_at, entry_id) < ($${params.push(cursor.value)}::timestamptz, $${params.push(cursor.id)})`,
      );
    const { rows } = await this.pool.query<EntryRow>(
      `SELECT entry_id, source, kind, channel, direction, occurred_at, occurred_at::text AS occurred_text, user_id,
              subject, body, details
         FROM ${CONTACTS_SCHEMA}.timeline_entries WHERE ${where.join(' AND ')}
        ORDER BY occurred_at DESC, entry_id DESC LIMIT $3`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toEntry),
      nextCursor:
        rows.length > options.limit && last
          ? this.cursors.encode(TIMELINE_LIST, { value: last.occurred_text, id: last.entry_id })
          : null,
    };
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
