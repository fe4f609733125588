/**
 * Lead: new -> working -> qualified -> converting -> converted, or disqualified (with a reason)
 * from any open status. `converting` is the conversion process in flight (lead-conversion.ts): the
 * lead takes no edits then, and goes back to qualified if the conversion is abandoned. Every
 * change to the scoring inputs is followed by LeadScored when the score moves.
 */
import { type Decider, DomainError } from '@crm/event-sourcing';
import { parseEmail, parseInstant, parsePhoneNumber, parseText } from '@crm/values';
import type { LeadCommand } from './lead.commands';
import { ERASED_PROFILE, readableProfile } from './lead-personal-data';
import { scoreLead } from './lead-scoring';
import {
  ENGAGEMENT_KINDS,
  LEAD_SOURCES,
  type LeadEvent,
  type LeadProfile,
  type LeadSource,
  type LeadScored,
  type ScoreReason,
} from './lead.events';
import { LeadErrors } from './lead.errors';

export type LeadStatus =
  'new' | 'working' | 'qualified' | 'converting' | 'converted' | 'disqualified';

/** What the conversion decided (LeadConversionStarted), kept once it converted the lead. */
export interface LeadConversionPlan {
  readonly conversionId: string;
  readonly contactId: string;
  readonly contactCreated: boolean;
  readonly companyId?: string;
  readonly companyCreated: boolean;
  readonly opportunityId: string;
}

export interface LeadState {
  readonly exists: boolean;
  readonly leadId: string;
  readonly status: LeadStatus;
  readonly source: LeadSource;
  readonly profile: LeadProfile;
  readonly ownerId?: string;
  readonly interactions: number;
  readonly campaignClicks: number;
  readonly score: number;
  readonly reasons: readonly ScoreReason[];
  readonly contactId?: string;
  readonly opportunityId?: string;
  readonly disqualifiedReason?: string;
  /** Its personal data was erased (GDPR): the profile reads as ERASED_PROFILE. */
  readonly erased?: boolean;
  readonly conversion?: LeadConversionPlan;
  /** Conversions started so far (optional: states stored before conversions were processes). */
  readonly conversionAttempts?: number;
}

export const initialLeadState = (): LeadState => ({
  exists: false,
  leadId: '',
  status: 'new',
  source: 'manual',
  profile: { name: '' },
  interactions: 0,
  campaignClicks: 0,
  score: 0,
  reasons: [],
});

export function evolveLead(state: LeadState, event: LeadEvent): LeadState {
  switch (event.type) {
    case 'LeadCaptured':
      return {
        ...state,
        exists: true,
        leadId: event.data.leadId,
        status: 'new',
        source: event.data.source,
        profile: readableProfile(event.data.profile),
        ownerId: event.data.ownerId,
      };
    case 'LeadProfileUpdated':
      return { ...state, profile: readableProfile(event.data.profile) };
    case 'LeadEngagementRecorded':
      return event.data.kind === 'interaction'
        ? { ...state, interactions: state.interactions + 1 }
        : { ...state, campaignClicks: state.campaignClicks + 1 };
    case 'LeadScored':
      return { ...state, score: event.data.score, reasons: event.data.reasons };
    case 'LeadWorkStarted':
      return { ...state, status: 'working', ownerId: event.data.ownerId };
    case 'LeadQualified':
      return { ...state, status: 'qualified' };
    case 'LeadDisqualified':
      return { ...state, status: 'disqualified', disqualifiedReason: event.data.reason };
    case 'LeadPersonalDataErased':
      return { ...state, erased: true, profile: ERASED_PROFILE };
    case 'LeadConversionStarted': {
      const { leadId: _lead, attempt: _attempt, at: _at, ...plan } = event.data;
      return {
        ...state,
        status: 'converting',
        conversion: plan,
        conversionAttempts: (state.conversionAttempts ?? 0) + 1,
      };
    }
    case 'LeadConversionAbandoned':
      return { ...state, status: 'qualified', conversion: undefined };
    case 'LeadConverted':
      return {
        ...state,
        status: 'converted',
        contactId: event.data.contactId,
        opportunityId: event.data.opportunityId,
      };
  }
}

