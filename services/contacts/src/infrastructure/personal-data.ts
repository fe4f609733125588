/**
 * Which fields of which events are personal, and whose. These are encrypted with the data
 * subject's key; erasing the key shreds them in every copy of the log. Ids, stages, dates and
 * flags stay readable so streams still fold and read models still replay after an erase.
 */
import type { PersonalDataSpec } from '@crm/event-sourcing';

const byContact = (event: { data: { contactId: string } }) => event.data.contactId;
// An interaction's content belongs to its first participant (normally the only one): erasing
// them shreds it; other participants' erasure removes them from it (InteractionRedacted).
const byFirstParticipant = (event: { data: { contactIds: string[] } }) => event.data.contactIds[0];

export const personalDataSpec: PersonalDataSpec = {
  ContactRegistered: {
    subject: byContact,
    fields: [
      'name',
      'emails',
      'phones',
      'addresses',
      'bestTimeToCall',
      'demographics',
      'customFields',
    ],
  },
  ContactDetailsChanged: { subject: byContact, fields: ['name', 'bestTimeToCall', 'demographics'] },
  // `after`: the whole list an event left behind (tags alone are not personal, as on registration).
  ContactEmailAdded: { subject: byContact, fields: ['address', 'label', 'after'] },
  ContactEmailRemoved: { subject: byContact, fields: ['address', 'after'] },
  ContactPhoneAdded: { subject: byContact, fields: ['number', 'label', 'after'] },
  ContactPhoneRemoved: { subject: byContact, fields: ['number', 'after'] },
  ContactAddressAdded: {
    subject: byContact,
    fields: ['label', 'lines', 'city', 'region', 'postalCode', 'after'],
  },
  ContactAddressRemoved: { subject: byContact, fields: ['after'] },
  ContactCustomFieldsChanged: { subject: byContact, fields: ['set', 'after'] },
  ContactDuplicateAbsorbed: {
    subject: byContact,
    fields: ['emails', 'phones', 'addresses', 'customFields', 'filled', 'after'],
  },
  ContactArchived: { subject: byContact, fields: ['reason'] },
  ConsentWithdrawn: { subject: byContact, fields: ['reason'] },
  InteractionLogged: { subject: byFirstParticipant, fields: ['subject', 'body', 'call'] },
  InteractionCorrected: { subject: byFirstParticipant, fields: ['subject', 'body', 'call'] },
};
