/**
 * A lead's profile (name, email, phone, company, title, interest) is personal data of the lead.
 * It is encrypted in the log with the lead's key (crypto-shredding); once erased it reads back as
 * ERASED and the lead folds with this placeholder profile, so its status and score history remain.
 */
import { ERASED, isErased, type PersonalDataSpec } from '@crm/event-sourcing';
import type { LeadProfile } from './lead.events';

export const ERASED_PROFILE: LeadProfile = Object.freeze({ name: ERASED });

export function readableProfile(profile: LeadProfile | typeof ERASED): LeadProfile {
  return isErased(profile) ? ERASED_PROFILE : profile;
}

const byLead = (event: { data: { leadId: string } }) => event.data.leadId;

export const leadPersonalData: PersonalDataSpec = {
  LeadCaptured: { subject: byLead, fields: ['profile'] },
  LeadProfileUpdated: { subject: byLead, fields: ['profile'] },
  LeadConverted: { subject: byLead, fields: ['profile'] },
};
