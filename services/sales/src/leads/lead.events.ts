import type { DomainEvent } from '@crm/event-sourcing';

export const LEAD_SOURCES = ['web_form', 'import', 'campaign', 'referral', 'manual'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const ENGAGEMENT_KINDS = ['interaction', 'campaign-click'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export interface LeadProfile {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  readonly interest?: string;
}

export interface ScoreReason {
  /** Stable rule id, e.g. `profile.email`, `engagement.interactions`. */
  readonly rule: string;
  readonly points: number;
  readonly detail: string;
}

export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  {
    leadId: string;
    source: LeadSource;
    campaignId?: string;
    profile: LeadProfile;
    ownerId?: string;
    capturedAt: string;
  }
>;
export type LeadProfileUpdated = DomainEvent<
  'LeadProfileUpdated',
  { leadId: string; profile: LeadProfile }
>;
export type LeadEngagementRecorded = DomainEvent<
  'LeadEngagementRecorded',
  { leadId: string; kind: EngagementKind; campaignId?: string; occurredAt: string }
>;
export type LeadScored = DomainEvent<
  'LeadScored',
  { leadId: string; score: number; previousScore: number; reasons: ScoreReason[] }
>;
export type LeadWorkStarted = DomainEvent<
  'LeadWorkStarted',
  { leadId: string; ownerId: string; at: string }
>;
export type LeadQualified = DomainEvent<'LeadQualified', { leadId: string; at: string }>;
export type LeadDisqualified = DomainEvent<
  'LeadDisqualified',
  { leadId: string; reason: string; at: string }
>;
export type LeadConverted = DomainEvent<
  'LeadConverted',
  {
    leadId: string;
    contactId: string;
    /** True when conversion made a new contact (created through the contacts API, or only its id minted without CONTACTS_URL); false: linked to an existing one. */
    contactCreated: boolean;
    companyId?: string;
    companyCreated: boolean;
    opportunityId: string;
    /** The profile the contacts service uses to create the contact/company. */
    profile: LeadProfile;
    at: string;
  }
>;

export type LeadEvent =
  | LeadCaptured
  | LeadProfileUpdated
  | LeadEngagementRecorded
  | LeadScored
  | LeadWorkStarted
  | LeadQualified
  | LeadDisqualified
  | LeadConverted;
