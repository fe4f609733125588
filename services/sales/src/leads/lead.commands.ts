import type { EngagementKind, LeadProfile, LeadSource } from './lead.events';

export type CaptureLead = {
  type: 'CaptureLead';
  data: {
    leadId: string;
    source: LeadSource;
    campaignId?: string;
    profile: LeadProfile;
    ownerId?: string;
    at: string;
  };
};
export type UpdateLeadProfile = { type: 'UpdateLeadProfile'; data: { profile: LeadProfile } };
export type RecordLeadEngagement = {
  type: 'RecordLeadEngagement';
  data: { kind: EngagementKind; campaignId?: string; at: string };
};
export type StartWorkingLead = { type: 'StartWorkingLead'; data: { ownerId: string; at: string } };
export type QualifyLead = { type: 'QualifyLead'; data: { at: string } };
export type DisqualifyLead = { type: 'DisqualifyLead'; data: { reason: string; at: string } };
export type EraseLeadPersonalData = { type: 'EraseLeadPersonalData'; data: { at: string } };
/** The decision: records every id the conversion will create or link (LeadConversionStarted). */
export type StartLeadConversion = {
  type: 'StartLeadConversion';
  data: {
    conversionId: string;
    attempt: number;
    /** Link to this existing contact; when absent, `newContactId` is the contact to create. */
    existingContactId?: string;
    newContactId: string;
    existingCompanyId?: string;
    /** Only used when the lead names a company and no existing company is linked. */
    newCompanyId?: string;
    opportunityId: string;
    at: string;
  };
};
/** The last step of the conversion process: the lead is converted onto what it created. */
export type ConvertLead = { type: 'ConvertLead'; data: { conversionId: string; at: string } };
/** The conversion process was refused after it started: the lead is qualified again. */
export type AbandonLeadConversion = {
  type: 'AbandonLeadConversion';
  data: { conversionId: string; reason: string; at: string };
};

export type LeadCommand =
  | CaptureLead
  | UpdateLeadProfile
  | RecordLeadEngagement
  | StartWorkingLead
  | QualifyLead
  | DisqualifyLead
  | EraseLeadPersonalData
  | StartLeadConversion
  | ConvertLead
  | AbandonLeadConversion;
