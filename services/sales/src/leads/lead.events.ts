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
/**
 * GDPR erasure of the lead's personal data: its key is shredded right after this is appended, so
 * every copy (read models, the lead state topic, integrators) learns it from the log.
 */
export type LeadPersonalDataErased = DomainEvent<
  'LeadPersonalDataErased',
  { leadId: string; at: string }
>;
/**
 * The conversion's decision, recorded before anything is created: every id it will create or
 * link, deterministic (UUID v5 of tenant, lead, attempt and role), so every retried or resumed
 * step of the conversion process creates the same contact, company and opportunity.
 */
export type LeadConversionStarted = DomainEvent<
  'LeadConversionStarted',
  {
    leadId: string;
    conversionId: string;
    /** 1 for the first conversion of this lead; an abandoned one is followed by attempt 2. */
    attempt: number;
    contactId: string;
    contactCreated: boolean;
    companyId?: string;
    companyCreated: boolean;
    opportunityId: string;
    at: string;
  }
>;
/** The conversion was refused on the way (e.g. by the contacts service) and undone. */
export type LeadConversionAbandoned = DomainEvent<
  'LeadConversionAbandoned',
  { leadId: string; conversionId: string; reason: string; at: string }
>;
export type LeadConverted = DomainEvent<
  'LeadConverted',
  {
    leadId: string;
    /** The conversion process that converted it (absent on leads converted before there was one). */
    conversionId?: string;
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
  | LeadPersonalDataErased
  | LeadConversionStarted
  | LeadConversionAbandoned
  | LeadConverted;
