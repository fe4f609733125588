/**
 * `crm.contacts.v1`: what the contacts service tells everyone else. Payloads carry ids and the
 * few fields other services keep locally (a display name for lists, the primary email campaigns
 * send to); the rest of a person's data stays in the contacts service. Every consumer that keeps
 * a copy must delete it on `contact.erased`.
 */
import { defineIntegrationEvent } from './integration-event';
import { id, list, nullable, object, oneOf, text, timestamp } from './json-schema';

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'opportunity',
  'customer',
  'churned',
] as const;
export const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export const INTERACTION_KINDS = [
  'call',
  'email',
  'sms',
  'meeting',
  'note',
  'chat',
  'feedback',
] as const;

const contactId = id('Contact id (the aggregate id)');
const companyId = id('Company id');
const lifecycleStage = oneOf(LIFECYCLE_STAGES, 'Lifecycle stage');
const email = { type: 'string', format: 'email', maxLength: 320, description: 'Primary email' };
const phone = {
  type: 'string',
  pattern: '^\\+[1-9][0-9]{6,14}$',
  description: 'Primary phone, E.164',
};

export interface ContactRegisteredV1 {
  contactId: string;
  displayName: string;
  lifecycleStage: (typeof LIFECYCLE_STAGES)[number];
  companyId?: string | null;
  ownerId?: string | null;
  primaryEmail?: string | null;
  primaryPhone?: string | null;
  tags?: string[];
}

export const ContactRegistered = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'registered',
  summary: 'A person was added to the CRM.',
  schema: object(
    {
      contactId,
      displayName: text('Name shown in lists', 300),
      lifecycleStage,
      companyId: nullable(companyId),
      ownerId: nullable(id('User who owns the relationship')),
      primaryEmail: nullable(email),
      primaryPhone: nullable(phone),
      tags: list(text('Tag', 100), 'Tags'),
    },
    ['contactId', 'displayName', 'lifecycleStage'],
  ),
});

export interface ContactDetailsChangedV1 {
  contactId: string;
  /** Names of the fields that changed, including ones not carried here (e.g. `addresses`). */
  changed: string[];
  displayName?: string;
  lifecycleStage?: (typeof LIFECYCLE_STAGES)[number];
  companyId?: string | null;
  ownerId?: string | null;
  primaryEmail?: string | null;
  primaryPhone?: string | null;
  tags?: string[];
}

export const ContactDetailsChanged = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'details_changed',
  summary: 'Fields of a contact changed; the published ones carry their new value.',
  schema: object(
    {
      contactId,
      changed: list(text('Field name', 100), 'Names of the changed fields'),
      displayName: text('Name shown in lists', 300),
      lifecycleStage,
      companyId: nullable(companyId),
      ownerId: nullable(id('User who owns the relationship')),
      primaryEmail: nullable(email),
      primaryPhone: nullable(phone),
      tags: list(text('Tag', 100), 'Tags'),
    },
    ['contactId', 'changed'],
  ),
});

export interface ContactConsentChangedV1 {
  contactId: string;
  channel: (typeof CONSENT_CHANNELS)[number];
  status: 'granted' | 'withdrawn';
  legalBasis: string;
  source: string;
  changedAt: string;
}

export const ContactConsentChanged = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'consent_changed',
  summary: 'Consent for one channel was granted or withdrawn. Campaigns must honour it at once.',
  schema: object(
    {
      contactId,
      channel: oneOf(CONSENT_CHANNELS, 'Channel'),
      status: oneOf(['granted', 'withdrawn'], 'New consent status'),
      legalBasis: text('GDPR legal basis, e.g. consent, contract', 100),
      source: text('Where the decision came from, e.g. web_form, customer_portal', 200),
      changedAt: timestamp('When the person made the decision'),
    },
    ['contactId', 'channel', 'status', 'legalBasis', 'source', 'changedAt'],
  ),
});

export interface ContactInteractionLoggedV1 {
  contactId: string;
  interactionId: string;
  kind: (typeof INTERACTION_KINDS)[number];
  direction?: 'inbound' | 'outbound' | null;
  occurredAt: string;
  userId?: string | null;
  subject?: string | null;
}

