/**
 * How contacts' records read in their history and as of an instant: the decider's fold and the
 * view their GET answers. Every state after registration has a view (an archived, merged or
 * erased record still has a past); only a stream never registered is "not found".
 */
import { recordHistoryOf } from '@crm/platform';
import { toCompanyView } from '../companies/company-view';
import { companyDecider } from '../companies/company.decider';
import { toContactView } from '../contacts/contact-view';
import { contactDecider } from '../contacts/contact.decider';

export const contactRecord = (contactId: string) =>
  recordHistoryOf(contactDecider, (state, version) =>
    state.status === 'unregistered' ? undefined : toContactView(contactId, state, version),
  );

export const companyRecord = (companyId: string) =>
  recordHistoryOf(companyDecider, (state, version) =>
    state.status === 'unregistered'
      ? undefined
      : toCompanyView(companyId.toLowerCase(), state, version),
  );
