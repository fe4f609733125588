/**
 * Previews: a saved template (current or a given version) or an unsaved draft rendered for one
 * audience contact of the caller's tenant (another tenant's contact is unknown: 404), or for the
 * catalogue's examples when a draft names no contact. Links are placeholders (the sender makes
 * the real ones per message) and the campaign is unnamed; nothing is stored.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { TemplateErrors } from './template.errors';
import type { TemplateContent } from './template-content';
import { renderMessage, type RenderedMessage } from './template-rendering';
import {
  exampleVariables,
  offerVariables,
  type MessageVariables,
  type OfferInput,
} from './template-variables';

interface AudienceRow {
  contact_id: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  lifecycle_stage: string | null;
  time_zone: string | null;
  country: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  company_id: string | null;
}

/** The contact members of the variables, from the audience row. */
export function contactVariables(row: AudienceRow): MessageVariables['contact'] {
  return {
    id: row.contact_id,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    lifecycleStage: row.lifecycle_stage,
    timeZone: row.time_zone,
    country: row.country,
    tags: row.tags,
    customFields: row.custom_fields,
    company: { id: row.company_id },
  };
}

const PREVIEW_LINKS: MessageVariables['links'] = exampleVariables().links;

@Injectable()
export class TemplatePreview {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async render(
    tenant: string,
    content: TemplateContent,
    target: { contactId?: string; offer?: OfferInput },
  ): Promise<RenderedMessage> {
    const examples = exampleVariables();
    const contact =
      target.contactId === undefined
        ? examples.contact
        : await this.contact(tenant, target.contactId);
    const variables: MessageVariables = {
      contact,
      offer: target.offer ? offerVariables(target.offer) : examples.offer,
      campaign: { id: null, name: null },
      links: PREVIEW_LINKS,
      // The CRM keeps no display name per tenant: its id stands in.
      tenant: { id: tenant, name: tenant },
    };
    return renderMessage({ content }, variables);
  }

  private async contact(tenant: string, contactId: string): Promise<MessageVariables['contact']> {
    const { rows } = await this.pool.query<AudienceRow>(
      `SELECT contact_id, display_name, email, phone, lifecycle_stage, time_zone, country, tags,
              custom_fields, company_id
         FROM ${S}.audience_contacts WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
    if (!rows[0]) throw TemplateErrors.previewContactNotFound();
    return contactVariables(rows[0]);
  }
}
