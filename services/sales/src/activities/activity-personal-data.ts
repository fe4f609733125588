/**
 * The number dialled and free-text notes of an activity are personal data of the contact (or
 * lead) it is with: encrypted with that person's key, shredded when they are erased.
 */
import type { PersonalDataSpec } from '@crm/event-sourcing';

const byDataSubject = (event: { data: { dataSubject: string } }) => event.data.dataSubject;

export const activityPersonalData: PersonalDataSpec = {
  ActivityLogged: { subject: byDataSubject, fields: ['phone', 'notes'] },
  ActivityCompleted: { subject: byDataSubject, fields: ['notes'] },
};
