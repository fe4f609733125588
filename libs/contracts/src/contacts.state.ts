/**
 * State topics of the contacts service (see state-topic.ts): key = the record's id, value = its
 * current public state, a tombstone once the record is gone for good.
 *
 * - `crm.contacts.contact.state.v1`: what `GET /contacts/{id}` answers (same members and shapes),
 *   plus `consent`, the current decision per channel that `GET /contacts/{id}/consent` answers as
 *   `channels` (campaigns must know it before they send anything). Not in it: `companyName` (join
 *   the company state topic by `companyId`) and the consent history (it is on the event topic).
 *   Tombstone when the person is erased, and for a contact merged into another (its id then names
 *   the survivor: `contact.merged`); an archived contact keeps its state, with `status: archived`.
 * - `crm.contacts.company.state.v1`: what `GET /companies/{id}` answers.
 */
import { ContactSchemas, CONSENT_CHANNELS, LIFECYCLE_STAGES } from './contacts.events';
import { id, integer, object, oneOf, text, timestamp } from './json-schema';
import { defineStateTopic, type StateTopicDefinition } from './state-topic';

const channelConsent = object(
  {
    status: oneOf(['granted', 'withdrawn'], 'Current decision'),
    legalBasis: text('Lawful basis of a grant (absent for a withdrawal)', 100),
    source: text('Where the decision was captured', 200),
    at: timestamp('When the person decided'),
  },
  ['status', 'source', 'at'],
  'Consent decision for one channel',
);

export const ContactStateTopic = defineStateTopic({
  service: 'contacts',
  aggregate: 'contact',
  summary:
    'A contact as GET /contacts/{id} answers it, plus its consent per channel; a tombstone once ' +
    'the person is erased or merged into another contact.',
  schema: object(
    {
      id: id('Contact id (the key)'),
      version: integer('Version of the contact record (the REST ETag)', 1),
      status: ContactSchemas.status,
      name: ContactSchemas.name,
      displayName: text('Name shown in lists', 300),
      emails: ContactSchemas.emails,
      phones: ContactSchemas.phones,
      addresses: ContactSchemas.addresses,
      bestTimeToCall: ContactSchemas.bestTimeToCall,
      preferredChannel: ContactSchemas.preferredChannel,
      demographics: ContactSchemas.demographics,
      tags: ContactSchemas.tags,
      customFields: ContactSchemas.customFields,
      ownerId: id('User who owns the relationship'),
      companyId: id('Company the contact works for'),
      lifecycleStage: oneOf(LIFECYCLE_STAGES, 'Lifecycle stage'),
      createdAt: timestamp('When the contact was registered'),
      updatedAt: timestamp('Last change to the contact or its consent'),
      consent: object(
        Object.fromEntries(CONSENT_CHANNELS.map((channel) => [channel, channelConsent])),
        [],
        'Current consent decision per channel; a channel never decided is absent',
      ),
    },
    [
      'id',
      'version',
      'status',
      'name',
      'displayName',
      'emails',
      'phones',
      'addresses',
      'tags',
      'customFields',
      'lifecycleStage',
      'consent',
    ],
  ),
});

export const CompanyStateTopic = defineStateTopic({
  service: 'contacts',
  aggregate: 'company',
  summary: 'A company (account) as GET /companies/{id} answers it.',
  schema: object(
    {
      id: id('Company id (the key)'),
      version: integer('Version of the company record (the REST ETag)', 1),
      status: ContactSchemas.status,
      name: text('Company name', 300),
      domain: text('Web domain', 253),
      industry: text('Industry', 100),
      sizeBand: text('Employee count band, e.g. 10-49', 50),
      addresses: ContactSchemas.companyAddresses,
      parentCompanyId: id('Parent company id'),
    },
    ['id', 'version', 'status', 'name', 'addresses'],
  ),
});

export const CONTACTS_STATE_TOPICS: readonly StateTopicDefinition[] = [
  ContactStateTopic,
  CompanyStateTopic,
];
