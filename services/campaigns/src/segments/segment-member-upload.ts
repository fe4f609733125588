/**
 * A static segment's upload, by contact ids and/or emails, resolved against the audience at
 * upload time: ids must be audience contacts, emails are matched (any case) to the contacts that
 * hold them. Whatever the audience does not know is left out of the list and reported back, never
 * silently dropped; the log only ever sees contact ids.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';

export interface ResolvedUpload {
  readonly contactIds: string[];
  readonly received: number;
  readonly unknownContactIds: string[];
  readonly unknownEmails: string[];
}

@Injectable()
export class SegmentMemberUpload {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async resolve(
    tenant: string,
    upload: { contactIds?: string[]; emails?: string[] },
  ): Promise<ResolvedUpload> {
    const ids = [...new Set((upload.contactIds ?? []).map((id) => id.trim()).filter(Boolean))];
    const emails = [
      ...new Set((upload.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean)),
    ];
    const found = new Set<string>();
    const listed = new Set<string>();
    if (ids.length) {
      const { rows } = await this.pool.query<{ contact_id: string }>(
        `SELECT contact_id FROM ${S}.audience_contacts WHERE tenant = $1 AND contact_id = ANY($2::text[])`,
        [tenant, ids],
      );
      for (const r of rows) {
        found.add(r.contact_id);
        listed.add(r.contact_id);
      }
    }
    const matchedEmails = new Set<string>();
    if (emails.length) {
      const { rows } = await this.pool.query<{ contact_id: string; email: string }>(
        `SELECT contact_id, lower(email) AS email FROM ${S}.audience_contacts
          WHERE tenant = $1 AND lower(email) = ANY($2::text[])`,
        [tenant, emails],
      );
      for (const r of rows) {
        matchedEmails.add(r.email);
        listed.add(r.contact_id);
      }
    }
    return {
      contactIds: [...listed],
      received: ids.length + emails.length,
      unknownContactIds: ids.filter((id) => !found.has(id)),
      unknownEmails: emails.filter((e) => !matchedEmails.has(e)),
    };
  }
}
