/**
 * A case's subject and description and the bodies of its replies and notes are free text written
 * by or about the customer: personal data of the case's contact, encrypted with that contact's
 * key and shredded when the contact is erased. Once erased they read back as ERASED and the case
 * still folds (its status, SLA and resolution history remain).
 */
import type { PersonalDataSpec } from '@crm/event-sourcing';

const byContact = (event: { data: { contactId: string } }) => event.data.contactId;

export const casePersonalData: PersonalDataSpec = {
  CaseOpened: { subject: byContact, fields: ['subject', 'description'] },
  CaseReplied: { subject: byContact, fields: ['body'] },
  CaseNoted: { subject: byContact, fields: ['body'] },
};
