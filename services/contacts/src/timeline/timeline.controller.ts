/** The 360-degree timeline of a contact, newest first, from the timeline read model. */
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PG_POOL, Roles, Tenant } from '@crm/platform';
import type { Pool } from 'pg';
import { contactStreamId } from '../contacts/contact-view';
import { decodeCursor, encodeCursor } from '../directory/cursor';
import { CONTACTS_SCHEMA } from '../infrastructure/tokens';
import { READERS } from '../shared/roles';
import { TimelinePage, TimelineQuery } from './timeline.dto';

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

@ApiTags('timeline')
@Controller('contacts/:id/timeline')
@Roles(...READERS)
export class TimelineController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOkResponse({ type: TimelinePage })
  @ApiProblems(400, 401, 403, 404)
  async timeline(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: TimelineQuery,
  ): Promise<TimelinePage> {
    contactStreamId(id); // 404 for ids that cannot be contacts
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = [tenant, id.toLowerCase(), limit + 1];
    const where = ['tenant = $1', 'contact_id = $2'];
    if (query.source) where.push(`source = $${params.push(query.source)}`);
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
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
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
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ value: last.occurred_text, id: last.entry_id })
          : null,
    };
  }
}
