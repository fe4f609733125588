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
  AUDIENCE_CONTACT_COLUMNS,
  contactVariables,
  exampleVariables,
  offerVariables,
  type AudienceContactRow,
  type MessageVariables,
  type OfferInput,
} from './template-variables';

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
    const { rows } = await this.pool.query<AudienceContactRow>(
      `SELECT ${AUDIENCE_CONTACT_COLUMNS}
         FROM ${S}.audience_contacts WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
    if (!rows[0]) throw TemplateErrors.previewContactNotFound();
    return contactVariables(rows[0]);
  }
}