export function decideLead(command: LeadCommand, state: LeadState): LeadEvent[] {
  if (command.type === 'CaptureLead') {
    if (state.exists) throw LeadErrors.leadAlreadyExists(state.leadId);
    const { leadId, source, campaignId, ownerId, at } = command.data;
    if (!LEAD_SOURCES.includes(source)) throw LeadErrors.invalidLeadSource(LEAD_SOURCES);
    parseInstant(at, 'at');
    const profile = validProfile(command.data.profile);
    const captured: LeadEvent = {
      type: 'LeadCaptured',
      data: {
        leadId,
        source,
        ...(campaignId ? { campaignId } : {}),
        profile,
        ...(ownerId ? { ownerId } : {}),
        capturedAt: at,
      },
    };
    return withRescore(state, [captured]);
  }

  if (!state.exists) throw LeadErrors.leadNotFound();
  const leadId = state.leadId;

  switch (command.type) {
    case 'UpdateLeadProfile':
      requireOpen(state);
      return withRescore(state, [
        {
          type: 'LeadProfileUpdated',
          data: { leadId, profile: validProfile(command.data.profile) },
        },
      ]);
    case 'RecordLeadEngagement': {
      const { kind, campaignId, at } = command.data;
      if (!ENGAGEMENT_KINDS.includes(kind))
        throw LeadErrors.invalidEngagementKind(ENGAGEMENT_KINDS);
      // A converted lead lives on as a contact: late engagement signals belong to the contact, not here.
      if (state.status === 'converted') return [];
      return withRescore(state, [
        {
          type: 'LeadEngagementRecorded',
          data: { leadId, kind, ...(campaignId ? { campaignId } : {}), occurredAt: at },
        },
      ]);
    }
    case 'StartWorkingLead':
      if (state.status === 'working' && state.ownerId === command.data.ownerId) return [];
      if (state.status !== 'new' && state.status !== 'working') throw transition(state, 'working');
      return [
        {
          type: 'LeadWorkStarted',
          data: {
            leadId,
            ownerId: parseText(command.data.ownerId, 'ownerId'),
            at: command.data.at,
          },
        },
      ];
    case 'QualifyLead':
      if (state.status === 'qualified') return [];
      if (state.status !== 'working') throw transition(state, 'qualified');
      return [{ type: 'LeadQualified', data: { leadId, at: command.data.at } }];
    case 'DisqualifyLead': {
      requireOpen(state);
      const reason = parseText(command.data.reason, 'reason', 500);
      return [{ type: 'LeadDisqualified', data: { leadId, reason, at: command.data.at } }];
    }
    case 'EraseLeadPersonalData':
      // Erasing twice (a redelivered contact erasure, a retried DELETE) records it once.
      if (state.erased) return [];
      return [{ type: 'LeadPersonalDataErased', data: { leadId, at: command.data.at } }];
    case 'StartLeadConversion': {
      const { conversionId, attempt, existingContactId, newContactId, existingCompanyId } =
        command.data;
      // The same decision again (a retried or concurrent request of the same conversion): done.
      if (state.conversion?.conversionId === conversionId) return [];
      if (state.status === 'converted') {
        throw LeadErrors.leadAlreadyConverted(leadId, state.contactId, state.opportunityId);
      }
      if (state.status === 'converting') {
        throw LeadErrors.leadConversionInProgress(leadId, state.conversion?.conversionId);
      }
      if (state.status !== 'qualified') throw transition(state, 'converted');
      const companyId =
        existingCompanyId ?? (state.profile.company ? command.data.newCompanyId : undefined);
      if (state.profile.company && !companyId) {
        throw LeadErrors.companyRequired();
      }
      return [
        {
          type: 'LeadConversionStarted',
          data: {
            leadId,
            conversionId,
            attempt,
            contactId: existingContactId ?? newContactId,
            contactCreated: !existingContactId,
            ...(companyId ? { companyId } : {}),
            companyCreated: !existingCompanyId && companyId !== undefined,
            opportunityId: command.data.opportunityId,
            at: command.data.at,
          },
        },
      ];
    }
    case 'ConvertLead': {
      const plan = state.conversion;
      if (plan?.conversionId !== command.data.conversionId) {
        if (state.status === 'converted')
          throw LeadErrors.leadAlreadyConverted(leadId, state.contactId, state.opportunityId);
        throw transition(state, 'converted');
      }
      if (state.status === 'converted') return [];
      const { conversionId, ...ids } = plan;
      return [
        {
          type: 'LeadConverted',
          data: { leadId, conversionId, ...ids, profile: state.profile, at: command.data.at },
        },
      ];
    }
    case 'AbandonLeadConversion': {
      // Only the conversion in flight can be abandoned; anything else has nothing to undo here.
      const { conversionId, at } = command.data;
      if (state.status !== 'converting' || state.conversion?.conversionId !== conversionId)
        return [];
      const reason = parseText(command.data.reason, 'reason', 500);
      return [{ type: 'LeadConversionAbandoned', data: { leadId, conversionId, reason, at } }];
    }
  }
}

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: initialLeadState,
  evolve: evolveLead,
  decide: decideLead,
};

function validProfile(profile: LeadProfile): LeadProfile {
  const name = parseText(profile.name, 'profile.name');
  // Blank is absent. The rules are the contacts service's own (@crm/values), so a lead that gets
  // in here is never refused by it on conversion.
  const email = profile.email?.trim() ? parseEmail(profile.email, 'profile.email') : undefined;
  const phone = profile.phone?.trim()
    ? parsePhoneNumber(profile.phone, 'profile.phone')
    : undefined;
  const optional = (value: string | undefined, field: string) =>
    value?.trim() ? { [field]: parseText(value, `profile.${field}`) } : {};
  return {
    name,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...optional(profile.company, 'company'),
    ...optional(profile.jobTitle, 'jobTitle'),
    ...optional(profile.interest, 'interest'),
  };
}

/** Appends LeadScored when the new facts move the score (or its reasons). */
function withRescore(state: LeadState, events: LeadEvent[]): LeadEvent[] {
  const after = events.reduce(evolveLead, state);
  const { score, reasons } = scoreLead(after);
  // Only a change of points is news; a reason whose text changed but whose points are capped is not.
  const pointsOf = (list: readonly ScoreReason[]) =>
    list.map((r) => `${r.rule}=${r.points}`).join();
  if (score === state.score && pointsOf(reasons) === pointsOf(state.reasons)) return events;
  const scored: LeadScored = {
    type: 'LeadScored',
    data: { leadId: after.leadId, score, previousScore: state.score, reasons },
  };
  return [...events, scored];
}

function requireOpen(state: LeadState): void {
  if (state.status === 'converted' || state.status === 'disqualified') {
    throw LeadErrors.leadClosed(state.status);
  }
  if (state.status === 'converting') {
    throw LeadErrors.leadConversionInProgress(state.leadId, state.conversion?.conversionId);
  }
}

function transition(state: LeadState, to: LeadStatus): DomainError {
  return LeadErrors.invalidLeadTransition(state.status, to);
}
