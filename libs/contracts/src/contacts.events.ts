/**
 * `crm.contacts.v1`: what the contacts service tells everyone else, as event-carried state: each
 * aggregate's "registered" event carries its whole public state, and every later event carries
 * the NEW VALUES of what it changed (a list that changed travels whole, with its primary flags),
 * so a consumer that follows the topic never needs the REST API to stay correct. The values have
 * the shapes of the REST views (`GET /contacts/{id}`, `GET /companies/{id}`, consent per channel):
 * one representation everywhere. Contacts carries no money or probability; the CRM's one rule for
 * them (sales, see sales.events.ts) is the REST API's: money an integer of the currency's minor
 * units beside `currency` (`totalMinor`, `currency`), probabilities whole percent 0..100; only the
 * first v1 members keep `{ amount: "1234.50", currency }` and a 0..1 fraction, for compatibility.
 *
 * Events recorded before a value was carried (and every event replayed after its person was
 * erased: crypto-shredded fields read back as nothing) still name their changed fields in
 * `changed` but carry only what is left; the state topic `crm.contacts.contact.state.v1` then has
 * the current value. Every consumer that keeps a copy must delete it on `contact.erased`.
 *
 * One deliberate break of v1: `consent_changed.legalBasis` is null for a withdrawal. It used to
 * say "consent" for withdrawals that record no basis, which was false; a v2 topic for one member
 * would split the one fact campaigns must honour at once across two topics while they migrate.
 */
import { defineIntegrationEvent } from './integration-event';
import { date, id, list, nullable, object, oneOf, text, timestamp } from './json-schema';

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

export const CONTACT_STATUSES = ['active', 'archived'] as const;
export const CONTACT_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const CONTACT_AGE_BANDS = [
  'under-18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-plus',
] as const;
export const CONTACT_GENDERS = ['female', 'male', 'non-binary', 'other', 'undisclosed'] as const;
export const CONTACT_INCOME_BANDS = [
  'low',
  'lower-middle',
  'middle',
  'upper-middle',
  'high',
] as const;

const flag = (description: string) => ({ type: 'boolean', description });
const label = text('Label, e.g. work, mobile, home', 40);

const postalAddress = object(
  {
    addressId: id('Address id, stable for its sub-resource'),
    label,
    primary: flag('The primary address (exactly one when there are any)'),
    lines: list(text('Street line', 120), 'Street lines', 4),
    city: text('City', 80),
    region: text('Region or state', 80),
    postalCode: text('Postal code', 16),
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
  },
  ['addressId', 'primary', 'lines', 'city', 'country'],
);

/** The shapes of the REST views, shared by the events and the state topics. */
export const ContactSchemas = {
  status: oneOf(CONTACT_STATUSES, 'Status'),
  name: object(
    { given: text('Given name', 100), family: text('Family name', 100) },
    [],
    'Name (given and/or family; empty once erased)',
  ),
  emails: list(
    object(
      {
        address: { ...email, description: 'Email address' },
        label,
        primary: flag('The primary email (exactly one when there are any)'),
      },
      ['address', 'primary'],
    ),
    'Every email, the primary one flagged',
    20,
  ),
  phones: list(
    object(
      {
        number: { ...phone, description: 'Phone number, E.164' },
        label,
        primary: flag('The primary phone (exactly one when there are any)'),
      },
      ['number', 'primary'],
    ),
    'Every phone, the primary one flagged',
    20,
  ),
  addresses: list(postalAddress, 'Every postal address, the primary one flagged', 10),
  /** A company has no address limit of its own. */
  companyAddresses: list(postalAddress, 'Every postal address, the primary one flagged'),
  bestTimeToCall: object(
    {
      timeZone: text('IANA time zone the windows are in', 100),
      windows: list(
        object(
          {
            day: oneOf(CONTACT_WEEKDAYS, 'Weekday'),
            from: {
              type: 'string',
              pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
              description: 'HH:MM',
            },
            to: {
              type: 'string',
              pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
              description: 'HH:MM',
            },
          },
          ['day', 'from', 'to'],
        ),
        'Call windows, local wall-clock time',
        21,
      ),
    },
    ['timeZone', 'windows'],
    'When the person prefers to be called',
  ),
  preferredChannel: oneOf(CONSENT_CHANNELS, 'Preferred channel'),
  demographics: object(
    {
      birthDate: date('Birth date'),
      ageBand: oneOf(CONTACT_AGE_BANDS, 'Age band'),
      gender: oneOf(CONTACT_GENDERS, 'Gender'),
      householdIncomeBand: oneOf(CONTACT_INCOME_BANDS, 'Household income band'),
    },
    [],
    'Targeting data (a birth date or an age band, never both)',
  ),
  tags: list(text('Tag', 100), 'Tags'),
  customFields: {
    type: 'object',
    description:
      "The tenant's custom fields by key: text, number, date, boolean, or a list of options",
    additionalProperties: {
      type: ['string', 'number', 'boolean', 'array'],
      items: { type: 'string', maxLength: 500 },
      maxLength: 2000,
    },
  },
} as const;