export const ContactInteractionLogged = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'interaction_logged',
  summary: 'A call, email, meeting, note, chat or feedback was recorded for a contact (no body).',
  schema: object(
    {
      contactId,
      interactionId: id('Interaction id'),
      kind: oneOf(INTERACTION_KINDS, 'Kind of interaction'),
      direction: nullable(oneOf(['inbound', 'outbound'], 'Direction')),
      occurredAt: timestamp('When it happened'),
      userId: nullable(id('Employee involved')),
      subject: nullable(text('Short subject line', 300)),
    },
    ['contactId', 'interactionId', 'kind', 'occurredAt'],
  ),
});

export interface ContactMergedV1 {
  survivorId: string;
  duplicateId: string;
  mergedAt: string;
}

export const ContactMerged = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'merged',
  summary: 'A duplicate was merged into a survivor: re-point every reference to the duplicate.',
  schema: object(
    {
      survivorId: id('Contact that remains (the subject of this event)'),
      duplicateId: id('Contact that no longer exists on its own'),
      mergedAt: timestamp('When the merge happened'),
    },
    ['survivorId', 'duplicateId', 'mergedAt'],
  ),
});

export interface ContactErasedV1 {
  contactId: string;
  erasedAt: string;
}

export const ContactErased = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'erased',
  summary: "GDPR erasure: delete every copy of this person's personal data.",
  schema: object({ contactId, erasedAt: timestamp('When the erasure was executed') }, [
    'contactId',
    'erasedAt',
  ]),
});

export interface ContactArchivedV1 {
  contactId: string;
  archivedAt: string;
}

export const ContactArchived = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'archived',
  summary: 'A contact was archived (soft delete); its history stays.',
  schema: object({ contactId, archivedAt: timestamp('When it was archived') }, [
    'contactId',
    'archivedAt',
  ]),
});

export interface CompanyRegisteredV1 {
  companyId: string;
  name: string;
  domain?: string | null;
  industry?: string | null;
  sizeBand?: string | null;
  parentCompanyId?: string | null;
}

const companyFields = {
  companyId,
  name: text('Company name', 300),
  domain: nullable(text('Web domain', 253)),
  industry: nullable(text('Industry', 100)),
  sizeBand: nullable(text('Employee count band, e.g. 11-50', 50)),
  parentCompanyId: nullable(id('Parent company id')),
};

export const CompanyRegistered = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'company',
  fact: 'registered',
  summary: 'A company (account) was added.',
  schema: object(companyFields, ['companyId', 'name']),
});

export interface CompanyDetailsChangedV1 extends Partial<Omit<CompanyRegisteredV1, 'companyId'>> {
  companyId: string;
  changed: string[];
}

export const CompanyDetailsChanged = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'company',
  fact: 'details_changed',
  summary: 'Fields of a company changed; the published ones carry their new value.',
  schema: object(
    { ...companyFields, changed: list(text('Field name', 100), 'Names of the changed fields') },
    ['companyId', 'changed'],
  ),
});

export interface ContactInteractionCorrectedV1 extends ContactInteractionLoggedV1 {
  /** Names of the corrected members (`body` and `call` among them, though not carried). */
  changed: string[];
}

export const ContactInteractionCorrected = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'interaction_corrected',
  summary:
    'A logged interaction was corrected: its values after the correction (no body) and which changed.',
  schema: object(
    {
      // The same members as the log (whatever it gains), with their corrected values.
      ...(ContactInteractionLogged.schema.properties as Record<string, Record<string, unknown>>),
      changed: list(text('Member name', 100), 'Names of the corrected members'),
    },
    ['contactId', 'interactionId', 'kind', 'occurredAt', 'changed'],
  ),
});

export interface ContactInteractionDeletedV1 {
  contactId: string;
  interactionId: string;
  deletedAt: string;
}

export const ContactInteractionDeleted = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'interaction_deleted',
  summary: 'A logged interaction was deleted (recorded by mistake): drop any copy of it.',
  schema: object(
    {
      contactId,
      interactionId: id('Interaction id'),
      deletedAt: timestamp('When it was deleted'),
    },
    ['contactId', 'interactionId', 'deletedAt'],
  ),
});

export const CONTACTS_EVENTS = [
  ContactRegistered,
  ContactDetailsChanged,
  ContactConsentChanged,
  ContactInteractionLogged,
  ContactMerged,
  ContactErased,
  ContactArchived,
  CompanyRegistered,
  CompanyDetailsChanged,
  ContactInteractionCorrected,
  ContactInteractionDeleted,
] as const;