/** Personal details a contact's events carry (the REST view's members). */
export interface ContactDetailsV1 {
  status?: (typeof CONTACT_STATUSES)[number];
  name?: { given?: string; family?: string };
  emails?: { address: string; label?: string; primary: boolean }[];
  phones?: { number: string; label?: string; primary: boolean }[];
  addresses?: {
    addressId: string;
    label?: string;
    primary: boolean;
    lines: string[];
    city: string;
    region?: string;
    postalCode?: string;
    country: string;
  }[];
  bestTimeToCall?: {
    timeZone: string;
    windows: { day: (typeof CONTACT_WEEKDAYS)[number]; from: string; to: string }[];
  } | null;
  preferredChannel?: (typeof CONSENT_CHANNELS)[number] | null;
  demographics?: {
    birthDate?: string;
    ageBand?: (typeof CONTACT_AGE_BANDS)[number];
    gender?: (typeof CONTACT_GENDERS)[number];
    householdIncomeBand?: (typeof CONTACT_INCOME_BANDS)[number];
  } | null;
  customFields?: Record<string, string | number | boolean | string[]>;
}

/** The members every contact event may carry: non-null in the state, clearable in a change. */
const contactDetails = {
  status: ContactSchemas.status,
  name: ContactSchemas.name,
  emails: ContactSchemas.emails,
  phones: ContactSchemas.phones,
  addresses: ContactSchemas.addresses,
  customFields: ContactSchemas.customFields,
};
const clearableContactDetails = {
  bestTimeToCall: nullable(ContactSchemas.bestTimeToCall),
  preferredChannel: nullable(ContactSchemas.preferredChannel),
  demographics: nullable(ContactSchemas.demographics),
};

export interface ContactRegisteredV1 extends ContactDetailsV1 {
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
  summary: 'A person was added to the CRM; carries their whole public state.',
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
      ...contactDetails,
      ...clearableContactDetails,
    },
    ['contactId', 'displayName', 'lifecycleStage'],
  ),
});

export interface ContactDetailsChangedV1 extends ContactDetailsV1 {
  contactId: string;
  /**
   * Names of the members that changed; each is carried with its new value (a list whole), except
   * in events recorded before that value was carried or replayed after an erase.
   */
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
  summary:
    'Members of a contact changed; each named in `changed` carries its new value (lists whole, ' +
    'with primaryEmail/primaryPhone when the primary moved; null = cleared).',
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
      ...contactDetails,
      ...clearableContactDetails,
    },
    ['contactId', 'changed'],
  ),
});

export interface ContactConsentChangedV1 {
  contactId: string;
  channel: (typeof CONSENT_CHANNELS)[number];
  status: 'granted' | 'withdrawn';
  /** The grant's lawful basis; null for a withdrawal (it records none). */
  legalBasis: string | null;
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
      legalBasis: nullable(
        text('GDPR lawful basis of a grant, e.g. consent, contract; null for a withdrawal', 100),
      ),
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
  status?: 'archived';
}

export const ContactArchived = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'archived',
  summary: 'A contact was archived (soft delete); its history stays.',
  schema: object(
    { contactId, archivedAt: timestamp('When it was archived'), status: ContactSchemas.status },
    ['contactId', 'archivedAt'],
  ),
});

export interface ContactRestoredV1 {
  contactId: string;
  restoredAt: string;
  status: 'active';
}

export const ContactRestored = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'contact',
  fact: 'restored',
  summary: 'An archived contact was restored; it is active again.',
  schema: object(
    { contactId, restoredAt: timestamp('When it was restored'), status: ContactSchemas.status },
    ['contactId', 'restoredAt', 'status'],
  ),
});

export interface CompanyRegisteredV1 {
  companyId: string;
  name: string;
  domain?: string | null;
  industry?: string | null;
  sizeBand?: string | null;
  parentCompanyId?: string | null;
  addresses?: NonNullable<ContactDetailsV1['addresses']>;
  status?: (typeof CONTACT_STATUSES)[number];
}

const companyFields = {
  companyId,
  name: text('Company name', 300),
  domain: nullable(text('Web domain', 253)),
  industry: nullable(text('Industry', 100)),
  sizeBand: nullable(text('Employee count band, e.g. 11-50', 50)),
  parentCompanyId: nullable(id('Parent company id')),
  addresses: ContactSchemas.companyAddresses,
  status: ContactSchemas.status,
};

export const CompanyRegistered = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'company',
  fact: 'registered',
  summary: 'A company (account) was added; carries its whole public state.',
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
  summary: 'Members of a company changed; each named in `changed` carries its new value.',
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

export interface CompanyArchivedV1 {
  companyId: string;
  archivedAt: string;
  status: 'archived';
}

export const CompanyArchived = defineIntegrationEvent({
  service: 'contacts',
  aggregate: 'company',
  fact: 'archived',
  summary: 'A company was archived; it takes no further changes.',
  schema: object(
    { companyId, archivedAt: timestamp('When it was archived'), status: ContactSchemas.status },
    ['companyId', 'archivedAt', 'status'],
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
  ContactRestored,
  CompanyRegistered,
  CompanyDetailsChanged,
  CompanyArchived,
  ContactInteractionCorrected,
  ContactInteractionDeleted,
] as const;
